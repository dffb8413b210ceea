package ca.isp.billing.jobs.render;

import static ca.isp.billing.jobs.Fixtures.drop;
import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * The usage summary on the invoice PDF, read back with PDFBox (fixtures hand-worked/usage-summary,
 * plans of journal/: NET-50 includes 50 GB, NET-UNL unlimited, PHONE per minute). November's
 * invoices bill October's usage in arrears. The expected figures are worked out here from the
 * usage file: GB = the service's bytes / 10^9, to 3 decimals; calls = the service's VOICE
 * records, minutes = every started minute of each (61 s is 2).
 * <ul>
 * <li>530001 (en): 12,345,678,901 + 7,000,000,000 bytes = 19.345678901 GB, "19.346 GB used of 50 GB
 * included", under the allowance: no data charge, but shown.</li>
 * <li>530002 (fr): 8,765,432,109 bytes = "8,765 Go utilisés sur 50 Go inclus"; calls 61 s, 600 s,
 * 59 s = 2 + 10 + 1 = 13 min, "Appels : 3", "13 min facturées" (a fourth of 0 s, not answered, is
 * no call).</li>
 * <li>530003 (en): unlimited, 1,234,567,800,000 bytes = "1,234.568 GB used (no set allowance)";
 * calls 3,599 s, 120 s = 60 + 2 = 62 min.</li>
 * <li>530004: no usage, no summary.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageSummaryPdfTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final String USAGE = "hand-worked/usage-summary/usage-2026-10.csv";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @BeforeAll
    void bill() throws IOException {
        importFile(importer, Kind.PLANS, "journal/plans.csv");
        importFile(importer, Kind.TAX_RATES, "journal/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/usage-summary/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/usage-summary/subscriptions.csv");
        drop(USAGE, properties.inbox("usage"));
        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);
    }

    @Test
    void dataUnderTheAllowanceIsShownInEnglish() throws IOException {
        String text = pdfText("530001");
        // 19.345678901 GB, no charge: the only usage figure on this invoice is the summary's
        assertThat(text).contains("Your usage")
                .contains("Data · Net 50 " + gb("una-net", Locale.CANADA) + " GB used of 50 GB included");
        assertThat(gb("una-net", Locale.CANADA)).isEqualTo("19.346");
        assertThat(text).doesNotContain("Data over allowance").doesNotContain("Calls");
    }

    @Test
    void dataAndCallsAreShownInFrenchWithFrenchNumbers() throws IOException {
        String text = pdfText("530002");
        assertThat(gb("celine-net", Locale.CANADA_FRENCH)).isEqualTo("8,765");
        assertThat(text).contains("Votre consommation")
                .contains("Données · Net 50 " + gb("celine-net", Locale.CANADA_FRENCH) + " Go utilisés sur 50 Go inclus")
                .contains("Appels : " + calls("5145550201") + " " + minutes("5145550201", Locale.CANADA_FRENCH)
                        + " min facturées");
        // 2 + 10 + 1 minutes over 3 calls
        assertThat(calls("5145550201")).isEqualTo(3);
        assertThat(minutes("5145550201", Locale.CANADA_FRENCH)).isEqualTo("13");
    }

    @Test
    void unlimitedDataAndCallsInEnglish() throws IOException {
        String text = pdfText("530003");
        assertThat(gb("carl-net", Locale.CANADA)).isEqualTo("1,234.568");
        assertThat(text).contains("Data · Net Unlimited " + gb("carl-net", Locale.CANADA) + " GB used (no set allowance)")
                .contains("Calls: " + calls("4165550301") + " " + minutes("4165550301", Locale.CANADA) + " min billed");
        assertThat(minutes("4165550301", Locale.CANADA)).isEqualTo("62");
    }

    @Test
    void anInvoiceWithoutUsageShowsNoSummary() throws IOException {
        assertThat(pdfText("530004")).doesNotContain("Your usage").doesNotContain("GB used");
    }

    private String pdfText(String accountNumber) throws IOException {
        String pdf = jdbc.queryForObject("""
                SELECT i.pdf_path FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ?""", String.class, accountNumber, NOV);
        try (PDDocument document = Loader.loadPDF(Path.of(pdf).toFile())) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replace('\u202f', ' ')
                    .replaceAll("[ \\t]+", " ");
        }
    }

    /** The service's data in the usage file, decimal GB to 3 decimals, written as the locale writes them. */
    private static String gb(String service, Locale locale) throws IOException {
        BigDecimal bytes = BigDecimal.ZERO;
        for (CSVRecord r : usage()) {
            if (r.get("service_id").equals(service) && r.get("usage_type").equals("DATA")) {
                bytes = bytes.add(new BigDecimal(r.get("quantity")));
            }
        }
        BigDecimal gb = bytes.movePointLeft(9).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return number(gb, Math.max(gb.scale(), 0), locale);
    }

    /** The service's calls that lasted: one of 0 s (not answered) is no call. */
    private static long calls(String service) throws IOException {
        return usage().stream().filter(r -> r.get("service_id").equals(service) && r.get("usage_type").equals("VOICE")
                && Long.parseLong(r.get("quantity")) > 0).count();
    }

    /** Every started minute of each call: ceil(seconds / 60). */
    private static String minutes(String service, Locale locale) throws IOException {
        long minutes = usage().stream()
                .filter(r -> r.get("service_id").equals(service) && r.get("usage_type").equals("VOICE"))
                .mapToLong(r -> (Long.parseLong(r.get("quantity")) + 59) / 60).sum();
        return number(BigDecimal.valueOf(minutes), 0, locale);
    }

    /** French: comma decimals, space grouping (a non-breaking one on the page, a space once read back). */
    private static String number(BigDecimal value, int decimals, Locale locale) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(locale);
        boolean french = locale.getLanguage().equals("fr");
        symbols.setGroupingSeparator(french ? ' ' : ',');
        symbols.setDecimalSeparator(french ? ',' : '.');
        return new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols).format(value);
    }

    private static java.util.List<CSVRecord> usage() throws IOException {
        try (Reader reader = Files.newBufferedReader(Fixtures.path(USAGE), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
