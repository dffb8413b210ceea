package ca.isp.billing.jobs.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.domain.Reconciliation;
import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.report.CycleReconciliation;
import ca.isp.billing.jobs.support.CollectionsJob;

/**
 * Partial chargebacks on the opening balances of fixtures/payments (PaymentBatchTest):
 *
 * <pre>
 * account  invoice  dated       open
 * 200001   OLD-A1   2026-09-01   80.00
 * 200001   OLD-A2   2026-09-10    4.99
 * 200002   OLD-B1   2026-09-05  120.00
 * 200002   OLD-B2   2026-10-08   45.50
 * </pre>
 * 11-02: CHQ-1 100.00 from 200001 pays OLD-A1 80.00 + OLD-A2 4.99, 15.01 left as credit; WIR-2
 * 165.50 from 200002 pays OLD-B1 120.00 + OLD-B2 45.50. 11-03: CB-1 takes 50.00 of WIR-2 back, CB-2
 * 20.00 of CHQ-1. 11-04: CB-3 the 115.50 left of WIR-2, CB-4 one more cent of it (refused), CB-5
 * 80.01 of CHQ-1 (80.00 left: refused). The rule (domain.PaymentReversal): the payment's credit
 * first, then the invoices it paid, the most recent first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartialChargebackTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    private CollectionsLauncher collections;
    @Autowired
    private JobRepository jobRepository;

    @BeforeAll
    void payments() throws IOException {
        Fixtures.importAll(importer, "payments", Kind.ACCOUNTS, Kind.OPENING_BALANCES);
        Files.createDirectories(properties.inbox("payments"));
        day("2026-11-02", """
                payment_ref,account_number,received_on,amount,method
                CHQ-1,200001,2026-11-02,100.00,CHEQUE
                WIR-2,200002,2026-11-02,165.50,WIRE
                """);
        assertThat(open()).containsEntry("OLD-A1", "0.00").containsEntry("OLD-A2", "0.00")
                .containsEntry("OLD-B1", "0.00").containsEntry("OLD-B2", "0.00");
        assertThat(unapplied("CHQ-1")).isEqualByComparingTo("15.01"); // 100.00 - 80.00 - 4.99
    }

    @Test
    @Order(1)
    void aPartialChargebackReopensTheNewestInvoiceFirst() throws IOException {
        day("2026-11-03", """
                payment_ref,account_number,received_on,amount,reverses,reversal_reason
                CB-1,,2026-11-03,-50.00,WIR-2,CHARGEBACK
                CB-2,,2026-11-03,-20.00,CHQ-1,CHARGEBACK
                """);
        // CB-1 50.00, WIR-2 left no credit: OLD-B2 (dated 10-08, the newest) 45.50 whole, then OLD-B1 4.50
        // CB-2 20.00: CHQ-1's credit 15.01 first, then OLD-A2 (09-10, newer than OLD-A1) 20.00 - 15.01 = 4.99
        assertThat(reopened()).containsExactly(tuple("CB-1", "OLD-B1", "4.50"), tuple("CB-1", "OLD-B2", "45.50"),
                tuple("CB-2", "OLD-A2", "4.99"));
        assertThat(open()).containsEntry("OLD-A1", "0.00").containsEntry("OLD-A2", "4.99")
                .containsEntry("OLD-B1", "4.50").containsEntry("OLD-B2", "45.50");
        assertThat(unapplied("CHQ-1")).isEqualByComparingTo("0.00");
        assertThat(jdbc.queryForObject("SELECT credit_taken FROM payment_reversal WHERE reversal_ref = 'CB-2'",
                BigDecimal.class)).isEqualByComparingTo("15.01");
        // what each payment still pays: WIR-2 120.00 - 4.50 = 115.50 on OLD-B1; CHQ-1 80.00 on OLD-A1
        assertThat(allocations()).containsExactly(tuple("CHQ-1", "OLD-A1", "80.00"), tuple("WIR-2", "OLD-B1", "115.50"));
        // ledgers: 200001 80.00 + 4.99 - 100.00 + 20.00 = 4.99 = open 4.99 - credit 0.00
        //          200002 120.00 + 45.50 - 165.50 + 50.00 = 50.00 = open 4.50 + 45.50
        assertThat(Fixtures.balance(jdbc, "200001")).isEqualByComparingTo("4.99");
        assertThat(Fixtures.balance(jdbc, "200002")).isEqualByComparingTo("50.00");
        Reconciliation r = reconciliation();
        assertThat(r.broken()).isEmpty();
        // received 265.50 - reversed 70.00 = 195.50 = paid to accounts 265.50 + 0 in suspense - reversals 70.00
        assertThat(r.equation("payment money").value("reversed")).isEqualByComparingTo("70.00");
    }

    @Test
    @Order(2)
    void partsAddUpToThePaymentAtMost() throws IOException {
        day("2026-11-04", """
                payment_ref,account_number,received_on,amount,reverses,reversal_reason
                CB-3,,2026-11-04,-115.50,WIR-2,CHARGEBACK
                CB-4,,2026-11-04,-0.01,WIR-2,CHARGEBACK
                CB-5,,2026-11-04,-80.01,CHQ-1,CHARGEBACK
                """);
        // CB-3: 165.50 - 50.00 = 115.50 left, all of it: OLD-B1 open again for its whole 120.00
        assertThat(open()).containsEntry("OLD-B1", "120.00").containsEntry("OLD-B2", "45.50");
        assertThat(allocations()).containsExactly(tuple("CHQ-1", "OLD-A1", "80.00"));
        List<CSVRecord> rejects = Fixtures.rejects(properties.rejects().resolve("payments-2026-11-04.csv.rejects.csv"));
        assertThat(rejects).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason")).containsExactly(
                tuple("3", "amount", "payment 'WIR-2': payment was 165.50, 165.50 reversed already: at most 0.00 is"
                        + " left to reverse, not 0.01"),
                tuple("4", "amount", "payment 'CHQ-1': payment was 100.00, 20.00 reversed already: at most 80.00 is"
                        + " left to reverse, not 80.01"));
        assertThat(jdbc.queryForList("SELECT reversal_ref FROM payment_reversal ORDER BY reversal_ref", String.class))
                .containsExactly("CB-1", "CB-2", "CB-3");
        // 200002: 165.50 - 165.50 + 50.00 + 115.50 = 165.50 = open 120.00 + 45.50
        assertThat(Fixtures.balance(jdbc, "200002")).isEqualByComparingTo("165.50");
        Reconciliation r = reconciliation();
        assertThat(r.broken()).isEmpty();
        assertThat(r.equation("payment money").value("reversed")).isEqualByComparingTo("185.50"); // 70.00 + 115.50
    }

    private void day(String date, String csv) throws IOException {
        Files.writeString(properties.inbox("payments").resolve("payments-" + date + ".csv"), csv);
        assertThat(collections.collect(LocalDate.parse(date)).result()).isEqualTo(Result.COMPLETED);
    }

    private BigDecimal unapplied(String ref) {
        return jdbc.queryForObject("SELECT unapplied FROM payment WHERE payment_ref = ?", BigDecimal.class, ref);
    }

    private List<org.assertj.core.groups.Tuple> reopened() {
        return jdbc.query("""
                SELECT r.reversal_ref, i.invoice_number, x.amount FROM reversal_reopened x
                JOIN payment_reversal r ON r.id = x.reversal_id JOIN invoice i ON i.id = x.invoice_id
                ORDER BY r.reversal_ref, i.invoice_number""",
                (rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getBigDecimal(3).toPlainString()));
    }

    private List<org.assertj.core.groups.Tuple> allocations() {
        return jdbc.query("""
                SELECT p.payment_ref, i.invoice_number, x.amount FROM payment_allocation x
                JOIN payment p ON p.id = x.payment_id JOIN invoice i ON i.id = x.invoice_id
                ORDER BY p.payment_ref, i.invoice_number""",
                (rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getBigDecimal(3).toPlainString()));
    }

    private Map<String, String> open() {
        Map<String, String> open = new LinkedHashMap<>();
        jdbc.query("SELECT invoice_number, total - amount_paid FROM invoice ORDER BY invoice_number", rs -> {
            open.put(rs.getString(1), rs.getBigDecimal(2).setScale(2).toPlainString());
        });
        return open;
    }

    private Reconciliation reconciliation() {
        List<JobExecution> executions = new ArrayList<>();
        for (JobInstance instance : jobRepository.getJobInstances(CollectionsJob.NAME, 0, 100)) {
            executions.addAll(jobRepository.getJobExecutions(instance));
        }
        return new CycleReconciliation(jdbc, jobRepository).of(LocalDate.of(2026, 11, 2), executions);
    }
}
