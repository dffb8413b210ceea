package ca.isp.billing.jobs.charge;

import static ca.isp.billing.jobs.Fixtures.importFile;
import static ca.isp.billing.jobs.Fixtures.invoiceValue;
import static ca.isp.billing.jobs.Fixtures.path;
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
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Discounts and contract prices through real cycles on H2: DISCOUNT lines under the plan lines
 * they discount, taxed with them in Ontario (HST 13%) and Quebec (GST 5% + QST 9.975%), and
 * repaired with the plan when the subscription changes after billing. Accounts are billed from
 * Nov 1 (November: 30 days, December: 31); NET-50 is 50.00 a month, NET-UNL 40.00.
 */
class DiscountCyclesTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Test
    void discountsAreTheirOwnLinesTaxedWithThePlanAndRepairedWithIt() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/discounts/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/discounts/subscriptions.csv");
        assertThat(importer.importFile(Kind.DISCOUNTS, path("hand-worked/discounts/discounts.csv")).inserted())
                .isEqualTo(5);
        assertThat(importer.importFile(Kind.SUBSCRIPTION_PRICES, path("hand-worked/discounts/subscription-prices.csv"))
                .inserted()).isEqualTo(1);

        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);

        // 450001 (ON), 10% of NET-50: 50.00 x 10 x 30 / (100 x 30) = 5.00; subtotal 45.00;
        // HST on the discounted amount: 45.00 x 0.13 = 5.85; total 50.85
        assertThat(lines("450001", NOV)).containsExactly("RECURRING 50.00 Net 50",
                "DISCOUNT -5.00 10% off Net 50, 1-30 November");
        assertTotals("450001", NOV, "45.00", "5.85", "50.85");
        // 450002 (QC, French), 8.00 a term on the account from Nov 11: 20 of 30 days:
        // min(8.00 x 20, 50.00 x 20) / 30 = 5.333 -> 5.33; subtotal 44.67; GST 44.67 x 0.05 = 2.2335 -> 2.23;
        // QST 44.67 x 0.09975 = 4.4558 -> 4.46; total 44.67 + 2.23 + 4.46 = 51.36
        assertThat(lines("450002", NOV)).containsExactly("RECURRING 50.00 Net 50",
                "DISCOUNT -5.33 Rabais de 8,00 sur Net 50, 11-30 novembre");
        assertTotals("450002", NOV, "44.67", "6.69", "51.36");
        // 450003 (ON), 60.00 off NET-UNL at 40.00: capped at the line, min(60.00 x 30, 40.00 x 30) / 30 = 40.00
        assertThat(lines("450003", NOV)).containsExactly("RECURRING 40.00 Net Unlimited",
                "DISCOUNT -40.00 60.00 off Net Unlimited, 1-30 November");
        assertTotals("450003", NOV, "0.00", "0.00", "0.00");
        // 450005 (QC), 20%: 50.00 x 20 x 30 / 3000 = 10.00; subtotal 40.00; GST 2.00; QST 40.00 x 0.09975 =
        // 3.99; total 45.99
        assertTotals("450005", NOV, "40.00", "5.99", "45.99");
        // 450006 (ON), contract price 45.00 from Nov 1 instead of 50.00; HST 5.85; total 50.85
        assertThat(lines("450006", NOV)).containsExactly("RECURRING 45.00 Net 50 (contract price)");
        assertTotals("450006", NOV, "45.00", "5.85", "50.85");
        // the tax register's base is the discounted amount
        assertThat(jdbc.queryForObject("""
                SELECT t.taxable_base FROM tax_line t JOIN invoice i ON i.id = t.invoice_id
                JOIN account a ON a.id = i.account_id WHERE a.account_number = '450002' AND t.tax_code = 'QST'""",
                BigDecimal.class)).isEqualByComparingTo("44.67");
        // and the PDF says it in words
        assertThat(pdfText("450001", NOV)).contains("10% off Net 50, 1-30 November").contains("-$5.00");

        // the same files again change nothing
        ReferenceDataImporter.Result again = importer.importFile(Kind.DISCOUNTS,
                path("hand-worked/discounts/discounts.csv"));
        assertThat(again.unchanged()).isEqualTo(5);
        assertThat(again.inserted() + again.updated() + again.rejected()).isZero();
        ReferenceDataImporter.Result prices = importer.importFile(Kind.SUBSCRIPTION_PRICES,
                path("hand-worked/discounts/subscription-prices.csv"));
        assertThat(prices.unchanged()).isEqualTo(1);

        // then 450004 is cancelled from Nov 21 (last day Nov 20) and 450005 moves to NET-UNL from Nov 16
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/discounts/subscriptions-changed.csv");
        assertThat(launcher.bill(DEC).result()).isEqualTo(Result.COMPLETED);

        // 450004: November owes 50.00 x 20 / 30 = 33.333 -> 33.33, billed 50.00: credit -16.67; its discount
        // owes 50.00 x 10 x 20 / 3000 = 3.333 -> -3.33, took -5.00: gives back 1.67; December nothing.
        // Subtotal -15.00; HST -1.95; total -16.95
        assertThat(lines("450004", DEC)).containsExactly(
                "CREDIT -16.67 Net 50 (cancelled from 21 November: 10 of 30 days)",
                "DISCOUNT 1.67 10% off Net 50, 1-20 November (adjusted to the service as it is now)");
        assertTotals("450004", DEC, "-15.00", "-1.95", "-16.95");
        // over both invoices November nets to what the final history owes: 33.33 - 3.33 = 30.00
        assertThat(net("450004")).isEqualByComparingTo("30.00");

        // 450005: NET-50 owes 50.00 x 15 / 30 = 25.00 (credit -25.00), its 20% owes 50.00 x 20 x 15 / 3000 =
        // 5.00 (gives back 5.00 of the 10.00); NET-UNL's stub 40.00 x 15 / 30 = 20.00, 20% of it 4.00;
        // December NET-UNL 40.00, 20% 8.00. Subtotal -25 + 5 + 20 - 4 + 40 - 8 = 28.00; GST 1.40;
        // QST 28.00 x 0.09975 = 2.793 -> 2.79; total 32.19
        assertThat(lines("450005", DEC)).containsExactly(
                "CREDIT -25.00 Net 50 (changed to Net Unlimited from 16 November: 15 of 30 days)",
                "DISCOUNT 5.00 20% off Net 50, 1-15 November (adjusted to the service as it is now)",
                "RECURRING 20.00 Net Unlimited (prorated, 15 of 30 days)",
                "DISCOUNT -4.00 20% off Net Unlimited, 16-30 November",
                "RECURRING 40.00 Net Unlimited",
                "DISCOUNT -8.00 20% off Net Unlimited, 1-31 December");
        assertTotals("450005", DEC, "28.00", "4.19", "32.19");

        // 450002: 8.00 for all of December: min(8.00 x 31, 50.00 x 31) / 31 = 8.00; subtotal 42.00;
        // GST 2.10; QST 42.00 x 0.09975 = 4.1895 -> 4.19; total 48.29
        assertThat(lines("450002", DEC)).containsExactly("RECURRING 50.00 Net 50",
                "DISCOUNT -8.00 Rabais de 8,00 sur Net 50, 1er-31 décembre");
        assertTotals("450002", DEC, "42.00", "6.29", "48.29");
        // 450001 and 450006 as in November; no discount line where nothing changed
        assertThat(lines("450001", DEC)).containsExactly("RECURRING 50.00 Net 50",
                "DISCOUNT -5.00 10% off Net 50, 1-31 December");
        assertThat(lines("450006", DEC)).containsExactly("RECURRING 45.00 Net 50 (contract price)");
        // the journal books a discount against its plan's revenue: every entry balanced (the run would fail)
        assertThat(count("SELECT COUNT(*) FROM invoice_line WHERE line_type = 'DISCOUNT' AND item_discount_ref IS NULL"))
                .isZero();
    }

    @Test
    void badDiscountAndPriceLinesAreRejectedWithTheirFieldAndReason() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/discounts/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/discounts/subscriptions.csv");
        ReferenceDataImporter.Result result = importer.importFile(Kind.DISCOUNTS,
                path("hand-worked/discounts/discounts-with-errors.csv"));

        assertThat(result.inserted()).isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(7);
        assertThat(Files.readString(result.rejectFile()))
                .contains("3,kind,\"not one of PERCENT, FIXED: 'HALF'\"")
                .contains("4,value,above the plausible maximum 100: '120'")
                .contains("5,account_number,unknown account '999999' (import accounts first)")
                .contains("6,subscription_id,subscription 'S450002' is not one of account 450001's")
                .contains("7,end_date,before start_date 2026-11-01: 2026-10-01")
                .contains("8,discount_ref,longer than 16 characters")
                .contains("9,value,must be more than 0: '0.00'");

        ReferenceDataImporter.Result prices = importer.importFile(Kind.SUBSCRIPTION_PRICES,
                path("hand-worked/discounts/subscription-prices-with-errors.csv"));
        assertThat(prices.inserted()).isEqualTo(1);
        assertThat(Files.readString(prices.rejectFile()))
                .contains("3,subscription_id,unknown subscription 'S999999' (import subscriptions first)")
                .contains("4,plan_code,unknown plan 'NO-SUCH' (import plans first)")
                .contains("5,term_price,must not be negative: '-1.00'");
    }

    private void assertTotals(String account, LocalDate cycle, String subtotal, String tax, String total) {
        assertThat(invoiceValue(jdbc, "subtotal", account, cycle)).isEqualByComparingTo(subtotal);
        assertThat(invoiceValue(jdbc, "tax_total", account, cycle)).isEqualByComparingTo(tax);
        assertThat(invoiceValue(jdbc, "total", account, cycle)).isEqualByComparingTo(total);
    }

    /** Everything the account was billed for November's terms, plans and discounts. */
    private BigDecimal net(String account) {
        return jdbc.queryForObject("""
                SELECT SUM(l.amount) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND l.item_term_start = DATE '2026-11-01'""", BigDecimal.class, account);
    }

    /** The account's invoice lines of the cycle but tax and late fees: type, amount, description. */
    private List<String> lines(String account, LocalDate cycle) {
        return jdbc.queryForList("""
                SELECT CONCAT(l.line_type, ' ', l.amount, ' ', l.description)
                FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ? AND l.line_type NOT IN ('TAX', 'LATE_FEE')
                ORDER BY l.line_no""", String.class, account, cycle);
    }

    private String pdfText(String account, LocalDate cycle) throws IOException {
        String pdfPath = jdbc.queryForObject("""
                SELECT i.pdf_path FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ?""", String.class, account, cycle);
        try (PDDocument pdf = Loader.loadPDF(Path.of(pdfPath).toFile())) {
            return new PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replace('\u202f', ' ')
                    .replaceAll("\\s+", " ");
        }
    }
}
