package ca.isp.billing.jobs.tax;

import static ca.isp.billing.jobs.Fixtures.importFile;
import static ca.isp.billing.jobs.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

import ca.isp.billing.domain.TaxAmount;
import ca.isp.billing.domain.TaxClass;
import ca.isp.billing.domain.UnknownJurisdictionException;
import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.report.TaxLiabilityReport;

/**
 * The tax step on real H2 with the tables as an operator imports them (fixtures hand-worked/geo):
 * a New York City address pays state + city + district on what is taxable there (not Internet
 * access), a Vancouver address pays PST on the modem only, a Quebec member's certificate exempts
 * QST and is printed, a Buffalo ZIP code the table does not place holds the invoice. The quote
 * gives the same figures from the same engine, and the month's liability report adds up to the
 * invoices' tax lines. Plans: NET-UNL 40.00 (Internet access), MODEM
 * 5.00 (equipment rental), LINE 20.00 (residential landline), a month each.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeographicTaxTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    TaxQuote quote;
    @Autowired
    TaxLiabilityReport report;

    @Test
    @Order(1)
    void taxesEachAddressByItsJurisdictionsClassesAndCertificates() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/geo/plans.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/geo/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/geo/subscriptions.csv");
        // bad rows are refused with their reasons, the good ones imported
        assertImport(Kind.TAX_RATES, "tax-rates.csv", 8, 2,
                "overlaps the rate of NYC from 2009-08-01 to (open)", "before effective_from 2026-01-01");
        assertImport(Kind.TAX_JURISDICTIONS, "tax-jurisdictions.csv", 1, 3,
                "not a five-digit ZIP code", "not the first three characters of a Canadian postal code",
                "before postal_from 10300");
        assertImport(Kind.TAX_RULES, "tax-rules.csv", 2, 2, "not one of INTERNET_ACCESS", "not one of Y, N");
        assertImport(Kind.TAX_EXEMPTIONS, "tax-exemptions.csv", 1, 3, "unknown account '999999'",
                "'/' is not allowed", "not a plausible expiry");
        // importing the same files again changes nothing
        for (Kind kind : List.of(Kind.TAX_RATES, Kind.TAX_JURISDICTIONS, Kind.TAX_RULES, Kind.TAX_EXEMPTIONS)) {
            ReferenceDataImporter.Result again = importer.importFile(kind, path("hand-worked/geo/" + kind.label() + ".csv"));
            assertThat(again.inserted() + again.updated()).as(kind.label()).isZero();
        }

        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);

        // 700001, 350 Fifth Ave, New York NY 10118 (in 10001-10282: NYC + MCTD), billed to Montréal:
        // Internet 40.00 exempt (ITFA), modem 5.00 + line 20.00 = 25.00 taxable
        //   STATE 25.00 * 0.04 = 1.00; NYC 25.00 * 0.045 = 1.125 -> 1.13 (the rate from 2009-08-01,
        //   the 4% one ended 2009-07-31); MCTD 25.00 * 0.00375 = 0.09375 -> 0.09; tax 2.22, total 67.22
        assertThat(taxLines("700001")).containsExactly(
                "STATE||25.00|40.00||1.00", "NYC|NYC|25.00|40.00||1.13", "MCTD|MCTD|25.00|40.00||0.09");
        assertInvoice("700001", "65.00", "2.22", "67.22", "USD");

        // 700002, Vancouver: GST 65.00 * 0.05 = 3.25; PST not on Internet nor the residential line
        // (tax-rules), 5.00 * 0.07 = 0.35 on the modem; tax 3.60, total 68.60
        assertThat(taxLines("700002")).containsExactly("GST||65.00|0.00||3.25", "PST||5.00|60.00||0.35");
        assertInvoice("700002", "65.00", "3.60", "68.60", "CAD");

        // 700003, Montréal, certificate FN-0012345 for QST until 2027-12-31: GST 40.00 * 0.05 = 2.00,
        // QST 0.00 with 40.00 exempt, printed on the invoice line
        assertThat(taxLines("700003")).containsExactly("GST||40.00|0.00||2.00", "QST||0.00|40.00|FN-0012345|0.00");
        assertInvoice("700003", "40.00", "2.00", "42.00", "CAD");
        assertThat(jdbc.queryForObject("""
                SELECT l.description FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                JOIN account a ON a.id = i.account_id WHERE a.account_number = '700003' AND l.line_key = 'TAX:QST'""",
                String.class).replace('\u202F', ' ').replace('\u00A0', ' '))
                .isEqualTo("TVQ 9,975 % (no 1234567890 TQ0001) : exonéré, certificat FN-0012345");

        // 700004, Buffalo NY 14201: New York has rows, 14201 is not in them: held, never a zero
        assertThat(jdbc.queryForMap("""
                SELECT i.status, i.hold_reason FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = '700004'""")).containsEntry("STATUS", "HELD")
                .containsEntry("HOLD_REASON", "account 700004: postal code 14201 is not in the tax-jurisdictions"
                        + " table for US/NY, so its local taxes are unknown");
        assertThat(count("""
                SELECT COUNT(*) FROM tax_line t JOIN invoice i ON i.id = t.invoice_id
                JOIN account a ON a.id = i.account_id WHERE a.account_number = '700004'""")).isZero();

        // the quote asks the same engine: 25.00 of equipment rental at 10118 on the invoice date
        // gives the invoice's three taxes; on 2009-07-15 NYC's rate was 4%: 25.00 * 0.04 = 1.00
        TaxQuote.Quote nyc = quote.quote("US", null, "10118", TaxClass.EQUIPMENT_RENTAL, new BigDecimal("25.00"), NOV);
        assertThat(nyc.result().taxes()).extracting(TaxAmount::amount).extracting(BigDecimal::toPlainString)
                .containsExactly("1.00", "1.13", "0.09");
        assertThat(nyc.describe()).contains("Jurisdictions: COUNTRY US, REGION US/NY, CITY US/NY/NYC, DISTRICT US/NY/MCTD",
                "Total tax: 2.22", "Total with tax: 27.22");
        assertThat(quote.quote("US", "NY", "10118", TaxClass.EQUIPMENT_RENTAL, new BigDecimal("25.00"),
                LocalDate.of(2009, 7, 15)).result().taxes()).extracting(TaxAmount::amount)
                .extracting(BigDecimal::toPlainString).containsExactly("1.00", "1.00", "0.09");
        assertThat(quote.quote("US", "NY", "10118", TaxClass.INTERNET_ACCESS, new BigDecimal("40.00"), NOV)
                .result().total()).isEqualByComparingTo("0.00");
        // 100.00 of VoIP in Vancouver: GST 5.00 + PST 7.00; the province from V of V6B
        assertThat(quote.quote("CA", null, "V6B 1A1", TaxClass.VOIP, new BigDecimal("100.00"), NOV).result().total())
                .isEqualByComparingTo("12.00");
        assertThatThrownBy(() -> quote.quote("US", "NY", "14201", TaxClass.VOIP, new BigDecimal("10.00"), NOV))
                .isInstanceOf(UnknownJurisdictionException.class).hasMessageContaining("14201 is not in the");
    }

    @Test
    @Order(2)
    void thePdfPrintsEachTaxWithItsNameRegistrationAndTheCertificate() throws Exception {
        // read back with PDFBox: what the customer sees
        assertThat(pdfText("700003")).contains("TPS 5 % (no 123456789 RT0001)")
                .contains("TVQ 9,975 % (no 1234567890 TQ0001) : exonéré, certificat FN-0012345");
        assertThat(pdfText("700001")).contains("New York State sales tax 4% (no NY-CA 12-3456789)")
                .contains("New York City sales tax 4.5% (no NY-CA 12-3456789)")
                .contains("MCTD surcharge 0.375% (no NY-CA 12-3456789)");
    }

    @Test
    @Order(3)
    void theLiabilityReportOfTheMonthAddsUpToTheTaxLines() throws Exception {
        TaxLiabilityReport.Liability november = report.write(NOV, LocalDate.of(2026, 11, 30));

        // the three issued invoices (700004 is held: nothing owed yet), per currency, jurisdiction, tax, rate
        assertThat(Files.readAllLines(november.file())).containsExactly(
                "currency,country,region,jurisdiction,tax_code,rate,taxable_base,exempt_base,tax_collected,invoice_count",
                "CAD,CA,BC,,GST,0.05,65.00,0.00,3.25,1",
                "CAD,CA,BC,,PST,0.07,5.00,60.00,0.35,1",
                "CAD,CA,QC,,GST,0.05,40.00,0.00,2.00,1",
                "CAD,CA,QC,,QST,0.09975,0.00,40.00,0.00,1",
                "USD,US,NY,,STATE,0.04,25.00,40.00,1.00,1",
                "USD,US,NY,MCTD,MCTD,0.00375,25.00,40.00,0.09,1",
                "USD,US,NY,NYC,NYC,0.045,25.00,40.00,1.13,1",
                // 3.25 + 0.35 + 2.00 + 0.00 = 5.60 = 68.60 - 65.00 + 42.00 - 40.00, the two invoices' tax
                "CAD,TOTAL,,,,,,,5.60,2",
                // 1.00 + 0.09 + 1.13 = 2.22, 700001's tax
                "USD,TOTAL,,,,,,,2.22,1");
        // the totals are the invoices' tax and the tax lines, whatever the rows say
        for (String currency : List.of("CAD", "USD")) {
            BigDecimal rows = november.rows().stream().filter(r -> r.currency().equals(currency))
                    .map(TaxLiabilityReport.Row::taxCollected).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(rows).isEqualByComparingTo(november.taxByCurrency().get(currency))
                    .isEqualByComparingTo(jdbc.queryForObject("""
                            SELECT SUM(l.amount) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                            WHERE l.line_type = 'TAX' AND i.status = 'ISSUED' AND i.currency = ?""",
                            BigDecimal.class, currency));
        }
        assertThat(Files.getPosixFilePermissions(november.file())).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        // a month with no invoice: the header alone
        assertThat(Files.readAllLines(report.write(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)).file()))
                .hasSize(1);
    }

    private String pdfText(String account) throws Exception {
        String path = jdbc.queryForObject("""
                SELECT i.pdf_path FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ?""", String.class, account, NOV);
        try (PDDocument pdf = Loader.loadPDF(Path.of(path).toFile())) {
            return new PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replace('\u202f', ' ')
                    .replaceAll("\\s+", " ").replace("- ", "-"); // a line wrapped after a hyphen
        }
    }

    private void assertImport(Kind kind, String file, long inserted, long rejected, String... reasons) throws Exception {
        ReferenceDataImporter.Result result = importer.importFile(kind, path("hand-worked/geo/" + file));
        assertThat(result.inserted()).as(file).isEqualTo(inserted);
        assertThat(result.rejected()).as(file).isEqualTo(rejected);
        String rejects = Files.readString(result.rejectFile());
        for (String reason : reasons) {
            assertThat(rejects).as(file).contains(reason);
        }
    }

    /** code|jurisdiction|taxable|exempt|certificate|amount of each tax line, in line order. */
    private List<String> taxLines(String account) {
        return jdbc.queryForList("""
                SELECT t.tax_code, t.jurisdiction, t.taxable_base, t.exempt_base, t.exemption, t.amount
                FROM tax_line t JOIN invoice i ON i.id = t.invoice_id JOIN account a ON a.id = i.account_id
                JOIN invoice_line l ON l.invoice_id = t.invoice_id AND l.line_key = CONCAT('TAX:', t.tax_code)
                WHERE a.account_number = ? ORDER BY l.line_no""", account).stream()
                .map(r -> r.get("TAX_CODE") + "|" + r.get("JURISDICTION") + "|" + r.get("TAXABLE_BASE") + "|"
                        + r.get("EXEMPT_BASE") + "|" + (r.get("EXEMPTION") == null ? "" : r.get("EXEMPTION")) + "|"
                        + r.get("AMOUNT"))
                .toList();
    }

    private void assertInvoice(String account, String subtotal, String tax, String total, String currency) {
        Map<String, Object> invoice = jdbc.queryForMap("""
                SELECT i.status, i.subtotal, i.tax_total, i.total, i.currency FROM invoice i
                JOIN account a ON a.id = i.account_id WHERE a.account_number = ? AND i.cycle_date = ?""", account, NOV);
        assertThat(invoice.get("STATUS")).isEqualTo("ISSUED");
        assertThat((BigDecimal) invoice.get("SUBTOTAL")).isEqualByComparingTo(subtotal);
        assertThat((BigDecimal) invoice.get("TAX_TOTAL")).isEqualByComparingTo(tax);
        // total = lines + taxes exactly
        assertThat((BigDecimal) invoice.get("TOTAL")).isEqualByComparingTo(total)
                .isEqualByComparingTo(new BigDecimal(subtotal).add(new BigDecimal(tax)));
        assertThat(invoice.get("CURRENCY")).isEqualTo(currency);
    }
}
