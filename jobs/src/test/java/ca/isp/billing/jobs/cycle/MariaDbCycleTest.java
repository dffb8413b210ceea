package ca.isp.billing.jobs.cycle;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.DemoInputs;
import ca.isp.billing.jobs.MariaDbSchema;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;

/**
 * The same generated ISP billed on the embedded H2 and on a real MariaDB (through MySQL
 * Connector/J, as in production) must give the same invoices to the cent; on MariaDB the cycle
 * is also interrupted and resumed. Needs a server at 127.0.0.1:3306 (root, no password, or
 * BILLING_TEST_MYSQL_URL/USER/PASSWORD); under CI=true its absence is a failure, elsewhere the
 * test is skipped with the reason printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbCycleTest {

    private static final int ACCOUNTS = 80;
    private static final long SEED = 2026;

    private MariaDbSchema schema;

    @BeforeAll
    void createSchema() {
        schema = MariaDbSchema.create("billing_it", getClass());
    }

    @AfterAll
    void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void mariaDbGivesTheSameInvoicesAsH2EvenAfterARestart() throws Exception {
        Map<String, String> h2Totals;
        Map<String, Long> h2Counts;
        List<String> h2Accounts;
        DemoInputs inputs;
        try (BillingRun h2 = BillingRun.onH2()) {
            h2.generateAndImport(ACCOUNTS, SEED);
            inputs = DemoInputs.read(h2.home());
            assertThat(h2.bill()).isEqualTo(Result.COMPLETED);
            h2Totals = CycleTestSupport.invoiceTotals(h2.jdbc(), CYCLE);
            h2Counts = CycleTestSupport.tableCounts(h2.jdbc());
            h2Accounts = CycleTestSupport.invoicedAccounts(h2.jdbc(), CYCLE, "ISSUED");
        }

        Path home = Files.createTempDirectory("billing-mariadb-");
        String url = schema.url();
        try (BillingRun maria = BillingRun.start(home, url, schema.user, schema.password)) {
            maria.generateAndImport(ACCOUNTS, SEED);
            maria.faults().arm("tax", 2);
            assertThat(maria.bill()).isEqualTo(Result.FAILED);
            maria.faults().disarm();
            assertThat(maria.bill()).isEqualTo(Result.COMPLETED);

            assertThat(CycleTestSupport.invoiceTotals(maria.jdbc(), CYCLE)).isEqualTo(h2Totals);
            assertThat(CycleTestSupport.tableCounts(maria.jdbc())).isEqualTo(h2Counts);
            // French text survives the round trip through MariaDB (utf8mb4).
            assertThat(maria.jdbc().queryForList("SELECT name_fr FROM plan", String.class)).anyMatch(n -> n.contains("é"));
            // A second run of the completed cycle changes nothing here either.
            assertThat(maria.bill()).isEqualTo(Result.ALREADY_COMPLETED);
            assertThat(CycleTestSupport.tableCounts(maria.jdbc())).isEqualTo(h2Counts);
        }
        // One invoice per due account with a line to bill (the input files): the seed-2026 ISP
        // has 78 due accounts, 74 of them with a line to bill (a service that starts after the cycle
        // date is billed by the next cycle, with the term after its stub).
        assertThat(h2Accounts)
                .containsExactlyInAnyOrderElementsOf(DemoInputs.accountNumbers(inputs.invoiced(CYCLE)))
                .hasSize(74);
        assertThat(h2Totals).hasSize(74);
    }

}
