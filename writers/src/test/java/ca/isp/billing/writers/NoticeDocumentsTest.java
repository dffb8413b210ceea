package ca.isp.billing.writers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.isp.billing.domain.Language;
import ca.isp.billing.writers.NoticeDocuments.NoticeText;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

class NoticeDocumentsTest {

    private final NoticeDocuments documents = new NoticeDocuments(Invoices.TEMPLATES);

    private static Map<String, ?> usage(Language language) {
        boolean fr = language == Language.FR;
        Map<String, String> values = new java.util.HashMap<>(Map.of("customerName", "Ursule Ouellet",
                "accountNumber", "300021", "noticeDate", fr ? "16 octobre 2026" : "October 16, 2026",
                "companyName", "NLI", "companyPhone", "1-800-555-0100", "threshold", "100", "serviceId", "svc-300021"));
        values.put("usedGb", fr ? "10,1 Go" : "10.1 GB");
        values.put("includedGb", fr ? "10 Go" : "10 GB");
        values.put("periodEnd", fr ? "31 octobre 2026" : "October 31, 2026");
        values.put("overagePerGb", fr ? "2,50 $" : "$2.50");
        return values;
    }

    @Test
    void theFirstLineIsTheSubjectAndBilingualIsEnglishThenFrench() {
        NoticeText fr = documents.render("usage", Language.FR, NoticeDocumentsTest::usage);
        assertThat(fr.subject()).isEqualTo("Vous avez utilisé 100 % de vos données incluses (svc-300021)");
        assertThat(fr.body()).startsWith("Bonjour Ursule Ouellet,").contains("10,1 Go des 10 Go")
                .contains("facturées 2,50 $ par Go").doesNotContain("Subject:");
        NoticeText both = documents.render("usage", Language.BILINGUAL, NoticeDocumentsTest::usage);
        assertThat(both.subject()).isEqualTo("You have used 100% of your data allowance (svc-300021) / "
                + "Vous avez utilisé 100 % de vos données incluses (svc-300021)");
        assertThat(both.body().indexOf("Hello")).isLessThan(both.body().indexOf("Bonjour"));
    }

    @Test
    void aTemplateWithoutItsSubjectLineIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("notices"));
        Files.writeString(dir.resolve("notices/reminder_en.ftl"), "Hello ${customerName}\n");
        assertThatThrownBy(() -> new NoticeDocuments(dir).render("reminder", Language.EN,
                l -> Map.of("customerName", "A")))
                .isInstanceOf(TemplateRenderException.class).hasMessageContaining("notices/reminder_en.ftl")
                .hasMessageContaining("Subject:");
    }

    @Test
    void emailKeyedByTheNoticeAndLetterReadBackWithAccents() throws Exception {
        NoticeText text = documents.render("usage", Language.FR, NoticeDocumentsTest::usage);
        MimeMessage email = NoticeDocuments.email(Session.getInstance(new Properties()), "billing@nli.example",
                "ursule@example.com", "usage-100.subscription.21.2026-10-01", Language.FR, text);
        assertThat(email.getMessageID()).isEqualTo("<usage-100.subscription.21.2026-10-01@billing.invalid>");
        assertThat(email.getSubject()).isEqualTo(text.subject());
        assertThat(email.getHeader("Content-Language")[0]).isEqualTo("fr-CA");

        byte[] pdf = NoticeDocuments.letter(List.of("Internet Aurores boréales", "1 rue Principale"), "Ursule Ouellet",
                List.of("120 rue Saint-Denis", "Montréal (Québec)  H2J 1A1"), "16 octobre 2026", text);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(612f); // 8.5 in
            String read = new PDFTextStripper().getText(doc);
            assertThat(read).contains("Internet Aurores boréales").contains("Montréal (Québec)")
                    .contains("Vous avez utilisé 100 % de vos données incluses").contains("facturées 2,50 $ par Go");
        }
    }
}
