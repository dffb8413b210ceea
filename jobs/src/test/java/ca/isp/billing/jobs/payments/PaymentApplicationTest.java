package ca.isp.billing.jobs.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Payments, late fees and delinquency on hand-written opening balances, one cycle on 2026-11-01
 * with the default policies (late fee 10.00 once the due date is more than 5 days past and at
 * least 5.00 is open; delinquent from 30 days past due with at least 10.00 overdue).
 *
 * <pre>
 * account  invoice  due         amount  payment               open after
 * 200001   OLD-A1   2026-09-21   80.00  BNK-1001  80.00        0.00
 * 200001   OLD-A2   2026-09-30    4.99  -                      4.99
 * 200002   OLD-B1   2026-09-25  120.00  BNK-1002 100.00       20.00
 * 200002   OLD-B2   2026-10-28   45.50  -                     45.50
 * 200003   OLD-C1   2026-10-21   30.00  CRD-2001  50.00        0.00  (20.00 unapplied)
 * </pre>
 * The accounts are next billed on 2026-12-01, so the cycle makes no invoice of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentApplicationTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final LocalDate CYCLE = LocalDate.of(2026, 11, 1);
    private static final String PAYMENTS = "payments-2026-10-31.csv";

    private Result exit;

    @BeforeAll
    void applyPaymentsInACycle() throws IOException {
        // given: three accounts with five open invoices and a payment file of five lines
        Fixtures.importAll(importer, "payments", Kind.ACCOUNTS, Kind.OPENING_BALANCES);
        Fixtures.drop("payments/" + PAYMENTS, properties.inbox("payments"), PAYMENTS);

        // when
        exit = launcher.bill(CYCLE).result();
    }

    @Test
    void countsEveryLineOfThePaymentFile() {
        // then: 5 lines = 4 stored (3 payments + 1 in suspense, line 6) + 1 duplicate (line 5); the file is archived
        assertThat(exit).isEqualTo(Result.COMPLETED);
        Map<String, Object> file = jdbc.queryForMap("SELECT * FROM ingested_file WHERE kind = 'payments'");
        assertThat(file.get("FILE_NAME")).isEqualTo(PAYMENTS);
        assertThat(file.get("LINES_READ")).isEqualTo(5L);
        assertThat(file.get("RECORDS_STORED")).isEqualTo(4L);
        assertThat(file.get("DUPLICATES")).isEqualTo(1L);
        assertThat(file.get("REJECTED")).isEqualTo(0L);
        assertThat(properties.archive("payments").resolve(PAYMENTS)).exists();
        assertThat(properties.inbox("payments").resolve(PAYMENTS)).doesNotExist();
        // no invoice of the cycle: only the five imported ones
        assertThat(count("SELECT COUNT(*) FROM invoice")).isEqualTo(5);
    }

    @Test
    void storesEachPaymentOnceWithWhatNoInvoiceTook() {
        // then: BNK-1002 appears twice in the file and once here; only CRD-2001 has money left over
        assertThat(jdbc.queryForList("""
                SELECT p.payment_ref, a.account_number, p.received_on, p.amount, p.method, p.unapplied
                FROM payment p JOIN account a ON a.id = p.account_id ORDER BY p.payment_ref"""))
                .extracting(p -> p.get("PAYMENT_REF"), p -> p.get("ACCOUNT_NUMBER"), p -> p.get("RECEIVED_ON"),
                        p -> p.get("AMOUNT"), p -> p.get("METHOD"), p -> p.get("UNAPPLIED"))
                .containsExactly(
                        tuple("BNK-1001", "200001", Date.valueOf("2026-10-15"), money("80.00"), "BANK", money("0.00")),
                        tuple("BNK-1002", "200002", Date.valueOf("2026-10-16"), money("100.00"), "BANK", money("0.00")),
                        // 50.00 paid - 30.00 owed on OLD-C1 = 20.00 credit
                        tuple("CRD-2001", "200003", Date.valueOf("2026-10-17"), money("50.00"), "CARD", money("20.00")));
    }

    @Test
    void allocatesEachPaymentToTheOldestOpenInvoiceFirst() {
        // then: one allocation row per invoice a payment touched
        assertThat(jdbc.queryForList("""
                SELECT p.payment_ref, i.invoice_number, x.amount FROM payment_allocation x
                JOIN payment p ON p.id = x.payment_id JOIN invoice i ON i.id = x.invoice_id
                ORDER BY p.payment_ref, i.invoice_number"""))
                .extracting(x -> x.get("PAYMENT_REF"), x -> x.get("INVOICE_NUMBER"), x -> x.get("AMOUNT"))
                .containsExactly(
                        // 80.00 exactly pays OLD-A1 (due 09-21), the oldest; OLD-A2 (due 09-30) gets nothing
                        tuple("BNK-1001", "OLD-A1", money("80.00")),
                        // 100.00 all to OLD-B1 (due 09-25), which owes 120.00; OLD-B2 (due 10-28) waits
                        tuple("BNK-1002", "OLD-B1", money("100.00")),
                        // 50.00 pays OLD-C1's 30.00; the 20.00 left stays on the payment
                        tuple("CRD-2001", "OLD-C1", money("30.00")));
        assertThat(invoicePayments()).containsExactly(
                Map.entry("OLD-A1", "80.00 paid of 80.00"),
                Map.entry("OLD-A2", "0.00 paid of 4.99"),
                // applied once although the file says BNK-1002 twice: 120.00 - 100.00 = 20.00 still open
                Map.entry("OLD-B1", "100.00 paid of 120.00"),
                Map.entry("OLD-B2", "0.00 paid of 45.50"),
                Map.entry("OLD-C1", "30.00 paid of 30.00"));
    }

    @Test
    void postsEachPaymentToTheLedgerOnce() {
        // then: what each account owes is the sum of its ledger entries
        assertThat(ledgerBalances()).containsExactly(
                // 80.00 + 4.99 - 80.00 = 4.99
                Map.entry("200001", money("4.99")),
                // 120.00 + 45.50 - 100.00 = 65.50 (the duplicate is not posted; late fees are not posted until billed)
                Map.entry("200002", money("65.50")),
                // 30.00 - 50.00 = -20.00: a credit
                Map.entry("200003", money("-20.00")));
        assertThat(count("SELECT COUNT(*) FROM account_ledger WHERE entry_type = 'PAYMENT'")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM account_ledger WHERE entry_type = 'PAYMENT' AND reference = 'BNK-1002'"))
                .isEqualTo(1);
    }

    @Test
    void keepsThePaymentOfAnUnknownAccountInSuspenseWithItsLine() {
        // then: line 6 (the header is line 1) is not rejected but kept for an operator to assign
        assertThat(properties.rejects().resolve(PAYMENTS + ".rejects.csv")).doesNotExist();
        assertThat(jdbc.queryForMap("""
                SELECT s.account_number, s.amount, s.line_no, s.reason, s.status, f.file_name
                FROM payment_suspense s JOIN ingested_file f ON f.id = s.file_id WHERE s.payment_ref = 'CHQ-3001'"""))
                .containsEntry("ACCOUNT_NUMBER", "999999").containsEntry("AMOUNT", money("25.00"))
                .containsEntry("LINE_NO", 6L).containsEntry("REASON", "unknown account '999999'")
                .containsEntry("STATUS", "OPEN").containsEntry("FILE_NAME", PAYMENTS);
        assertThat(count("SELECT COUNT(*) FROM payment WHERE payment_ref = 'CHQ-3001'")).isZero();
    }

    @Test
    void chargesALateFeeOnlyOnInvoicesStillOpenAfterTheGracePeriod() {
        // then, on 2026-11-01:
        //   OLD-B1: due 09-25 + 5 grace days = 09-30, passed; 20.00 open >= 5.00 -> fee 10.00
        //   OLD-B2: due 10-28 + 5 = 11-02, not passed yet -> no fee
        //   OLD-A2: due 09-30 + 5 = 10-05, passed, but 4.99 open < 5.00 -> no fee
        //   OLD-A1, OLD-C1: paid -> no fee
        assertThat(jdbc.queryForList("""
                SELECT i.invoice_number, a.account_number, f.policy_code, f.amount, f.assessed_on, f.billed_invoice_id
                FROM late_fee f JOIN invoice i ON i.id = f.invoice_id JOIN account a ON a.id = f.account_id"""))
                .extracting(f -> f.get("INVOICE_NUMBER"), f -> f.get("ACCOUNT_NUMBER"), f -> f.get("POLICY_CODE"),
                        f -> f.get("AMOUNT"), f -> f.get("ASSESSED_ON"), f -> f.get("BILLED_INVOICE_ID"))
                .containsExactly(tuple("OLD-B1", "200002", "LATE-FLAT", money("10.00"), Date.valueOf(CYCLE), null));
    }

    @Test
    void flagsOnlyTheAccountLongOverdueForEnoughAsDelinquent() {
        // then, on 2026-11-01:
        //   200002: oldest unpaid due 09-25, 37 days >= 30; overdue 20.00 + 45.50 = 65.50 >= 10.00 -> DELINQUENT
        //   200001: oldest unpaid due 09-30, 32 days >= 30; but overdue 4.99 < 10.00 -> stays ACTIVE
        //   200003: nothing open -> stays ACTIVE
        assertThat(accountStatuses()).containsExactly(
                Map.entry("200001", "ACTIVE"),
                Map.entry("200002", "DELINQUENT"),
                Map.entry("200003", "ACTIVE"));
        assertThat(jdbc.queryForList("""
                SELECT a.account_number, e.event_date, e.from_status, e.to_status, e.overdue_amount, e.oldest_due_date,
                       a.status_since
                FROM delinquency_event e JOIN account a ON a.id = e.account_id"""))
                .extracting(e -> e.get("ACCOUNT_NUMBER"), e -> e.get("EVENT_DATE"), e -> e.get("FROM_STATUS"),
                        e -> e.get("TO_STATUS"), e -> e.get("OVERDUE_AMOUNT"), e -> e.get("OLDEST_DUE_DATE"),
                        e -> e.get("STATUS_SINCE"))
                .containsExactly(tuple("200002", Date.valueOf(CYCLE), "ACTIVE", "DELINQUENT", money("65.50"),
                        Date.valueOf("2026-09-25"), Date.valueOf(CYCLE)));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private Map<String, String> invoicePayments() {
        Map<String, String> paid = new LinkedHashMap<>();
        jdbc.query("SELECT invoice_number, amount_paid, total FROM invoice ORDER BY invoice_number", rs -> {
            paid.put(rs.getString(1), rs.getBigDecimal(2) + " paid of " + rs.getBigDecimal(3));
        });
        return paid;
    }

    private Map<String, BigDecimal> ledgerBalances() {
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        jdbc.query("""
                SELECT a.account_number, SUM(g.amount) FROM account_ledger g JOIN account a ON a.id = g.account_id
                GROUP BY a.account_number ORDER BY a.account_number""", rs -> {
            balances.put(rs.getString(1), rs.getBigDecimal(2));
        });
        return balances;
    }

    private Map<String, String> accountStatuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        jdbc.query("SELECT account_number, status FROM account ORDER BY account_number", rs -> {
            statuses.put(rs.getString(1), rs.getString(2));
        });
        return statuses;
    }
}
