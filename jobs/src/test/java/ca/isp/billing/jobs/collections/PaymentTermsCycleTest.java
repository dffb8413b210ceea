package ca.isp.billing.jobs.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;

/**
 * Payment terms per customer type: with commercial accounts on net 30 and the rest on the
 * default net 21, every invoice of the demo ISP's cycle is due its customer type's days after
 * its date, the type read from accounts.csv itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentTermsCycleTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate CYCLE = LocalDate.of(2026, 11, 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.payment-terms-by-customer-type.commercial", () -> "30");
    }

    @BeforeAll
    void runCycle() throws IOException {
        CycleTestSupport.generateAndImport(importer, properties, 60, 7);
        assertThat(launcher.bill(CYCLE).result()).isEqualTo(Result.COMPLETED);
    }

    @Test
    void dueDatesFollowTheCustomerTypesTerms() throws IOException {
        Map<String, String> types = new HashMap<>();
        try (Reader in = Files.newBufferedReader(HOME.resolve("reference/accounts.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                types.put(r.get("account_number"), r.get("customer_type"));
            }
        }
        Map<String, Long> checked = new HashMap<>();
        jdbc.query("""
                SELECT a.account_number, i.invoice_date, i.due_date FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = ? AND i.status = 'ISSUED'""", rs -> {
            String type = types.get(rs.getString(1));
            LocalDate invoiceDate = rs.getObject(2, LocalDate.class);
            // 2026-11-01 + 30 = 2026-12-01 for COMMERCIAL; + 21 = 2026-11-22 otherwise
            LocalDate expected = invoiceDate.plusDays("COMMERCIAL".equals(type) ? 30 : 21);
            assertThat(rs.getObject(3, LocalDate.class)).as(rs.getString(1) + " " + type).isEqualTo(expected);
            checked.merge(type, 1L, Long::sum);
        }, CYCLE);
        // both kinds of customer were invoiced, so both terms were really used
        assertThat(checked).containsKeys("COMMERCIAL", "RESIDENTIAL");
    }
}
