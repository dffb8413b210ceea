package ca.isp.billing.jobs.review;

import static ca.isp.billing.jobs.Fixtures.drop;
import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * What the customer sees across cycles when the review gate holds an invoice (fixtures
 * hand-worked/held-statement). Two Ontario accounts on NET-UNL: 40.00 + HST 13 % 5.20 = 45.20 a
 * month, each with an open invoice of 100.00 from the previous system (due 2026-11-14, so no late
 * fee before December's invoices). November's invoices are both held (first-invoice ceiling
 * lowered to 10.00 for that run); 510002's is voided before December; 510001's is still held
 * when December is billed and released after it. An invoice the customer never received is no
 * debt on the next one, the payments and balance it carried are shown on the next one sent, and
 * every statement received satisfies previous - payments + new charges = amount due, each
 * carrying on from the amount due of the one received before it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeldStatementTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final Path RULES = HOME.resolve("review-rules.properties");
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);
    private static final LocalDate JAN = LocalDate.of(2027, 1, 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.review.rules", RULES::toString);
    }

    @Autowired
    private ReviewDesk desk;

    @Test
    @Order(1)
    void novemberIsHeldThenOneInvoiceIsVoided() throws IOException {
        Files.writeString(RULES, "first-invoice-ceiling.amount=10.00\n");
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/held-statement/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/held-statement/subscriptions.csv");
        importFile(importer, Kind.OPENING_BALANCES, "hand-worked/held-statement/opening-balances.csv");
        drop("hand-worked/held-statement/payments-2026-11.csv", properties.inbox("payments"));
        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);

        // 510001 F-2026-000001: 100.00 (OLD-A) - 60.00 (P-A1, 10-25) + 45.20 = 85.20, held
        expect("510001", NOV, "100.00", "60.00", "0.00", "45.20", "85.20");
        // 510002 F-2026-000002: 100.00 (OLD-V) - 100.00 (P-V1, 11-01) + 45.20 = 45.20, held
        expect("510002", NOV, "100.00", "100.00", "0.00", "45.20", "45.20");
        assertThat(jdbc.queryForList("SELECT review_status FROM invoice WHERE cycle_date = ?", String.class, NOV))
                .containsOnly("HELD").hasSize(2);

        // voided on 2026-11-20 (the pinned today): credit note CN-2026-000001 of -45.20
        assertThat(desk.voidInvoices(NOV, List.of("F-2026-000002"), "plan billed twice", "alice"))
                .containsExactly("CN-2026-000001");
        Files.writeString(RULES, "");  // the defaults from December on
    }

    @Test
    @Order(2)
    void decemberAsksForNothingTheCustomerNeverReceived() throws IOException {
        drop("hand-worked/held-statement/payments-2026-12.csv", properties.inbox("payments"));
        assertThat(launcher.bill(DEC).result()).isEqualTo(Result.COMPLETED);

        // 510001, November's F-2026-000001 still held: the customer received no statement yet, so
        // December's is the first: previous = the opening balance OLD-A 100.00; payments since:
        // P-A1 60.00 (shown on the held invoice, never received) + P-A2 50.00 (11-20) = 110.00;
        // new charges 45.20: 100.00 - 110.00 + 45.20 = 35.20 (not 85.20 - 50.00 + 45.20 = 80.40,
        // which asks for the held 45.20 as if it had been sent)
        expect("510001", DEC, "100.00", "110.00", "0.00", "45.20", "35.20");
        assertThat(shown("510001", DEC)).containsExactly("OPENING_BALANCE OLD-A 100.00", "PAYMENT P-A1 -60.00",
                "PAYMENT P-A2 -50.00");
        // 510002, November's voided: previous = OLD-V 100.00, payments P-V1 100.00, no adjustment
        // (neither the voided 45.20 nor its credit note -45.20 is shown), new charges: November's
        // term billed again and December's, 2 x 40.00 = 80.00 + HST 10.40 = 90.40:
        // 100.00 - 100.00 + 0.00 + 90.40 = 90.40
        expect("510002", DEC, "100.00", "100.00", "0.00", "90.40", "90.40");
        assertThat(shown("510002", DEC)).containsExactly("OPENING_BALANCE OLD-V 100.00", "PAYMENT P-V1 -100.00");
        assertThat(pdfText("510002", DEC)).contains("Previous balance $100.00", "P-V1 -$100.00",
                "New charges $90.40", "$90.40").doesNotContain("CN-2026-000001");
    }

    @Test
    @Order(3)
    void theReleasedInvoiceCarriesOnFromTheLastOneSent() throws IOException {
        assertThat(desk.release(NOV, List.of("F-2026-000001"), "alice")).isEqualTo(1);
        assertThat(launcher.rerun(NOV).result()).isEqualTo(Result.COMPLETED);

        // sent after December's (amount due 35.20), which showed everything it had shown:
        // 35.20 - 0.00 + 45.20 = 80.40, the account's balance: 100.00 - 60.00 - 50.00 + 45.20 + 45.20
        expect("510001", NOV, "35.20", "0.00", "0.00", "45.20", "80.40");
        assertThat(shown("510001", NOV)).isEmpty();
        assertThat(pdfText("510001", NOV)).contains("Previous balance $35.20", "New charges $45.20", "$80.40");
        assertThat(Files.exists(Path.of(jdbc.queryForObject(
                "SELECT pdf_path FROM invoice WHERE invoice_number = 'F-2026-000001'", String.class)))).isTrue();
    }

    @Test
    @Order(4)
    void januaryCarriesOnFromWhatTheCustomerReceived() {
        // (more than a month after the pinned today 2026-11-20: --force)
        assertThat(launcher.bill(JAN, CycleLauncher.Option.FORCE).result()).isEqualTo(Result.COMPLETED);
        // 510001: previous = the released invoice's 80.40: 80.40 - 0.00 + 45.20 = 125.60
        expect("510001", JAN, "80.40", "0.00", "0.00", "45.20", "125.60");
        // 510002: previous = December's 90.40: 90.40 + 45.20 = 135.60
        expect("510002", JAN, "90.40", "0.00", "0.00", "45.20", "135.60");
        // every ledger entry is on exactly one statement, the credit note on the voided invoice's
        assertThat(count("SELECT COUNT(*) FROM account_ledger WHERE statement_invoice_id IS NULL AND entry_date <= ?",
                JAN)).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT i.status FROM account_ledger l JOIN invoice i ON i.id = l.statement_invoice_id
                WHERE l.reference = 'CN-2026-000001'""", String.class)).isEqualTo("VOID");
    }

    private void expect(String account, LocalDate cycle, String previous, String received, String adjustments,
                        String total, String due) {
        var row = jdbc.queryForMap("""
                SELECT i.previous_balance, i.payments_received, i.adjustments, i.total, i.amount_due
                FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ? AND i.status = 'ISSUED'""", account, cycle);
        String as = account + " " + cycle;
        assertThat((BigDecimal) row.get("PREVIOUS_BALANCE")).as(as + " previous").isEqualByComparingTo(previous);
        assertThat((BigDecimal) row.get("PAYMENTS_RECEIVED")).as(as + " received").isEqualByComparingTo(received);
        assertThat((BigDecimal) row.get("ADJUSTMENTS")).as(as + " adjustments").isEqualByComparingTo(adjustments);
        assertThat((BigDecimal) row.get("TOTAL")).as(as + " total").isEqualByComparingTo(total);
        assertThat((BigDecimal) row.get("AMOUNT_DUE")).as(as + " due").isEqualByComparingTo(due);
    }

    /** The entries an invoice's statement shows but its own: "type reference amount". */
    private List<String> shown(String account, LocalDate cycle) {
        return jdbc.queryForList("""
                SELECT l.entry_type || ' ' || l.reference || ' ' || l.amount FROM account_ledger l
                JOIN invoice i ON i.id = l.statement_invoice_id JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ? AND i.status = 'ISSUED'
                  AND l.reference <> i.invoice_number ORDER BY l.entry_date, l.id""", String.class, account, cycle);
    }

    private String pdfText(String account, LocalDate cycle) throws IOException {
        String path = jdbc.queryForObject("""
                SELECT i.pdf_path FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ? AND i.status = 'ISSUED'""", String.class, account, cycle);
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(Path.of(path)))) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }
}
