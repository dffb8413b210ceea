package ca.isp.billing.jobs.closing;

import static ca.isp.billing.jobs.Fixtures.drop;
import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.domain.FinalSettlement.Choice;
import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CloseAccountLauncher;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.review.ReviewDesk;

/**
 * An account that leaves (fixtures hand-worked/closing), Ontario, HST 13%, bill day 1, today
 * 2026-11-20 (PinnedClock). 470001 has NET-Q (30.00 a month, 90.00 a quarter in advance) and
 * NET-50 (50.00 a month, 50 GB included, 2.00 a GB over) from 2026-10-01:
 * <pre>
 * 10-01 invoice: NET-Q Oct 1 - Dec 31 90.00 + NET-50 Oct 50.00 = 140.00, HST 18.20, total 158.20
 * 10-15 PAY-1 158.20 pays it
 * 11-01 invoice: NET-50 Nov 50.00, HST 6.50, total 56.50 (the November usage is not billed yet)
 * 11-05 PAY-3 76.50: 56.50 pays the invoice, 20.00 left as a credit
 * </pre>
 * Closed with 2026-11-15 as its last day of service, refund: see the test for the arithmetic.
 */
class CloseAccountTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 15);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    private CloseAccountLauncher closing;
    @Autowired
    private CollectionsLauncher collections;
    @Autowired
    private ReviewDesk reviewDesk;
    @Autowired
    private ca.isp.billing.jobs.cycle.InvoiceNowLauncher invoiceNow;

    @Test
    void theFinalBillCreditsTheDaysPaidAheadBillsTheUsageAndRefundsTheCreditOnce() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/closing/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/closing/subscriptions.csv");
        assertThat(launcher.bill(LocalDate.of(2026, 10, 1)).result()).isEqualTo(Result.COMPLETED);
        assertThat(total("470001", LocalDate.of(2026, 10, 1))).isEqualByComparingTo("158.20");
        drop("hand-worked/closing/usage-2026-11.csv", properties.inbox("usage"));
        drop("hand-worked/closing/payments-2026-10-15.csv", properties.inbox("payments"));
        assertThat(launcher.bill(LocalDate.of(2026, 11, 1)).result()).isEqualTo(Result.COMPLETED);
        assertThat(total("470001", LocalDate.of(2026, 11, 1))).isEqualByComparingTo("56.50");
        drop("hand-worked/closing/payments-2026-11-05.csv", properties.inbox("payments"));
        assertThat(collections.collect(LocalDate.of(2026, 11, 5)).result()).isEqualTo(Result.COMPLETED);
        // 158.20 + 56.50 - 158.20 - 76.50 = -20.00: a credit of 20.00
        assertThat(Fixtures.balance(jdbc, "470001")).isEqualByComparingTo("-20.00");

        // a last day of service after today is refused, nothing changed
        assertThat(closing.close("470001", TODAY.plusDays(1), Choice.REFUND, "ana").result()).isEqualTo(Result.REFUSED);
        assertThat(count("SELECT COUNT(*) FROM account_closure")).isZero();

        CycleOutcome first = closing.close("470001", LAST_DAY, Choice.REFUND, "ana");
        assertThat(first.result()).as(first.message()).isEqualTo(Result.COMPLETED);
        // The final bill, dated today, service to Nov 15 (lines in subscription order, S470001-M first):
        //  NET-Q's quarter Oct 1 - Dec 31 is 92 days, served Oct 1 - Nov 15 = 31 + 15 = 46:
        //    90.00 x 46 / 92 = 45.00 owed, 90.00 billed -> CREDIT -45.00
        //  NET-50's November is 30 days, served 15: 50.00 x 15 / 30 = 25.00 owed, 50.00 billed -> CREDIT -25.00
        //  usage Nov 1 - 15: 30 GB + 23 GB = 53 GB, 3 GB over the 50 included: 3 x 2.00 = 6.00
        //    (the 1 GB of Nov 17, after the last day, is not billed)
        //  subtotal -45.00 - 25.00 + 6.00 = -64.00; HST -64.00 x 0.13 = -8.32; total -72.32
        assertThat(finalLines()).containsExactly("CREDIT -25.00", "CREDIT -45.00", "USAGE 6.00", "TAX -8.32");
        Map<String, Object> bill = finalBill();
        assertThat((BigDecimal) bill.get("TOTAL")).isEqualByComparingTo("-72.32");
        assertThat(bill.get("INVOICE_DATE").toString()).isEqualTo(TODAY.toString());
        assertThat(bill.get("PERIOD_END").toString()).isEqualTo(LAST_DAY.toString());
        // the account's last invoice asked for money: the review gate holds a bill that pays out
        assertThat(bill.get("REVIEW_STATUS")).isEqualTo("HELD");
        assertThat(jdbc.queryForList("SELECT CAST(end_date AS VARCHAR(10)) FROM subscription s JOIN account a"
                + " ON a.id = s.account_id WHERE a.account_number = '470001'", String.class))
                .containsOnly(LAST_DAY.toString());
        assertThat(status("470001")).isEqualTo("CLOSED");
        // not settled while held: no refund yet
        assertThat(count("SELECT COUNT(*) FROM refund")).isZero();
        assertThat(first.message()).contains("final bill waiting (HELD)");
        // the usage after the last day stays unbilled
        assertThat(jdbc.queryForList("SELECT record_id FROM usage_record WHERE status = 'RATED'", String.class))
                .containsExactly("c-3");

        // released, then close-account again: settled, rendered and sent
        String number = (String) bill.get("INVOICE_NUMBER");
        assertThat(reviewDesk.release(TODAY, List.of(number), "ana")).isEqualTo(1);
        CycleOutcome second = closing.close("470001", LAST_DAY, Choice.REFUND, "ana");
        assertThat(second.result()).as(second.message()).isEqualTo(Result.COMPLETED);
        // refund = the 20.00 credit of PAY-3 + the 72.32 the final bill owes back = 92.32
        assertThat(jdbc.queryForObject("SELECT amount FROM refund", BigDecimal.class)).isEqualByComparingTo("92.32");
        // ledger: 158.20 + 56.50 - 158.20 - 76.50 - 72.32 + 92.32 (REFUND) = 0.00
        assertThat(Fixtures.balance(jdbc, "470001")).isEqualByComparingTo("0.00");
        assertThat(jdbc.queryForObject("SELECT unapplied FROM payment WHERE payment_ref = 'PAY-3'", BigDecimal.class))
                .isEqualByComparingTo("0.00");
        assertThat(second.message()).contains("refund 92.32");
        // the list for accounts payable: owner-only, the name's formula neutralised
        Path refunds = HOME.resolve("out").resolve("refunds").resolve(TODAY.toString()).resolve("refunds.csv");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(refunds))).isEqualTo("rw-------");
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(refunds)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("account_number")).isEqualTo("470001");
        assertThat(rows.get(0).get("name")).isEqualTo("'=SUM(1+1) Leaving");
        assertThat(rows.get(0).get("amount")).isEqualTo("92.32");
        assertThat(rows.get(0).get("final_invoice")).isEqualTo(number);
        assertThat(rows.get(0).get("closed_on")).isEqualTo(LAST_DAY.toString());
        // the PDF, read back
        String pdf = pdfText((String) finalBill().get("PDF_PATH"));
        assertThat(pdf).contains(number).contains("Service period November 1, 2026 – November 15, 2026")
                // it says it is the last bill, with the last day of service
                .contains("Final bill — service ended November 15, 2026")
                .contains("Net Quarterly (cancelled from 16 November: 46 of 92 days) Nov. 16 – Dec. 31, 2026 -$45.00")
                .contains("Net 50 (cancelled from 16 November: 15 of 30 days) Nov. 16 – Nov. 30, 2026 -$25.00")
                .contains("53 GB used, 50 GB included").contains("3 GB $6.00").contains("Total of this invoice -$72.32")
                // the statement: 56.50 previous - 76.50 paid - 72.32 = -92.32, the credit refunded
                .contains("Amount due by December 11, 2026 -$92.32");

        // a third time: one final bill, one refund, one REFUND entry; another day or choice is refused
        assertThat(closing.close("470001", LAST_DAY, Choice.REFUND, "bob").result()).isEqualTo(Result.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM invoice WHERE source = 'FINAL'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM refund")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM account_ledger WHERE entry_type = 'REFUND'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM delivery d JOIN invoice i ON i.id = d.invoice_id"
                + " WHERE i.source = 'FINAL'")).isEqualTo(1);
        assertThat(closing.close("470001", LAST_DAY.minusDays(1), Choice.REFUND, "bob").result())
                .isEqualTo(Result.REFUSED);
        assertThat(closing.close("470001", LAST_DAY, Choice.CARRY, "bob").result()).isEqualTo(Result.REFUSED);

        // 470003 (NET-UNL 40.00 a month, 10-01 invoice 45.20 paid, 11-01 invoice 45.20 open) closes with
        // Nov 10 as its last day and keeps its credit (carry). Its November is 30 days, served 10:
        //   40.00 x 10 / 30 = 13.333 -> 13.33 owed, 40.00 billed -> CREDIT -26.67; HST -26.67 x 0.13 = -3.4671
        //   -> -3.47; total -30.14, held by the review gate as 470001's was, then released
        CycleOutcome carry = closing.close("470003", LocalDate.of(2026, 11, 10), Choice.CARRY, "ana");
        assertThat(carry.result()).as(carry.message()).isEqualTo(Result.COMPLETED);
        String carryNumber = jdbc.queryForObject("""
                SELECT i.invoice_number FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = '470003' AND i.source = 'FINAL'""", String.class);
        assertThat(jdbc.queryForObject("SELECT total FROM invoice WHERE invoice_number = ?", BigDecimal.class,
                carryNumber)).isEqualByComparingTo("-30.14");
        // a held final bill cannot be voided (nothing would bill the service to the last day again)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reviewDesk.voidInvoices(TODAY, List.of(carryNumber),
                "wrong", "ana")).isInstanceOf(ReviewDesk.Refused.class).hasMessageContaining("final bill");
        assertThat(jdbc.queryForObject("SELECT status FROM invoice WHERE invoice_number = ?", String.class, carryNumber))
                .isNotEqualTo("VOID");
        reviewDesk.release(TODAY, List.of(carryNumber), "ana");
        assertThat(closing.close("470003", LocalDate.of(2026, 11, 10), Choice.CARRY, "ana").result())
                .isEqualTo(Result.COMPLETED);
        // the credit pays what the account still owes first: the 11-01 invoice, 45.20 - 30.14 = 15.06 open;
        // nothing is left to carry, nothing refunded; the ledger agrees: 45.20 + 45.20 - 45.20 - 30.14 = 15.06
        assertThat(jdbc.queryForObject("""
                SELECT SUM(o.open_amount) FROM open_invoice o JOIN account a ON a.id = o.account_id
                WHERE a.account_number = '470003'""", BigDecimal.class)).isEqualByComparingTo("15.06");
        assertThat(Fixtures.balance(jdbc, "470003")).isEqualByComparingTo("15.06");
        assertThat(count("SELECT COUNT(*) FROM refund")).isEqualTo(1);

        // a closed account is not invoiced now, nor reinstated (it is not written off; a written-off
        // closed account is refused too, see AccountReinstatement)
        assertThat(invoiceNow.invoiceNow("470001", null).result()).isEqualTo(Result.REFUSED);

        // PAY-3's 20.00 credit was refunded: a chargeback of the whole 76.50 cannot take it back from
        // the account (it holds 56.50 of PAY-3 on the 11-01 invoice): a reject line naming the reason,
        // and the collections run goes on (it failed before)
        drop("hand-worked/closing/returns-2026-11-21.csv", properties.inbox("payments"));
        CycleOutcome chargeback = collections.collect(LocalDate.of(2026, 11, 21));
        assertThat(chargeback.result()).as(chargeback.message()).isEqualTo(Result.COMPLETED);
        assertThat(Fixtures.rejects(properties.rejects().resolve("returns-2026-11-21.csv.rejects.csv")))
                .extracting(r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(org.assertj.core.api.Assertions.tuple("amount",
                        "payment 'PAY-3': the payment holds only 56.50 on the account now (credit and invoices it pays;"
                                + " the rest left it, e.g. refunded at closing): a reversal of 76.50 cannot be taken from it"));
        assertThat(count("SELECT COUNT(*) FROM payment_reversal")).isZero();

        // provisioning: both closures (asked for on 11-20, a day without a collections run) go on the
        // disconnection list of 11-21, the first run after; service ends the day after the last day
        // (470001: Nov 15 -> Nov 16; 470003: Nov 10 -> Nov 11), the services running on the last day
        assertThat(provisioning(LocalDate.of(2026, 11, 5), "disconnections.csv")).isEmpty();
        assertThat(provisioning(LocalDate.of(2026, 11, 21), "disconnections.csv"))
                .extracting(r -> r.get("account_number"), r -> r.get("service_identifiers"), r -> r.get("action"),
                        r -> r.get("reason"), r -> r.get("effective_date"))
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("470001", "leavem|leaveq", "DISCONNECT",
                                "account closed, last day of service 2026-11-15", "2026-11-16"),
                        org.assertj.core.api.Assertions.tuple("470003", "carry", "DISCONNECT",
                                "account closed, last day of service 2026-11-10", "2026-11-11"));
        Path disconnections = HOME.resolve("out/provisioning/2026-11-21/disconnections.csv");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(disconnections))).isEqualTo("rw-------");
        byte[] listed = Files.readAllBytes(disconnections);

        // the next cycle bills the other account and nothing for the closed one (its reconciliation held,
        // else the cycle would have failed)
        CycleOutcome december = launcher.bill(LocalDate.of(2026, 12, 1));
        assertThat(december.result()).as(december.message()).isEqualTo(Result.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM invoice i JOIN account a ON a.id = i.account_id"
                + " WHERE a.account_number = '470001' AND i.cycle_date = DATE '2026-12-01'")).isZero();
        assertThat(total("470002", LocalDate.of(2026, 12, 1))).isEqualByComparingTo("56.50");
        // a cycle invoice is no final bill
        assertThat(pdfText(jdbc.queryForObject("""
                SELECT i.pdf_path FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = '470002' AND i.cycle_date = DATE '2026-12-01'""", String.class)))
                .contains("Total of this invoice").doesNotContain("Final bill");
        assertThat(status("470001")).isEqualTo("CLOSED");
        assertThat(count("SELECT COUNT(*) FROM invoice i JOIN account a ON a.id = i.account_id"
                + " WHERE a.account_number = '470003' AND i.cycle_date = DATE '2026-12-01'")).isZero();
        // listed once: the cycle's list of 12-01 has no disconnection, the 11-21 list is unchanged
        assertThat(provisioning(LocalDate.of(2026, 12, 1), "disconnections.csv")).isEmpty();
        assertThat(Files.readAllBytes(disconnections)).isEqualTo(listed);
        // 470003 still owes 15.06 of its 11-01 invoice, due 11-22: 9 days late on 12-01, yet a CLOSED
        // account gets no late fee (no invoice would bill it); 470002's unpaid 11-01 invoice gets one
        assertThat(jdbc.queryForList("""
                SELECT a.account_number FROM late_fee f JOIN account a ON a.id = f.account_id
                ORDER BY a.account_number""", String.class)).containsExactly("470002");
        assertThat(status("470003")).isEqualTo("CLOSED");
        // its journal posts the final bill and books the refund: receivables debited, cash credited, 92.32 each
        List<CSVRecord> journal;
        try (Reader in = Files.newBufferedReader(properties.reports(LocalDate.of(2026, 12, 1)).resolve("journal.csv"))) {
            journal = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertThat(journal).filteredOn(r -> r.get("source_type").equals("REFUND"))
                .extracting(r -> r.get("source_ref"), r -> r.get("category"), r -> r.get("debit"), r -> r.get("credit"))
                .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple("RF-470001", "RECEIVABLE", "92.32", "0.00"),
                        org.assertj.core.api.Assertions.tuple("RF-470001", "CASH", "0.00", "92.32"));
        assertThat(journal).filteredOn(r -> r.get("source_ref").equals(number)).isNotEmpty();

        // money that arrives after the closure was settled: 470001 owes nothing, so PAY-9 of 15.00 stays a
        // credit (balance 0.00 - 15.00 = -15.00) until close-account is run again, which refunds it as the
        // account's second refund, RF-470001-2: balance -15.00 + 15.00 = 0.00
        Files.writeString(properties.inbox("payments").resolve("payments-2026-12-02.csv"), """
                payment_ref,account_number,received_on,amount,method
                PAY-9,470001,2026-11-20,15.00,BANK
                """);
        assertThat(collections.collect(LocalDate.of(2026, 12, 2)).result()).isEqualTo(Result.COMPLETED);
        assertThat(Fixtures.balance(jdbc, "470001")).isEqualByComparingTo("-15.00");
        CycleOutcome later = closing.close("470001", LAST_DAY, Choice.REFUND, "ana");
        assertThat(later.result()).as(later.message()).isEqualTo(Result.COMPLETED);
        assertThat(later.message()).contains("refund 92.32 + 15.00");
        assertThat(jdbc.queryForList("SELECT CONCAT(reference, ' ', amount) FROM refund ORDER BY id", String.class))
                .containsExactly("RF-470001 92.32", "RF-470001-2 15.00");
        assertThat(Fixtures.balance(jdbc, "470001")).isEqualByComparingTo("0.00");
        assertThat(jdbc.queryForObject("SELECT unapplied FROM payment WHERE payment_ref = 'PAY-9'", BigDecimal.class))
                .isEqualByComparingTo("0.00");
        // run again: nothing new to pay back; the carried account (470003) refunds nothing later either
        assertThat(closing.close("470001", LAST_DAY, Choice.REFUND, "ana").result()).isEqualTo(Result.COMPLETED);
        assertThat(closing.close("470003", LocalDate.of(2026, 11, 10), Choice.CARRY, "ana").result())
                .isEqualTo(Result.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM refund")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM account_ledger WHERE entry_type = 'REFUND'")).isEqualTo(2);
        // accounts payable's list of the day (today, 11-20) holds both, in account and refund order
        try (Reader in = Files.newBufferedReader(refunds)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertThat(rows).extracting(r -> r.get("refund_reference"), r -> r.get("amount"))
                .containsExactly(org.assertj.core.api.Assertions.tuple("RF-470001", "92.32"),
                        org.assertj.core.api.Assertions.tuple("RF-470001-2", "15.00"));
    }

    private static List<CSVRecord> provisioning(LocalDate day, String list) throws IOException {
        try (Reader in = Files.newBufferedReader(HOME.resolve("out/provisioning").resolve(day.toString()).resolve(list))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private BigDecimal total(String account, LocalDate cycle) {
        return jdbc.queryForObject("""
                SELECT i.total FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ? AND i.source = 'CYCLE'""", BigDecimal.class, account, cycle);
    }

    private String status(String account) {
        return jdbc.queryForObject("SELECT status FROM account WHERE account_number = ?", String.class, account);
    }

    private Map<String, Object> finalBill() {
        return jdbc.queryForMap("""
                SELECT i.invoice_number, i.total, i.invoice_date, i.period_end, i.review_status, i.pdf_path
                FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = '470001' AND i.source = 'FINAL'""");
    }

    private List<String> finalLines() {
        return jdbc.queryForList("""
                SELECT CONCAT(l.line_type, ' ', l.amount) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                WHERE i.source = 'FINAL' ORDER BY l.line_no""", String.class);
    }

    private static String pdfText(String pdfPath) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Path.of(pdfPath).toFile())) {
            return new PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replace('\u202f', ' ')
                    .replaceAll("\\s+", " ");
        }
    }
}
