package ca.isp.billing.jobs.charge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
 * On MariaDB, SUM(billable_units) of two records of 2^63 - 1 is a DECIMAL(41,0) beyond a long:
 * the charge step reads it exactly, bills the unlimited account and leaves the one whose
 * overage no invoice can hold, and the cycle completes (as ChargeGuardsTest on H2). Same server
 * and skip rule as {@link ca.isp.billing.jobs.cycle.MariaDbCycleTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbUsageSumTest {

    private MariaDbSchema schema;

    @BeforeAll
    void createSchema() {
        schema = MariaDbSchema.create("billing_sum", getClass());
    }

    @AfterAll
    void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void usageBeyondALongIsSummedExactly() throws Exception {
        Path home = Files.createTempDirectory("billing-mariadb-sum-");
        try (BillingRun maria = BillingRun.start(home, schema.url(), schema.user, schema.password)) {
            // given: 740001 on NET-UNL (unlimited), 740002 on NET-50 (50 GB, 2.00/GB over), both due
            // 2026-11-01, each with two October sessions of 2^63 - 1 bytes stored as an older version did
            ReferenceDataImporter importer = maria.bean(ReferenceDataImporter.class);
            Fixtures.importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
            Fixtures.importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
            importer.importFile(Kind.ACCOUNTS, write(home, "accounts.csv",
                    "account_number,name,customer_type,language,email,delivery,billing_line1,billing_line2,"
                            + "billing_city,billing_region,billing_postal_code,billing_country,service_line1,"
                            + "service_line2,service_city,service_county,service_region,service_postal_code,"
                            + "service_country,next_bill_date",
                    "740001,Unlimited,RESIDENTIAL,en,,MAIL,1 King St,,Toronto,ON,M5H 1A1,CA,1 King St,,Toronto,,ON,M5H 1A1,CA,2026-11-01",
                    "740002,Capped,RESIDENTIAL,en,,MAIL,1 King St,,Toronto,ON,M5H 1A1,CA,1 King St,,Toronto,,ON,M5H 1A1,CA,2026-11-01"));
            importer.importFile(Kind.SUBSCRIPTIONS, write(home, "subscriptions.csv",
                    "subscription_id,account_number,plan_code,service_id,start_date,end_date",
                    "S740001,740001,NET-UNL,m-1,2026-01-01,",
                    "S740002,740002,NET-50,m-2,2026-01-01,"));
            maria.jdbc().update("""
                    INSERT INTO ingested_file (kind, file_name, sha256, lines_read, records_stored, duplicates, rejected,
                        ingested_at) VALUES ('usage', 'old.csv', ?, 4, 4, 0, 0, CURRENT_TIMESTAMP)""", "0".repeat(64));
            for (String account : new String[] {"740001", "740002"}) {
                for (int session = 1; session <= 2; session++) {
                    maria.jdbc().update("""
                            INSERT INTO usage_record (source, record_id, service_id, usage_type, start_time, quantity,
                                file_id, status, subscription_id, account_id, billable_units)
                            SELECT 'radius', ?, 'm', 'DATA', TIMESTAMP '2026-10-10 08:00:00', 9223372036854775807,
                                (SELECT MAX(id) FROM ingested_file), 'RATED', s.id, s.account_id, 9223372036854775807
                            FROM subscription s WHERE s.subscription_id = ?""", account + "-" + session, "S" + account);
                }
            }
            assertThat(maria.jdbc().queryForObject("SELECT SUM(billable_units) FROM usage_record WHERE record_id LIKE '740001-%'",
                    BigDecimal.class)).isEqualByComparingTo("18446744073709551614");

            // when
            Result exit = maria.bill();

            // then: 740001 billed its plan, its usage BILLED; 740002 left uncharged (36,893,488,097.42)
            assertThat(exit).isEqualTo(Result.COMPLETED);
            assertThat(maria.jdbc().queryForObject("""
                    SELECT i.subtotal FROM invoice i JOIN account a ON a.id = i.account_id
                    WHERE a.account_number = '740001'""", BigDecimal.class)).isEqualByComparingTo("40.00");
            assertThat(maria.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM usage_record WHERE record_id LIKE '740001-%' AND status = 'BILLED'", Long.class))
                    .isEqualTo(2L);
            assertThat(maria.jdbc().queryForObject("""
                    SELECT COUNT(*) FROM invoice i JOIN account a ON a.id = i.account_id
                    WHERE a.account_number = '740002'""", Long.class)).isZero();
        }
    }

    private static Path write(Path home, String name, String... lines) throws Exception {
        Path file = home.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
