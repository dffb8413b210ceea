package ca.isp.billing.writers;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceEmailTest {

    private static final InvoicePdfRenderer RENDERER = new InvoicePdfRenderer(Invoices.TEMPLATES);

    private final InvoiceEmail email = new InvoiceEmail(Invoices.TEMPLATES,
            "Internet Aurores boréales <facturation@aurores.example>");

    @TempDir
    Path outbox;

    /** Named, the provider is found by Class.forName instead of a class-path scan per body part (hand-off speed). */
    @Test
    void theMailStreamProviderIsNamedSoNoBodyPartScansTheClassPath() {
        assertThat(email).isNotNull(); // InvoiceEmail initialised
        assertThat(System.getProperty(jakarta.mail.util.StreamProvider.class.getName()))
                .isEqualTo(InvoiceEmail.STREAM_PROVIDER);
        assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
                .isEqualTo(InvoiceEmail.STREAM_PROVIDER);
        assertThat(InvoiceEmail.nameTheStreamProvider()).as("set once, never overwritten").isFalse();
    }

    @Test
    void frenchEmailWrittenAsEmlReadsBackWithAccentsAndTheSamePdf() throws Exception {
        InvoiceDocument doc = Invoices.frenchQuebec("F-2026-000123");
        byte[] pdf = RENDERER.render(doc);

        MimeMessage built = email.build("F-2026-000123-EMAIL", "helene.cote@example.ca", doc, pdf);
        Path eml = email.writeEml(built, outbox, "F-2026-000123-EMAIL");

        assertThat(eml).isEqualTo(outbox.resolve("F-2026-000123-EMAIL.eml"));
        MimeMessage read;
        try (InputStream in = Files.newInputStream(eml)) {
            read = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        // "d'" rather than "de" before a vowel, as French writes it
        assertThat(read.getSubject()).isEqualTo("Votre facture F-2026-000123 d'Internet Aurores boréales");
        assertThat(read.getMessageID()).isEqualTo("<F-2026-000123-EMAIL@billing.invalid>");
        assertThat(read.getFrom()[0].toString()).contains("facturation@aurores.example");
        assertThat(read.getAllRecipients()[0].toString()).isEqualTo("helene.cote@example.ca");

        Multipart parts = (Multipart) read.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        assertThat(text.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("utf-8");
        String body = ((String) text.getContent()).replace('\u00A0', ' ');
        assertThat(body).contains("Bonjour Hélène Côté", "Numéro de compte :    100042",
                "Date d'échéance :     21 novembre 2026",
                // balance forward, as on the PDF: 300,00 - 250,00 + 1 229,03 = 1 279,03
                "Solde précédent :     300,00 $",
                "Paiement reçu :       -250,00 $ le 21 oct. 2026 (CHQ-1042)",
                "Nouveaux frais :      1 229,03 $",
                "Montant dû :          1 279,03 $",
                "Merci de votre confiance!");

        BodyPart attachment = parts.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("F-2026-000123.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        try (InputStream in = attachment.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void englishEmailShowsThePaymentsReceivedOrTheirCountWhenMany() throws Exception {
        InvoiceDocument doc = Invoices.englishWithPayments(7);
        MimeMessage built = email.build("E-1-EMAIL", "ap@obrien.example", doc, RENDERER.render(doc));
        String body = ((String) ((Multipart) built.getContent()).getBodyPart(0).getContent());

        // 7 payments of 10.00 are more than the 5 listed one by one: their count and total
        assertThat(body).contains("Previous balance:   $100.00", "7 payments received: -$70.00",
                "New charges:        $1,227.97", "Amount due:         $1,257.97")
                .doesNotContain("Payment received:");

        InvoiceDocument few = Invoices.englishWithPayments(2);
        String fewBody = ((String) ((Multipart) email.build("E-2-EMAIL", "ap@obrien.example", few,
                RENDERER.render(few)).getContent()).getBodyPart(0).getContent());
        assertThat(fewBody).contains("Payment received:   -$10.00 on Oct. 1, 2026 (P-1)",
                "Payment received:   -$10.00 on Oct. 2, 2026 (P-2)", "Amount due:         $1,307.97");
    }

    @Test
    void messageIdIsTheSameAcrossRebuilds() throws Exception {
        InvoiceDocument doc = Invoices.englishOntario("2026-000124");
        byte[] pdf = RENDERER.render(doc);

        MimeMessage first = email.build("2026-000124-EMAIL", "ap@obrien.example", doc, pdf);
        MimeMessage again = email.build("2026-000124-EMAIL", "ap@obrien.example", doc, pdf);
        again.saveChanges();

        assertThat(first.getMessageID()).isEqualTo("<2026-000124-EMAIL@billing.invalid>")
                .isEqualTo(again.getMessageID());
        assertThat(first.getSubject()).isEqualTo("Your invoice 2026-000124 from Northern Lights Internet");
    }

    @Test
    void keysWithCharactersAMessageIdCannotHoldAreEncodedNotDropped() {
        assertThat(InvoiceEmail.messageId("INV 7:EMAIL")).isEqualTo("<INV=207=3AEMAIL@billing.invalid>");
        assertThat(InvoiceEmail.messageId("a=b")).isEqualTo("<a=3Db@billing.invalid>");
        assertThat(InvoiceEmail.messageId("a.b.")).isEqualTo("<a.b=2E@billing.invalid>");
        assertThat(InvoiceEmail.messageId("é")).isEqualTo("<=C3=A9@billing.invalid>");
    }

    @Test
    void frenchSubjectKeepsDeBeforeAConsonant() {
        InvoiceDocument doc = Invoices.frenchQuebec("F-9");
        CompanyProfile c = doc.company();
        CompanyProfile consonant = new CompanyProfile("Télécom Boréal", c.legalName(), c.addressLines(),
                c.phone(), c.email(), c.website(), null, null, null, null);
        InvoiceDocument renamed = new InvoiceDocument(consonant, doc.language(), doc.invoiceNumber(),
                doc.accountNumber(), doc.customerName(), doc.mailingAddressLines(), doc.invoiceDate(),
                doc.dueDate(), doc.periodStart(), doc.periodEnd(), doc.lines(), doc.subtotal(), doc.tax(),
                doc.total(), doc.statement(), doc.currency());

        assertThat(InvoiceEmail.subject(renamed)).isEqualTo("Votre facture F-9 de Télécom Boréal");
    }

    @Test
    void aBadRecipientOrABrokenTemplateIsNamed(@TempDir Path dir) throws Exception {
        InvoiceDocument doc = Invoices.englishOntario("2026-000124");
        assertThatThrownBy(() -> email.build("K", "not an address", doc, new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invoice 2026-000124: recipient address \"not an address\" is not a valid");

        Path templates = InvoicePdfRendererTest.copyTemplates(dir);
        Files.writeString(templates.resolve("email/invoice_en.ftl"), "Hello\n${invoice.missing}\n");
        InvoiceEmail broken = new InvoiceEmail(templates, "billing@northernlights.example");
        assertThatThrownBy(() -> broken.build("K", "ap@obrien.example", doc, new byte[] {1}))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageStartingWith("template email/invoice_en.ftl: failed at line 2");
    }
}
