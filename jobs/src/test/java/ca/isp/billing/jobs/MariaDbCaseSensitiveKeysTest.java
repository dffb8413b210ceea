package ca.isp.billing.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ca.isp.billing.jobs.cli.BillingCommandLine;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Keys that differ only in case are different keys on MariaDB too, as on H2 and in the Java
 * duplicate checks: the schema is created case-insensitive (utf8mb4_unicode_ci, a common server
 * default) and the billing tables are switched to binary collation by the V5 migration. Same
 * server and skip rule as {@link MariaDbCycleTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbCaseSensitiveKeysTest {

    private final String server = env("BILLING_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");
    private final String user = env("BILLING_TEST_MYSQL_USER", "root");
    private final String password = env("BILLING_TEST_MYSQL_PASSWORD", "");
    private final String schema = "billing_case_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis() % 100000;

    @BeforeAll
    void createSchema() {
        try (Connection connection = DriverManager.getConnection(server, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            String reason = "no MariaDB/MySQL server at " + server + " (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the MariaDB tests: " + reason, e);
            }
            System.out.println("SKIPPED MariaDbCaseSensitiveKeysTest: " + reason);
            Assumptions.abort(reason);
        }
    }

    @AfterAll
    void dropSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + schema);
        } catch (SQLException e) {
            // the server went away: nothing to drop
        }
    }

    @Test
    void usageIdsAndPaymentRefsDifferingOnlyInCaseAreAllStored() throws Exception {
        Path home = Files.createTempDirectory("billing-mariadb-case-");
        try (BillingRun maria = BillingRun.start(home, server + schema + "?rewriteBatchedStatements=true", user, password)) {
            // given: accounts 200001..200003; a usage file with rec-a and REC-A, a payment file with CASE-a and CASE-A
            Fixtures.importAll(maria.bean(ReferenceDataImporter.class), "payments", Kind.ACCOUNTS);
            Fixtures.drop("usage-case-keys.csv", maria.properties().inbox("usage"), "usage-case-keys.csv");
            Fixtures.drop("payments/payments-case-refs.csv", maria.properties().inbox("payments"), "payments-case-refs.csv");

            // when
            int exit = maria.bill();

            // then: the cycle completes and both of each pair are stored, none counted as a duplicate
            assertThat(exit).isEqualTo(BillingCommandLine.OK);
            assertThat(maria.jdbc().queryForList("SELECT record_id FROM usage_record ORDER BY id", String.class))
                    .containsExactly("rec-a", "REC-A");
            assertThat(maria.jdbc().queryForList("""
                    SELECT p.payment_ref, a.account_number FROM payment p JOIN account a ON a.id = p.account_id
                    ORDER BY p.id"""))
                    .extracting(p -> p.get("payment_ref"), p -> p.get("account_number"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("CASE-a", "200001"),
                            org.assertj.core.groups.Tuple.tuple("CASE-A", "200002"));
            assertThat(maria.jdbc().queryForList("SELECT duplicates FROM ingested_file ORDER BY id", Long.class))
                    .containsExactly(0L, 0L);
            // 10.00 and 20.00, no invoice to take them: both are credits on the ledger
            assertThat(maria.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM account_ledger WHERE entry_type = 'PAYMENT'", Long.class)).isEqualTo(2L);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
