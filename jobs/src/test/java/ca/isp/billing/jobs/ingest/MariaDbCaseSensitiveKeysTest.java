package ca.isp.billing.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.MariaDbSchema;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
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

    private MariaDbSchema schema;

    @BeforeAll
    void createSchema() {
        schema = MariaDbSchema.create("billing_case", getClass());
    }

    @AfterAll
    void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void usageIdsAndPaymentRefsDifferingOnlyInCaseAreAllStored() throws Exception {
        Path home = Files.createTempDirectory("billing-mariadb-case-");
        try (BillingRun maria = BillingRun.start(home, schema.url(), schema.user, schema.password)) {
            // given: accounts 200001..200003; a usage file with rec-a and REC-A, a payment file with CASE-a and CASE-A
            Fixtures.importAll(maria.bean(ReferenceDataImporter.class), "payments", Kind.ACCOUNTS);
            Fixtures.drop("usage-case-keys.csv", maria.properties().inbox("usage"), "usage-case-keys.csv");
            Fixtures.drop("payments/payments-case-refs.csv", maria.properties().inbox("payments"), "payments-case-refs.csv");

            // when
            Result exit = maria.bill();

            // then: the cycle completes and both of each pair are stored, none counted as a duplicate
            assertThat(exit).isEqualTo(Result.COMPLETED);
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

}
