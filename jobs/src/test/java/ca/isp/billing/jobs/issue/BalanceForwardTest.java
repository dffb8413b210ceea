package ca.isp.billing.jobs.issue;

import static ca.isp.billing.jobs.Fixtures.drop;
import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Balance forward, worked by hand (fixtures hand-worked/balance). Four Ontario accounts on
 * NET-UNL: 40.00 + HST 13 % 5.20 = 45.20 a month; each has an open invoice of 100.00 from the
 * previous system, dated 2026-09-01 and due 2026-09-21. Payments come in the inbox dated before
 * the invoice date (P-BEFORE 60.00 on 10-25), on it (P-ON 100.00 on 11-01), after it (P-AFTER
 * 100.00 on 11-05) and, in December's inbox, one dated before November's invoice that arrived
 * late (P-LATE 30.00 on 10-30). Every payment is applied before the invoices are issued; each
 * invoice shows the payments dated on or before its date that no earlier invoice showed, so its
 * amount due is the account's ledger balance on the invoice date.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BalanceForwardTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Test
    @Order(1)
    void novemberShowsThePaymentsDatedOnOrBeforeTheInvoiceDate() throws IOException {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/balance/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/balance/subscriptions.csv");
        importFile(importer, Kind.OPENING_BALANCES, "hand-worked/balance/opening-balances.csv");
        drop("hand-worked/balance/payments-2026-11.csv", properties.inbox("payments"));

        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);

        // 500001: first invoice: previous = the opening balance 100.00; P-BEFORE 60.00 (10-25):
        // 100.00 - 60.00 + 45.20 = 85.20
        expect("500001", NOV, "F-2026-000001", "100.00", "60.00", "45.20", "85.20");
        assertThat(shown("500001", NOV)).containsExactly("P-BEFORE 2026-10-25 -60.00");
        // 500002: P-ON 100.00 dated the invoice date is shown: 100.00 - 100.00 + 45.20 = 45.20
        expect("500002", NOV, "F-2026-000002", "100.00", "100.00", "45.20", "45.20");
        assertThat(shown("500002", NOV)).containsExactly("P-ON 2026-11-01 -100.00");
        // 500003: P-AFTER (11-05) is applied (it pays OLD-3) but dated after the invoice: not shown,
        // 100.00 - 0.00 + 45.20 = 145.20, the ledger balance on 11-01
        expect("500003", NOV, "F-2026-000003", "100.00", "0.00", "45.20", "145.20");
        assertThat(shown("500003", NOV)).isEmpty();
        assertThat(amountPaid("OLD-3")).isEqualByComparingTo("100.00");
        // 500004: nothing received: 100.00 + 45.20 = 145.20
        expect("500004", NOV, "F-2026-000004", "100.00", "0.00", "45.20", "145.20");

        // late fees and delinquency are decided on what is still owed after the payments:
        // OLD-1 (40.00 left) and OLD-4 (100.00) get a fee; OLD-2 and OLD-3 are paid. Due 09-21 + 30
        // days = 10-21 <= 11-01: 500001 (40.00 overdue) and 500004 (100.00) become delinquent.
        assertThat(jdbc.queryForList("""
                SELECT i.invoice_number FROM late_fee f JOIN invoice i ON i.id = f.invoice_id ORDER BY 1""",
                String.class)).containsExactly("OLD-1", "OLD-4");
        assertThat(delinquent()).containsExactly("500001", "500004");
    }

    @Test
    @Order(2)
    void decemberShowsThePaymentDatedAfterNovemberAndTheOneThatArrivedLate() throws IOException {
        drop("hand-worked/balance/payments-2026-12.csv", properties.inbox("payments"));

        assertThat(launcher.bill(DEC).result()).isEqualTo(Result.COMPLETED);

        // 500001: 40.00 + HST 5.20 + late fee 10.00 (not taxed) = 55.20; previous 85.20,
        // P-NOV 85.20 (11-20): 85.20 - 85.20 + 55.20 = 55.20
        expect("500001", DEC, "F-2026-000005", "85.20", "85.20", "55.20", "55.20");
        assertThat(shown("500001", DEC)).containsExactly("P-NOV 2026-11-20 -85.20");
        // 500002: previous 45.20 unpaid: 45.20 + 45.20 = 90.40
        expect("500002", DEC, "F-2026-000006", "45.20", "0.00", "45.20", "90.40");
        // 500003: P-AFTER, dated 11-05, appears now, on exactly one invoice: 145.20 - 100.00 + 45.20 = 90.40
        expect("500003", DEC, "F-2026-000007", "145.20", "100.00", "45.20", "90.40");
        assertThat(shown("500003", DEC)).containsExactly("P-AFTER 2026-11-05 -100.00");
        // 500004: P-LATE dated 10-30 (before November's invoice) arrived in December: shown now;
        // 45.20 + late fee 10.00 = 55.20; 145.20 - 30.00 + 55.20 = 170.40
        expect("500004", DEC, "F-2026-000008", "145.20", "30.00", "55.20", "170.40");
        assertThat(shown("500004", DEC)).containsExactly("P-LATE 2026-10-30 -30.00");

        // every payment appears on exactly one invoice
        assertThat(count("SELECT COUNT(*) FROM account_ledger WHERE entry_type = 'PAYMENT' AND statement_invoice_id IS NULL"))
                .isZero();
        // 500001 paid up (the December invoice is not due yet): back to ACTIVE; 500004 still owes
        // OLD-4's 70.00 and November's 45.20
        assertThat(delinquent()).containsExactly("500004");
    }

    @Test
    @Order(3)
    void thePdfAndTheEmailShowThePaymentsReceivedInTheAccountsLanguage() throws Exception {
        assertThat(pdfText("500003", DEC)).contains("Previous balance $145.20",
                "Payment received Nov. 5, 2026 · P-AFTER -$100.00", "New charges $45.20",
                "Amount due by December 22, 2026 $90.40");
        assertThat(pdfText("500004", DEC).replace('\u00A0', ' ')).contains("Solde précédent 145,20 $",
                "Paiement reçu le 30 oct. 2026 · P-LATE -30,00 $", "Nouveaux frais 55,20 $",
                "Montant dû au 22 décembre 2026 170,40 $");

        assertThat(emailBody("F-2026-000007")).contains("Previous balance:   $145.20",
                "Payment received:   -$100.00 on Nov. 5, 2026 (P-AFTER)", "Amount due:         $90.40");
        assertThat(emailBody("F-2026-000008").replace('\u00A0', ' ')).contains("Solde précédent :     145,20 $",
                "Paiement reçu :       -30,00 $ le 30 oct. 2026 (P-LATE)", "Montant dû :          170,40 $");
    }

    /** Checks one invoice's statement and that its amount due is the ledger balance on its date. */
    private void expect(String account, LocalDate cycle, String number, String previous, String received,
                        String total, String due) {
        var row = jdbc.queryForMap("""
                SELECT i.invoice_number, i.invoice_date, i.previous_balance, i.payments_received, i.adjustments,
                    i.total, i.amount_due FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ?""", account, cycle);
        String as = account + " " + cycle;
        assertThat(row.get("INVOICE_NUMBER")).as(as + " number").isEqualTo(number);
        assertThat((BigDecimal) row.get("PREVIOUS_BALANCE")).as(as + " previous").isEqualByComparingTo(previous);
        assertThat((BigDecimal) row.get("PAYMENTS_RECEIVED")).as(as + " received").isEqualByComparingTo(received);
        assertThat((BigDecimal) row.get("ADJUSTMENTS")).as(as + " adjustments").isEqualByComparingTo("0.00");
        assertThat((BigDecimal) row.get("TOTAL")).as(as + " total").isEqualByComparingTo(total);
        assertThat((BigDecimal) row.get("AMOUNT_DUE")).as(as + " due").isEqualByComparingTo(due);
        BigDecimal ledger = jdbc.queryForObject("""
                SELECT SUM(l.amount) FROM account_ledger l JOIN account a ON a.id = l.account_id
                WHERE a.account_number = ? AND l.entry_date <= ?""", BigDecimal.class, account, cycle);
        assertThat(ledger).as(as + " ledger balance on the invoice date").isEqualByComparingTo(due);
    }

    /** The payments an invoice shows: "reference date amount". */
    private List<String> shown(String account, LocalDate cycle) {
        return jdbc.queryForList("""
                SELECT l.reference || ' ' || l.entry_date || ' ' || l.amount FROM account_ledger l
                JOIN invoice i ON i.id = l.statement_invoice_id JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ? AND l.entry_type = 'PAYMENT'
                ORDER BY l.entry_date""", String.class, account, cycle);
    }

    private BigDecimal amountPaid(String invoiceNumber) {
        return jdbc.queryForObject("SELECT amount_paid FROM invoice WHERE invoice_number = ?", BigDecimal.class,
                invoiceNumber);
    }

    private List<String> delinquent() {
        return jdbc.queryForList("SELECT account_number FROM account WHERE status = 'DELINQUENT' ORDER BY 1",
                String.class);
    }

    private String pdfText(String account, LocalDate cycle) throws IOException {
        String path = jdbc.queryForObject("""
                SELECT i.pdf_path FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ?""", String.class, account, cycle);
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(Path.of(path)))) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    private String emailBody(String invoiceNumber) throws Exception {
        Path eml = properties.out().resolve("email").resolve(DEC.toString()).resolve(invoiceNumber + "-EMAIL.eml");
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            return (String) ((Multipart) message.getContent()).getBodyPart(0).getContent();
        }
    }
}
