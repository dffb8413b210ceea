package ca.isp.billing.jobs.render;

import static ca.isp.billing.jobs.Fixtures.importFile;
import static ca.isp.billing.jobs.Fixtures.invoiceValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Accounts whose language is {@code bilingual}, and one left blank under a company-wide default
 * of {@code bilingual} (company.properties, default_language): charged in both languages, their
 * invoice PDF carries English and French side by side, its amounts in each language's format.
 */
class BilingualCycleTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate OCT = LocalDate.of(2026, 10, 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        // a copy of the templates whose company-wide default language is bilingual
        Path templates = HOME.resolve("templates");
        try (Stream<Path> files = Files.walk(CycleTestSupport.templates())) {
            for (Path f : files.toList()) {
                Path to = templates.resolve(CycleTestSupport.templates().relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
            Files.writeString(templates.resolve("company.properties"), "\ndefault_language=bilingual\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("billing.templates", templates::toString);
    }

    @Test
    void aBilingualAccountGetsBothLanguagesSideBySide() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/bilingual/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/bilingual/subscriptions.csv");

        // the import: 'bilingual' as written, blank as the company's default, EN as en
        assertThat(jdbc.queryForList("SELECT language FROM account ORDER BY account_number", String.class))
                .containsExactly("bilingual", "bilingual", "en");

        assertThat(launcher.bill(OCT).result()).isEqualTo(Result.COMPLETED);

        // 500001, Gatineau QC, Net Unlimited 40.00 for October:
        // TPS 5 % of 40.00 = 2.00; TVQ 9.975 % of 40.00 = 3.99 (3.990); total 40.00 + 2.00 + 3.99 = 45.99
        assertThat(invoiceValue(jdbc, "total", "500001", OCT)).isEqualByComparingTo("45.99");
        // 500002, Ottawa ON, Net 50 50.00: HST 13 % = 6.50; total 56.50
        assertThat(invoiceValue(jdbc, "total", "500002", OCT)).isEqualByComparingTo("56.50");
        assertThat(jdbc.queryForList("""
                SELECT i.language FROM invoice i JOIN account a ON a.id = i.account_id
                ORDER BY a.account_number""", String.class)).containsExactly("bilingual", "bilingual", "en");
        // each line of a bilingual invoice is described in both languages, English first
        List<String> descriptions = jdbc.queryForList("""
                SELECT l.description FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                JOIN account a ON a.id = i.account_id WHERE a.account_number = '500001' ORDER BY l.line_no""",
                String.class);
        assertThat(descriptions).hasSize(3);
        assertThat(descriptions.get(0)).contains("Net Unlimited").contains("\u2009/\u2009").contains("Net illimité");
        assertThat(descriptions.get(1)).startsWith("GST").contains("\u2009/\u2009TPS");
        assertThat(descriptions.get(2)).startsWith("QST").contains("\u2009/\u2009TVQ");

        String text = pdfText("500001").replace('\u00A0', ' ').replace('\u202F', ' ');
        assertThat(text).contains("Invoice", "Facture", "Net Unlimited", "Net illimité", "Subtotal", "Sous-total",
                "$40.00", "40,00 $", "$2.00", "2,00 $", "$3.99", "3,99 $", "$45.99", "45,99 $",
                "Remittance slip", "Talon de remise", "Northern Lights Internet", "Internet Aurores boréales",
                "October 1, 2026", "1er octobre 2026");
        // the English account's invoice stays English only
        assertThat(pdfText("500003")).contains("Invoice").doesNotContain("Facture", "Talon");
        // the email: English text, then French
        jakarta.mail.internet.MimeMessage eml = eml("500001");
        assertThat(eml.getSubject()).startsWith("Your invoice").contains(" / Votre facture");
        assertThat(eml.getHeader("Content-Language", null)).isEqualTo("en-CA, fr-CA");
        String body = ((String) ((jakarta.mail.Multipart) eml.getContent()).getBodyPart(0).getContent())
                .replace('\u00A0', ' ').replace('\u202F', ' ');
        assertThat(body).contains("Hello Émilie Tremblay", "Bonjour Émilie Tremblay", "$45.99", "45,99 $");
        assertThat(body.indexOf("Hello")).isLessThan(body.indexOf("Bonjour"));
    }

    private String pdfText(String account) throws IOException {
        String path = jdbc.queryForObject("""
                SELECT i.pdf_path FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ?""", String.class, account);
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(Path.of(path)))) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    private jakarta.mail.internet.MimeMessage eml(String account) throws Exception {
        String number = jdbc.queryForObject("""
                SELECT i.invoice_number FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ?""", String.class, account);
        try (Stream<Path> files = Files.walk(properties.out())) {
            Path eml = files.filter(f -> f.getFileName().toString().startsWith(number)
                    && f.getFileName().toString().endsWith(".eml")).findFirst().orElseThrow();
            try (var in = Files.newInputStream(eml)) {
                return new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                        in);
            }
        }
    }
}
