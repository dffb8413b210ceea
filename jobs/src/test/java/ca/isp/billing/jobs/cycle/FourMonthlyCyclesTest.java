package ca.isp.billing.jobs.cycle;

import static ca.isp.billing.jobs.Fixtures.balance;
import static ca.isp.billing.jobs.Fixtures.billInNewProcess;
import static ca.isp.billing.jobs.Fixtures.drop;
import static ca.isp.billing.jobs.Fixtures.importFile;
import static ca.isp.billing.jobs.Fixtures.invoiceValue;
import static ca.isp.billing.jobs.Fixtures.rerunInNewProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Five accounts over four consecutive monthly cycles (2026-10-01 .. 2027-01-01): usage in
 * arrears, a quarterly plan, a prepayment credit, late fees carried to the next invoice,
 * delinquency in and out, tax rounded per invoice, a duplicate payment. Every amount is worked
 * by hand below. Terms 21 days; late fee 10.00 after 5 grace days (open >= 5.00); delinquent 30
 * days past due with >= 10.00 overdue. Payment files dropped between cycles are applied by the
 * next cycle before its invoices are issued, and each invoice shows the payments received since
 * the last one (balance forward: previous - payments + total = amount due). Each cycle runs in a
 * new application, as {@code ./run.sh bill} does.
 */
class FourMonthlyCyclesTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final LocalDate OCT = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);
    private static final LocalDate JAN = LocalDate.of(2027, 1, 1);

    @Test
    void fourCyclesAddUp() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/cycles/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/cycles/subscriptions.csv");

        // ---------------------------------------------------------------- 2026-10-01
        drop("hand-worked/cycles/usage-2026-09.csv", properties.inbox("usage"));
        assertThat(billInNewProcess(HOME, OCT)).isEqualTo(Result.COMPLETED);
        // 400001 ON NET-50: 50.00 + HST 13% 6.50 = 56.50
        expect("400001", OCT, "50.00", "6.50", "56.50", "0.00", "0.00", "56.50");
        // 400002 QC NET-UNL: 40.00 + GST 2.00 + QST 40 x 0.09975 = 3.99 -> 45.99
        expect("400002", OCT, "40.00", "5.99", "45.99", "0.00", "0.00", "45.99");
        // 400003 NET-Q from 2026-09-01: terms 09-01, 12-01, 2027-03-01; none starts in October -> no invoice
        assertThat(count("SELECT COUNT(*) FROM invoice i JOIN account a ON a.id = i.account_id WHERE a.account_number = '400003' AND i.cycle_date = ?", OCT)).isZero();
        expect("400004", OCT, "40.00", "5.99", "45.99", "0.00", "0.00", "45.99");
        // 400005 QC: NET-UNL 40.00 + PHONE 15.00 + 100 s = 2 started minutes x 0.0375 = 0.075 -> 0.08
        // subtotal 55.08; GST 55.08 x 0.05 = 2.754 -> 2.75; QST 55.08 x 0.09975 = 5.49423 -> 5.49
        // (per line it would be 3.99 + 1.50 + 0.01 = 5.50): tax 8.24, total 63.32
        expect("400005", OCT, "55.08", "8.24", "63.32", "0.00", "0.00", "63.32");
        assertThat(jdbc.queryForObject("""
                SELECT t.amount FROM tax_line t JOIN invoice i ON i.id = t.invoice_id JOIN account a ON a.id = i.account_id
                WHERE a.account_number = '400005' AND i.cycle_date = ? AND t.tax_code = 'QST'""", BigDecimal.class, OCT))
                .isEqualByComparingTo("5.49");

        // ---------------------------------------------------------------- 2026-11-01
        drop("hand-worked/cycles/usage-2026-10.csv", properties.inbox("usage"));
        drop("hand-worked/cycles/payments-2026-10.csv", properties.inbox("payments"));
        assertThat(billInNewProcess(HOME, NOV)).isEqualTo(Result.COMPLETED);
        // 400001: 50.00 + October data 35 + 25 = 60 GB, 10 over x 2.00 = 20.00 (the 5 GB of
        // 11-01 00:30 is November's); 70.00 + HST 9.10 = 79.10; previous 56.50, P1A 56.50 received
        // 10-15 (applied before the invoice): 56.50 - 56.50 + 79.10 = 79.10
        expect("400001", NOV, "70.00", "9.10", "79.10", "56.50", "56.50", "79.10");
        assertThat(shownOn("400001", NOV)).containsExactly("P1A 2026-10-15 -56.50");
        // 400002 and 400004: 45.99, previous 45.99 -> 91.98
        expect("400002", NOV, "40.00", "5.99", "45.99", "45.99", "0.00", "91.98");
        expect("400004", NOV, "40.00", "5.99", "45.99", "45.99", "0.00", "91.98");
        // 400003: still no term starting in November -> no invoice; P3 200.00 finds nothing open: credit
        assertThat(jdbc.queryForObject("SELECT unapplied FROM payment WHERE payment_ref = 'P3'", BigDecimal.class))
                .isEqualByComparingTo("200.00");
        // 400005: PHONE ends 11-15: 15.00 x 15 / 30 = 7.50; 47.50; GST 2.375 -> 2.38; QST 4.738125
        // -> 4.74; total 54.62; previous 63.32, P5A 63.32 received 10-16: 63.32 - 63.32 + 54.62 = 54.62
        expect("400005", NOV, "47.50", "7.12", "54.62", "63.32", "63.32", "54.62");
        // late fees on 11-01: October invoices due 10-22, + 5 grace = 10-27 passed, unpaid: 400002, 400004
        assertThat(feesOn("400002")).containsExactly("2026-10-01");
        assertThat(feesOn("400004")).containsExactly("2026-10-01");
        assertThat(count("SELECT COUNT(*) FROM late_fee")).isEqualTo(2);
        // not delinquent yet: 10-22 + 30 = 11-21
        assertThat(count("SELECT COUNT(*) FROM account WHERE status = 'DELINQUENT'")).isZero();

        // ---------------------------------------------------------------- 2026-12-01
        drop("hand-worked/cycles/usage-2026-11.csv", properties.inbox("usage"));
        drop("hand-worked/cycles/payments-2026-11.csv", properties.inbox("payments"));
        assertThat(billInNewProcess(HOME, DEC)).isEqualTo(Result.COMPLETED);
        // 400001: 50.00 + November data 5 + 48 = 53 GB, 3 over = 6.00; 56.00 + HST 7.28 = 63.28;
        // previous 79.10, P1B 79.10 received 11-20: 79.10 - 79.10 + 63.28 = 63.28
        expect("400001", DEC, "56.00", "7.28", "63.28", "79.10", "79.10", "63.28");
        // 400002: 40.00 + late fee 10.00 (not taxed); tax 5.99; total 55.99; previous 91.98 -> 147.97
        expect("400002", DEC, "50.00", "5.99", "55.99", "91.98", "0.00", "147.97");
        // 400003: term 12-01..2027-02-28: 3 x 30.00 = 90.00 + HST 11.70 = 101.70, paid by the
        // credit: amount paid 101.70, 98.30 left. Its first invoice: previous 0.00, P3 200.00 received
        // 10-20: 0.00 - 200.00 + 101.70 = -98.30, a credit
        expect("400003", DEC, "90.00", "11.70", "101.70", "0.00", "200.00", "-98.30");
        assertThat(shownOn("400003", DEC)).containsExactly("P3 2026-10-20 -200.00");
        assertThat(invoiceValue(jdbc, "amount_paid", "400003", DEC)).isEqualByComparingTo("101.70");
        assertThat(jdbc.queryForObject("SELECT unapplied FROM payment WHERE payment_ref = 'P3'", BigDecimal.class))
                .isEqualByComparingTo("98.30");
        // 400004: as 400002: 55.99; previous 91.98, P4 45.99 received 11-25 (it pays the October
        // invoice): 91.98 - 45.99 + 55.99 = 101.98, not 147.97 (which would ask for P4 again)
        expect("400004", DEC, "50.00", "5.99", "55.99", "91.98", "45.99", "101.98");
        assertThat(invoiceValue(jdbc, "amount_paid", "400004", OCT)).isEqualByComparingTo("45.99");
        // 400005: 40.00 -> 45.99; previous 54.62, P5B 54.62 received 11-16 -> 45.99
        expect("400005", DEC, "40.00", "5.99", "45.99", "54.62", "54.62", "45.99");
        // the bank's duplicate of P1A is not applied again
        assertThat(count("SELECT COUNT(*) FROM payment WHERE payment_ref = 'P1A'")).isEqualTo(1);
        assertThat(invoiceValue(jdbc, "amount_paid", "400001", OCT)).isEqualByComparingTo("56.50");
        // late fees on 12-01: November invoices of 400002 and 400004 (due 11-22, open 45.99)
        assertThat(feesOn("400002")).containsExactly("2026-10-01", "2026-11-01");
        assertThat(feesOn("400004")).containsExactly("2026-10-01", "2026-11-01");
        assertThat(count("SELECT COUNT(*) FROM late_fee")).isEqualTo(4);
        // 400002: oldest unpaid due 10-22 + 30 = 11-21 <= 12-01, overdue 91.98 -> DELINQUENT.
        // 400004: October paid, oldest unpaid 11-22 + 30 = 12-22 > 12-01 -> ACTIVE
        assertThat(status("400002")).isEqualTo("DELINQUENT");
        assertThat(status("400004")).isEqualTo("ACTIVE");

        // ---------------------------------------------------------------- 2027-01-01
        drop("hand-worked/cycles/payments-2026-12.csv", properties.inbox("payments"));
        assertThat(billInNewProcess(HOME, JAN)).isEqualTo(Result.COMPLETED);
        // 400001: 50.00 + 6.50 = 56.50; previous 63.28, P1C 63.28 received 12-15 -> 56.50
        expect("400001", JAN, "50.00", "6.50", "56.50", "63.28", "63.28", "56.50");
        // 400002: 40.00 + the November fee 10.00 -> 55.99; previous 147.97, P2 147.97 received
        // 12-20 (it pays October, November and December: 45.99 + 45.99 + 55.99) -> 55.99
        expect("400002", JAN, "50.00", "5.99", "55.99", "147.97", "147.97", "55.99");
        // 400003: no term starts in January -> no invoice
        assertThat(count("SELECT COUNT(*) FROM invoice i JOIN account a ON a.id = i.account_id WHERE a.account_number = '400003' AND i.cycle_date = ?", JAN)).isZero();
        // 400004: 55.99; previous 101.98, nothing received -> 157.97
        expect("400004", JAN, "50.00", "5.99", "55.99", "101.98", "0.00", "157.97");
        // 400005: previous 45.99, P5C 45.99 received 12-16 -> 45.99
        expect("400005", JAN, "40.00", "5.99", "45.99", "45.99", "45.99", "45.99");
        // every payment is shown on exactly one invoice
        assertThat(count("SELECT COUNT(*) FROM account_ledger WHERE entry_type = 'PAYMENT' AND statement_invoice_id IS NULL"))
                .isZero();
        // late fees on 2027-01-01: only 400004's December invoice (400002 paid all, 400005 always paid)
        assertThat(feesOn("400002")).containsExactly("2026-10-01", "2026-11-01");
        assertThat(feesOn("400004")).containsExactly("2026-10-01", "2026-11-01", "2026-12-01");
        assertThat(count("SELECT COUNT(*) FROM late_fee")).isEqualTo(5);
        // every fee billed once, on the invoice of the cycle after it was assessed
        assertThat(count("SELECT COUNT(*) FROM late_fee WHERE billed_invoice_id IS NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM invoice_line WHERE line_type = 'LATE_FEE'")).isEqualTo(4);
        // 400002 paid up -> ACTIVE; 400004: oldest unpaid 11-22 + 30 = 12-22 <= 01-01, overdue
        // 45.99 + 55.99 = 101.98 -> DELINQUENT
        assertThat(status("400002")).isEqualTo("ACTIVE");
        assertThat(status("400004")).isEqualTo("DELINQUENT");
        assertThat(jdbc.queryForList("""
                SELECT a.account_number || ' ' || e.event_date || ' ' || e.to_status || ' ' || e.overdue_amount
                FROM delinquency_event e JOIN account a ON a.id = e.account_id ORDER BY e.event_date, a.account_number""",
                String.class)).containsExactly("400002 2026-12-01 DELINQUENT 91.98", "400002 2027-01-01 ACTIVE 0.00",
                "400004 2027-01-01 DELINQUENT 101.98");

        // the ledger is what the customer owes: 56.50, 55.99, -98.30, 157.97, 45.99
        assertThat(balance(jdbc, "400001")).isEqualByComparingTo("56.50");
        assertThat(balance(jdbc, "400002")).isEqualByComparingTo("55.99");
        assertThat(balance(jdbc, "400003")).isEqualByComparingTo("-98.30");
        assertThat(balance(jdbc, "400004")).isEqualByComparingTo("157.97");
        assertThat(balance(jdbc, "400005")).isEqualByComparingTo("45.99");
        // and open invoices minus unapplied credits say the same for every account
        List<Map<String, Object>> mismatches = jdbc.queryForList("""
                SELECT a.account_number,
                  (SELECT COALESCE(SUM(amount), 0) FROM account_ledger l WHERE l.account_id = a.id) AS ledger,
                  (SELECT COALESCE(SUM(total - amount_paid), 0) FROM invoice i WHERE i.account_id = a.id AND i.status = 'ISSUED')
                  - (SELECT COALESCE(SUM(unapplied), 0) FROM payment p WHERE p.account_id = a.id) AS open_less_credit
                FROM account a""");
        assertThat(mismatches).allSatisfy(row ->
                assertThat((BigDecimal) row.get("LEDGER")).isEqualByComparingTo((BigDecimal) row.get("OPEN_LESS_CREDIT")));
        // totals are sums of rounded lines, on every invoice
        assertThat(count("""
                SELECT COUNT(*) FROM invoice i WHERE i.status = 'ISSUED' AND i.origin = 'BILLED' AND (
                  i.total <> (SELECT SUM(amount) FROM invoice_line l WHERE l.invoice_id = i.id)
                  OR i.tax_total <> (SELECT COALESCE(SUM(amount), 0) FROM invoice_line l WHERE l.invoice_id = i.id AND l.line_type = 'TAX')
                  OR i.amount_due <> i.previous_balance - i.payments_received + i.adjustments + i.total)""")).isZero();
        // allocations add up to what the invoices say is paid
        assertThat(count("""
                SELECT COUNT(*) FROM invoice i WHERE i.amount_paid <>
                  (SELECT COALESCE(SUM(amount), 0) FROM payment_allocation pa WHERE pa.invoice_id = i.id)""")).isZero();

        // invoice numbers: one gapless series a year, given in account-number order within a cycle
        assertThat(jdbc.queryForList("""
                SELECT i.cycle_date || ' ' || a.account_number || ' ' || i.invoice_number FROM invoice i
                JOIN account a ON a.id = i.account_id ORDER BY i.cycle_date, a.account_number""", String.class))
                .containsExactly(
                        "2026-10-01 400001 F-2026-000001", "2026-10-01 400002 F-2026-000002",
                        "2026-10-01 400004 F-2026-000003", "2026-10-01 400005 F-2026-000004",
                        "2026-11-01 400001 F-2026-000005", "2026-11-01 400002 F-2026-000006",
                        "2026-11-01 400004 F-2026-000007", "2026-11-01 400005 F-2026-000008",
                        "2026-12-01 400001 F-2026-000009", "2026-12-01 400002 F-2026-000010",
                        "2026-12-01 400003 F-2026-000011", "2026-12-01 400004 F-2026-000012",
                        "2026-12-01 400005 F-2026-000013",
                        "2027-01-01 400001 F-2027-000001", "2027-01-01 400002 F-2027-000002",
                        "2027-01-01 400004 F-2027-000003", "2027-01-01 400005 F-2027-000004");

        // a second bill of the last cycle changes nothing
        var before = CycleTestSupport.tableCounts(jdbc);
        assertThat(billInNewProcess(HOME, JAN)).isEqualTo(Result.ALREADY_COMPLETED);
        assertThat(rerunInNewProcess(HOME, JAN)).isEqualTo(Result.COMPLETED);
        assertThat(CycleTestSupport.tableCounts(jdbc)).isEqualTo(before);
    }

    private void expect(String account, LocalDate cycle, String subtotal, String tax, String total, String previous,
                        String received, String due) {
        assertThat(invoiceValue(jdbc, "subtotal", account, cycle)).as(account + " subtotal " + cycle).isEqualByComparingTo(subtotal);
        assertThat(invoiceValue(jdbc, "tax_total", account, cycle)).as(account + " tax " + cycle).isEqualByComparingTo(tax);
        assertThat(invoiceValue(jdbc, "total", account, cycle)).as(account + " total " + cycle).isEqualByComparingTo(total);
        assertThat(invoiceValue(jdbc, "previous_balance", account, cycle)).as(account + " previous " + cycle).isEqualByComparingTo(previous);
        assertThat(invoiceValue(jdbc, "payments_received", account, cycle)).as(account + " received " + cycle).isEqualByComparingTo(received);
        assertThat(invoiceValue(jdbc, "amount_due", account, cycle)).as(account + " due " + cycle).isEqualByComparingTo(due);
    }

    /** The payments an account's invoice of a cycle shows: "reference date amount". */
    private List<String> shownOn(String account, LocalDate cycle) {
        return jdbc.queryForList("""
                SELECT l.reference || ' ' || l.entry_date || ' ' || l.amount FROM account_ledger l
                JOIN invoice i ON i.id = l.statement_invoice_id JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ? AND l.entry_type = 'PAYMENT' ORDER BY l.entry_date""",
                String.class, account, cycle);
    }

    /** The cycles of the invoices a late fee was assessed on. */
    private List<String> feesOn(String account) {
        return jdbc.queryForList("""
                SELECT CAST(i.cycle_date AS VARCHAR(10)) FROM late_fee f JOIN invoice i ON i.id = f.invoice_id
                JOIN account a ON a.id = f.account_id WHERE a.account_number = ? ORDER BY i.cycle_date""",
                String.class, account);
    }

    private String status(String account) {
        return jdbc.queryForObject("SELECT status FROM account WHERE account_number = ?", String.class, account);
    }
}
