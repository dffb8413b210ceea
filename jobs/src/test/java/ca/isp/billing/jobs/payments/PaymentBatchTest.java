package ca.isp.billing.jobs.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.io.StringReader;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import ca.isp.billing.domain.ReconciliationEquation;
import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.report.CycleReconciliation;
import ca.isp.billing.jobs.support.CollectionsJob;

/**
 * Payment batches through the daily collections job, on the opening balances of
 * PaymentApplicationTest (fixtures/payments), with an NSF fee of 25.00:
 *
 * <pre>
 * account  invoice  due         open
 * 200001   OLD-A1   2026-09-21   80.00
 * 200001   OLD-A2   2026-09-30    4.99
 * 200002   OLD-B1   2026-09-25  120.00
 * 200002   OLD-B2   2026-10-28   45.50
 * 200003   OLD-C1   2026-10-21   30.00
 * </pre>
 * 11-02, deposit batch DEP-1102: cheque 501 84.99 from 200001 (oldest first: OLD-A1 80.00 + OLD-A2
 * 4.99), cheque 502 45.50 naming OLD-B2 (not the oldest, OLD-B1), a wire of 50.00 from 200003
 * (OLD-C1 30.00, 20.00 credit), 40.00 cash for account 888888 (unknown: suspense), 15.00 by card
 * naming invoice OLD-Z9 (does not exist: suspense). 11-03: cheque 501 comes back NSF, and a
 * reversal of a reference nobody paid. 11-04: the NSF line again in another file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaymentBatchTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.payments.nsf-fee", () -> "25.00");
    }

    @Autowired
    private CollectionsLauncher collections;
    @Autowired
    private PaymentSuspense suspense;
    @Autowired
    private JobRepository jobRepository;

    static final String DAY_ONE = """
            payment_ref,account_number,invoice_number,received_on,amount,method,deposit_batch,cheque_number
            CHQ-501,200001,,2026-11-02,84.99,CHEQUE,DEP-1102,501
            CHQ-502,,OLD-B2,2026-11-02,45.50,Cheque,DEP-1102,502
            WIR-601,200003,,2026-11-02,50.00,WIRE,DEP-1102,
            CSH-701,888888,,2026-11-02,40.00,CASH,DEP-1102,
            CRD-801,200002,OLD-Z9,2026-11-02,15.00,CARD,DEP-1102,
            """;

    private Map<String, Long> countsBeforeRepeat;

    @BeforeAll
    void threeDaysOfPayments() throws IOException {
        Fixtures.importAll(importer, "payments", Kind.ACCOUNTS, Kind.OPENING_BALANCES);
        Path inbox = properties.inbox("payments");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("batch-2026-11-02.csv"), DAY_ONE);
        assertThat(collections.collect(LocalDate.of(2026, 11, 2)).result()).isEqualTo(Result.COMPLETED);
    }

    @Test
    @Order(1)
    void allocatesOldestFirstOrToTheNamedInvoice() {
        assertThat(allocations()).containsExactly(
                // CHQ-501 84.99, oldest first: OLD-A1 (due 09-21) 80.00, then OLD-A2 (09-30) 84.99 - 80.00 = 4.99
                tuple("CHQ-501", "OLD-A1", money("80.00")),
                tuple("CHQ-501", "OLD-A2", money("4.99")),
                // CHQ-502 names OLD-B2 (due 10-28): all 45.50 there, OLD-B1 (due 09-25, older) untouched
                tuple("CHQ-502", "OLD-B2", money("45.50")),
                // WIR-601 50.00: OLD-C1's 30.00
                tuple("WIR-601", "OLD-C1", money("30.00")));
        assertThat(open()).containsExactly(Map.entry("OLD-A1", "0.00"), Map.entry("OLD-A2", "0.00"),
                Map.entry("OLD-B1", "120.00"), Map.entry("OLD-B2", "0.00"), Map.entry("OLD-C1", "0.00"));
        // the named invoice gave the account: CHQ-502 has no account number in the file
        assertThat(jdbc.queryForObject("""
                SELECT a.account_number FROM payment p JOIN account a ON a.id = p.account_id WHERE p.payment_ref = 'CHQ-502'""",
                String.class)).isEqualTo("200002");
        // methods stored by their names, whatever the file's spelling (Cheque)
        assertThat(jdbc.queryForList("SELECT method FROM payment ORDER BY payment_ref", String.class))
                .containsExactly("CHEQUE", "CHEQUE", "WIRE");
    }

    @Test
    @Order(2)
    void anOverpaymentStaysAsCredit() {
        // WIR-601: 50.00 - 30.00 = 20.00 left on the payment; ledger of 200003: 30.00 - 50.00 = -20.00
        assertThat(jdbc.queryForObject("SELECT unapplied FROM payment WHERE payment_ref = 'WIR-601'", BigDecimal.class))
                .isEqualByComparingTo("20.00");
        assertThat(Fixtures.balance(jdbc, "200003")).isEqualByComparingTo("-20.00");
    }

    @Test
    @Order(3)
    void unknownAccountsAndInvoicesGoToSuspenseNotToRejects() {
        assertThat(suspense.lines()).extracting(PaymentSuspense.Line::paymentRef, PaymentSuspense.Line::amount,
                        PaymentSuspense.Line::status, PaymentSuspense.Line::line, PaymentSuspense.Line::reason)
                .containsExactly(
                        tuple("CRD-801", money("15.00"), "OPEN", 6L, "unknown invoice 'OLD-Z9'"),
                        tuple("CSH-701", money("40.00"), "OPEN", 5L, "unknown account '888888'"));
        assertThat(properties.rejects().resolve("batch-2026-11-02.csv.rejects.csv")).doesNotExist();
        // 5 lines = 3 payments + 2 in suspense, all stored
        assertThat(jdbc.queryForMap("SELECT lines_read, records_stored, rejected FROM ingested_file"))
                .containsEntry("LINES_READ", 5L).containsEntry("RECORDS_STORED", 5L).containsEntry("REJECTED", 0L);
    }

    @Test
    @Order(4)
    void theReconciliationCountsSuspenseMoney() {
        Reconciliation r = reconciliation();
        assertThat(r.broken()).isEmpty();
        // received 84.99 + 45.50 + 50.00 + 40.00 + 15.00 = 235.49 = to accounts 84.99 + 45.50 + 50.00 = 180.49
        // + in suspense 40.00 + 15.00 = 55.00
        ReconciliationEquation money = r.equation("payment money");
        assertThat(money.value("money received")).isEqualByComparingTo("235.49");
        assertThat(money.value("paid to accounts")).isEqualByComparingTo("180.49");
        assertThat(money.value("in suspense")).isEqualByComparingTo("55.00");
        ReconciliationEquation lines = r.equation("payments read");
        // 5 lines = 2 applied (CHQ-501, CHQ-502) + 1 credit left (WIR-601) + 2 suspense
        assertThat(lines.value("applied")).isEqualByComparingTo("2");
        assertThat(lines.value("credit left")).isEqualByComparingTo("1");
        assertThat(lines.value("suspense")).isEqualByComparingTo("2");
    }

    @Test
    @Order(5)
    void assigningASuspensePaymentAppliesItOnceAndRecordsWho() {
        assertThatThrownBy(() -> suspense.assign("CSH-701", "777777", "test-op"))
                .isInstanceOf(PaymentSuspense.Refused.class).hasMessageContaining("unknown account '777777'");
        assertThatThrownBy(() -> suspense.assign("CSH-999", "200002", "test-op"))
                .isInstanceOf(PaymentSuspense.Refused.class).hasMessageContaining("no payment in suspense");

        PaymentSuspense.Assignment a = suspense.assign("CSH-701", "200002", "test-op");
        assertThat(a.alreadyAssigned()).isFalse();
        // 40.00 to 200002's oldest open invoice OLD-B1 (120.00 open): 120.00 - 40.00 = 80.00 open, no credit
        assertThat(a.credit()).isEqualByComparingTo("0.00");
        assertThat(open()).containsEntry("OLD-B1", "80.00");
        // 200002's ledger: 120.00 + 45.50 - 45.50 - 40.00 = 80.00
        assertThat(Fixtures.balance(jdbc, "200002")).isEqualByComparingTo("80.00");
        Map<String, Long> counts = counts();

        // again: nothing changes, and it says who did it first
        PaymentSuspense.Assignment again = suspense.assign("CSH-701", "200002", "someone-else");
        assertThat(again.alreadyAssigned()).isTrue();
        assertThat(again.by()).isEqualTo("test-op");
        assertThat(counts()).isEqualTo(counts);
        assertThat(Fixtures.balance(jdbc, "200002")).isEqualByComparingTo("80.00");
        assertThatThrownBy(() -> suspense.assign("CSH-701", "200003", "test-op"))
                .isInstanceOf(PaymentSuspense.Refused.class).hasMessageContaining("was assigned to account 200002 by test-op");
        assertThat(jdbc.queryForMap("SELECT status, assigned_by, assigned_at FROM payment_suspense WHERE payment_ref = 'CSH-701'"))
                .containsEntry("STATUS", "ASSIGNED").containsEntry("ASSIGNED_BY", "test-op")
                .extractingByKey("ASSIGNED_AT").isNotNull();
        // still reconciled: the assigned line counts once, as a payment of its file
        Reconciliation r = reconciliation();
        assertThat(r.broken()).isEmpty();
        assertThat(r.equation("payment money").value("in suspense")).isEqualByComparingTo("15.00");
        assertThat(r.equation("payment money").value("paid to accounts")).isEqualByComparingTo("220.49");
    }

    @Test
    @Order(6)
    void anNsfChequeReopensTheTwoInvoicesItPaidAndChargesTheFee() throws IOException {
        Files.writeString(properties.inbox("payments").resolve("returns-2026-11-03.csv"), """
                payment_ref,account_number,received_on,amount,reverses,reversal_reason
                RET-501,,2026-11-03,-84.99,CHQ-501,NSF
                RET-999,,2026-11-03,-10.00,CHQ-999,
                """);
        assertThat(collections.collect(LocalDate.of(2026, 11, 3)).result()).isEqualTo(Result.COMPLETED);

        // CHQ-501 had paid OLD-A1 80.00 and OLD-A2 4.99: both open again for their whole amounts
        assertThat(open()).containsEntry("OLD-A1", "80.00").containsEntry("OLD-A2", "4.99");
        assertThat(count("SELECT COUNT(*) FROM payment_allocation x JOIN payment p ON p.id = x.payment_id"
                + " WHERE p.payment_ref = 'CHQ-501'")).isZero();
        // ledger of 200001: 80.00 + 4.99 - 84.99 (payment) + 84.99 (reversal) = 84.99
        assertThat(Fixtures.balance(jdbc, "200001")).isEqualByComparingTo("84.99");
        // the NSF fee waits for the next invoice as its own kind of line
        assertThat(jdbc.queryForMap("""
                SELECT c.amount, c.line_type, c.billed_invoice_id FROM one_time_charge c JOIN account a ON a.id = c.account_id
                WHERE a.account_number = '200001'"""))
                .containsEntry("LINE_TYPE", "NSF_FEE").containsEntry("BILLED_INVOICE_ID", null)
                .extractingByKey("AMOUNT").satisfies(v -> assertThat((BigDecimal) v).isEqualByComparingTo("25.00"));
        // reopened, OLD-A1 is past its 30 days (due 09-21 + 30 = 10-21 < 11-03) with 84.99 >= 10.00 overdue:
        // 200001, cleared by the cheque on 11-02, is delinquent again the day the cheque comes back
        assertThat(jdbc.queryForList("""
                SELECT CAST(e.event_date AS VARCHAR(10)) FROM delinquency_event e JOIN account a ON a.id = e.account_id
                WHERE a.account_number = '200001' AND e.to_status = 'DELINQUENT'""", String.class))
                .containsExactly("2026-11-03");
        // a reversal of nothing is rejected with the reason, the file's other line applied
        List<CSVRecord> rejects = Fixtures.rejects(properties.rejects().resolve("returns-2026-11-03.csv.rejects.csv"));
        assertThat(rejects).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(tuple("3", "reverses",
                        "no payment has the reference 'CHQ-999' (neither applied nor in suspense): nothing to reverse"));
        Reconciliation r = reconciliation();
        assertThat(r.broken()).isEmpty();
        // reversed 84.99: received 235.49 - 84.99 = 150.50 = 220.49 + 15.00 - 84.99
        assertThat(r.equation("payment money").value("reversed")).isEqualByComparingTo("84.99");
        assertThat(r.equation("payments read").value("reversals")).isEqualByComparingTo("1");
        countsBeforeRepeat = counts();
    }

    @Test
    @Order(7)
    void theSameReversalImportedAgainChangesNothing() throws IOException {
        Files.writeString(properties.inbox("payments").resolve("returns-again.csv"), """
                payment_ref,account_number,received_on,amount,reverses
                RET-501,,2026-11-03,-84.99,CHQ-501
                """);
        assertThat(collections.collect(LocalDate.of(2026, 11, 4)).result()).isEqualTo(Result.COMPLETED);
        assertThat(jdbc.queryForMap("SELECT records_stored, duplicates, rejected FROM ingested_file WHERE file_name = 'returns-again.csv'"))
                .containsEntry("RECORDS_STORED", 0L).containsEntry("DUPLICATES", 1L).containsEntry("REJECTED", 0L);
        // the payment tables as they were (the day's late fee and delinquency steps are not this test's)
        List<String> paymentTables = List.of("payment", "payment_allocation", "account_ledger", "payment_suspense",
                "payment_reversal", "reversal_reopened", "one_time_charge");
        Map<String, Long> now = new LinkedHashMap<>(counts());
        now.keySet().retainAll(paymentTables);
        Map<String, Long> before = new LinkedHashMap<>(countsBeforeRepeat);
        before.keySet().retainAll(paymentTables);
        assertThat(now).isEqualTo(before).hasSize(paymentTables.size());
        assertThat(Fixtures.balance(jdbc, "200001")).isEqualByComparingTo("84.99");
        assertThat(open()).containsEntry("OLD-A1", "80.00").containsEntry("OLD-A2", "4.99");
    }

    @Test
    @Order(8)
    void aDepositSlipPerBatchAddsUpAsTheInputFile() throws IOException {
        Path pdf = properties.out().resolve("deposits").resolve("DEP-1102.pdf");
        Path csv = properties.out().resolve("deposits").resolve("DEP-1102.csv");
        // recomputed from the day's file: per method, count and total; the cheques by number
        Map<String, BigDecimal> totals = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        List<String> cheques = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CSVRecord line : CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(DAY_ONE))) {
            String method = line.get("method").toUpperCase(java.util.Locale.ROOT);
            BigDecimal amount = new BigDecimal(line.get("amount"));
            totals.merge(method, amount, BigDecimal::add);
            counts.merge(method, 1, Integer::sum);
            total = total.add(amount);
            if (method.equals("CHEQUE")) {
                cheques.add(line.get("cheque_number") + " " + line.get("payment_ref") + " " + amount.toPlainString());
            }
        }
        // by hand: CHEQUE 84.99 + 45.50 = 130.49 (2), WIRE 50.00, CASH 40.00, CARD 15.00; 5 payments, 235.49
        assertThat(totals).containsEntry("CHEQUE", new BigDecimal("130.49"));
        assertThat(total).isEqualByComparingTo("235.49");

        String text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Deposit slip DEP-1102").contains("Total 5 " + total.toPlainString());
        totals.forEach((method, sum) -> assertThat(text).contains(method + " " + counts.get(method) + " " + sum.toPlainString()));
        cheques.forEach(cheque -> assertThat(text).contains(cheque));
        assertThat(text).contains("Cheques 2 130.49");

        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().get().parse(Files.newBufferedReader(csv)).getRecords();
        assertThat(rows).extracting(r -> r.get("line"), r -> r.get("method"), r -> r.get("cheque_number"),
                        r -> r.get("count"), r -> r.get("amount"))
                .containsExactly(
                        tuple("TOTAL", "", "", "5", "235.49"),
                        tuple("METHOD", "CHEQUE", "", "2", "130.49"),
                        tuple("METHOD", "CASH", "", "1", "40.00"),
                        tuple("METHOD", "WIRE", "", "1", "50.00"),
                        tuple("METHOD", "CARD", "", "1", "15.00"),
                        tuple("CHEQUE", "CHEQUE", "501", "1", "84.99"),
                        tuple("CHEQUE", "CHEQUE", "502", "1", "45.50"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pdf))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csv))).isEqualTo("rw-------");
        // written once: the later days (a reversal, an assignment) changed none of the batch's payments
        assertThat(count("SELECT COUNT(*) FROM deposit_slip")).isEqualTo(1);
    }

    @Test
    @Order(9)
    void theNsfFeeIsBilledOnTheNextInvoice() throws IOException {
        Fixtures.importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        assertThat(launcher.bill(LocalDate.of(2026, 12, 1)).result()).isEqualTo(Result.COMPLETED);

        // 200001 has no plan: its December invoice bills the fee alone, an NSF_FEE line of 25.00, untaxed
        // (taxed as a LATE_FEE, and no tax rule says so); its late fees (OLD-A1/A2, reopened) are lines too
        List<Map<String, Object>> lines = jdbc.queryForList("""
                SELECT l.line_type, l.amount, i.total, i.amount_due FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                JOIN account a ON a.id = i.account_id
                WHERE a.account_number = '200001' AND i.cycle_date = DATE '2026-12-01' AND l.line_type = 'NSF_FEE'""");
        assertThat(lines).hasSize(1);
        assertThat((BigDecimal) lines.get(0).get("AMOUNT")).isEqualByComparingTo("25.00");
        assertThat(count("""
                SELECT COUNT(*) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN account a ON a.id = i.account_id
                WHERE a.account_number = '200001' AND i.cycle_date = DATE '2026-12-01' AND l.line_type = 'TAX'
                  AND l.amount <> 0""")).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM one_time_charge WHERE line_type = 'NSF_FEE' AND billed_invoice_id IS NOT NULL""",
                Long.class)).isEqualTo(1L);
        // amount due = the ledger: 80.00 + 4.99 - 84.99 + 84.99 (reversal) + the December total
        BigDecimal total = (BigDecimal) lines.get(0).get("TOTAL");
        assertThat((BigDecimal) lines.get(0).get("AMOUNT_DUE")).isEqualByComparingTo(new BigDecimal("84.99").add(total));
        assertThat(Fixtures.balance(jdbc, "200001")).isEqualByComparingTo(new BigDecimal("84.99").add(total));
        // the cycle's own reconciliation ran in its report step and held (else it would have FAILED);
        // its journal books the returned cheque back: receivables debited, cash credited, 84.99 each
        List<CSVRecord> journal = CSVFormat.DEFAULT.builder().setHeader().get().parse(Files.newBufferedReader(
                properties.reports(LocalDate.of(2026, 12, 1)).resolve("journal.csv"))).getRecords();
        assertThat(journal).filteredOn(r -> r.get("source_type").equals("REVERSAL"))
                .extracting(r -> r.get("source_ref"), r -> r.get("category"), r -> r.get("debit"), r -> r.get("credit"))
                .containsExactlyInAnyOrder(tuple("RET-501", "RECEIVABLE", "84.99", "0.00"),
                        tuple("RET-501", "CASH", "0.00", "84.99"));
    }

    /** The cycle's tables and those of payment batches. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>(CycleTestSupport.tableCounts(jdbc));
        for (String table : List.of("payment_suspense", "payment_reversal", "reversal_reopened", "one_time_charge",
                "payment_file_money")) {
            counts.put(table, count("SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }

    private Reconciliation reconciliation() {
        List<JobExecution> executions = new ArrayList<>();
        for (JobInstance instance : jobRepository.getJobInstances(CollectionsJob.NAME, 0, 100)) {
            executions.addAll(jobRepository.getJobExecutions(instance));
        }
        return new CycleReconciliation(jdbc, jobRepository).of(LocalDate.of(2026, 11, 2), executions);
    }

    private List<org.assertj.core.groups.Tuple> allocations() {
        return jdbc.query("""
                SELECT p.payment_ref, i.invoice_number, x.amount FROM payment_allocation x
                JOIN payment p ON p.id = x.payment_id JOIN invoice i ON i.id = x.invoice_id
                ORDER BY p.payment_ref, i.invoice_number""",
                (rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)));
    }

    private Map<String, String> open() {
        Map<String, String> open = new LinkedHashMap<>();
        jdbc.query("SELECT invoice_number, total - amount_paid FROM invoice ORDER BY invoice_number", rs -> {
            open.put(rs.getString(1), rs.getBigDecimal(2).setScale(2).toPlainString());
        });
        return open;
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }
}
