package ca.isp.billing.jobs.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.MariaDbSchema;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * The SQL of payment batches on a real MariaDB (V24, suspense, assignment, the NSF reversal's
 * reopening, deposit slips): the same figures as PaymentBatchTest on H2. Needs a server as
 * MariaDbCycleTest does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbPaymentBatchTest {

    private MariaDbSchema schema;

    @BeforeAll
    void createSchema() {
        schema = MariaDbSchema.create("billing_payments_it", getClass());
    }

    @AfterAll
    void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void suspenseAssignmentAndAnNsfReversalAsOnH2() throws Exception {
        Path home = Files.createTempDirectory("billing-mariadb-payments-");
        try (BillingRun maria = BillingRun.start(home, schema.url(), schema.user, schema.password,
                Map.of("billing.payments.nsf-fee", "25.00"))) {
            Fixtures.importAll(maria.bean(ReferenceDataImporter.class), "payments", Kind.ACCOUNTS, Kind.OPENING_BALANCES);
            Path inbox = maria.bean(BillingProperties.class).inbox("payments");
            Files.createDirectories(inbox);
            Files.writeString(inbox.resolve("batch-2026-11-02.csv"), PaymentBatchTest.DAY_ONE);
            CollectionsLauncher collections = maria.bean(CollectionsLauncher.class);
            assertThat(collections.collect(LocalDate.of(2026, 11, 2)).result()).isEqualTo(Result.COMPLETED);
            JdbcTemplate jdbc = maria.jdbc();
            // as PaymentBatchTest: oldest first, the named invoice, a 20.00 credit, two lines in suspense
            assertThat(open(jdbc)).containsExactly(Map.entry("OLD-A1", "0.00"), Map.entry("OLD-A2", "0.00"),
                    Map.entry("OLD-B1", "120.00"), Map.entry("OLD-B2", "0.00"), Map.entry("OLD-C1", "0.00"));
            assertThat(jdbc.queryForList("SELECT payment_ref, status FROM payment_suspense ORDER BY payment_ref"))
                    .extracting(r -> r.get("payment_ref"), r -> r.get("status"))
                    .containsExactly(tuple("CRD-801", "OPEN"), tuple("CSH-701", "OPEN"));

            PaymentSuspense suspense = maria.bean(PaymentSuspense.class);
            assertThat(suspense.assign("CSH-701", "200002", "test-op").alreadyAssigned()).isFalse();
            assertThat(suspense.assign("CSH-701", "200002", "test-op").alreadyAssigned()).isTrue();
            // 120.00 - 40.00 = 80.00 left on OLD-B1
            assertThat(open(jdbc)).containsEntry("OLD-B1", "80.00");

            Files.writeString(inbox.resolve("returns-2026-11-03.csv"), """
                    payment_ref,received_on,amount,reverses
                    RET-501,2026-11-03,-84.99,CHQ-501
                    """);
            assertThat(collections.collect(LocalDate.of(2026, 11, 3)).result()).isEqualTo(Result.COMPLETED);
            // both invoices CHQ-501 paid are open again; 80.00 + 4.99 - 84.99 + 84.99 = 84.99 on the ledger
            assertThat(open(jdbc)).containsEntry("OLD-A1", "80.00").containsEntry("OLD-A2", "4.99");
            assertThat(jdbc.queryForObject("""
                    SELECT SUM(l.amount) FROM account_ledger l JOIN account a ON a.id = l.account_id
                    WHERE a.account_number = '200001'""", BigDecimal.class)).isEqualByComparingTo("84.99");
            assertThat(jdbc.queryForObject("SELECT amount FROM one_time_charge WHERE line_type = 'NSF_FEE'",
                    BigDecimal.class)).isEqualByComparingTo("25.00");
            assertThat(maria.bean(BillingProperties.class).out().resolve("deposits").resolve("DEP-1102.pdf")).exists();
            assertThat(jdbc.queryForMap("SELECT payments, total FROM deposit_slip"))
                    .containsEntry("payments", 5).extractingByKey("total")
                    .satisfies(t -> assertThat((BigDecimal) t).isEqualByComparingTo("235.49"));
        }
    }

    private static Map<String, String> open(JdbcTemplate jdbc) {
        Map<String, String> open = new LinkedHashMap<>();
        jdbc.query("SELECT invoice_number, total - amount_paid FROM invoice ORDER BY invoice_number", rs -> {
            open.put(rs.getString(1), rs.getBigDecimal(2).setScale(2).toPlainString());
        });
        return open;
    }
}
