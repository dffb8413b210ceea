package ca.isp.billing.writers;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes of the email the hand-off sends (over SMTP) or writes (.eml) do not change when the
 * way they are built changes: each message below, written out, has the SHA-256 that the code of
 * commit b3d273f gave it, once its two varying parts are set aside (the Date header: the time it
 * was built; the MIME boundary, which Jakarta Mail draws from a counter and the clock). Any other
 * byte, a header, the body's text or encoding, the attachment's Base64 lines, changes the hash.
 */
class InvoiceEmailBytesTest {

    private final InvoiceEmail email = new InvoiceEmail(Invoices.TEMPLATES,
            "Internet Aurores boréales <facturation@aurores.example>");

    /** A PDF's opening then 150 KB of bytes of every value, the same every run (rendering dates its PDFs). */
    static byte[] pdf(long seed) {
        byte[] head = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[150_001];
        new Random(seed).nextBytes(bytes);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    @Test
    void frenchEnglishAndBilingualEmailsAreTheSameBytesAsBefore(@TempDir Path outbox) throws Exception {
        List<String> hashes = List.of(
                sha256(written(email.build("F-2026-000123-EMAIL", "helene.cote@example.ca",
                        Invoices.frenchQuebec("F-2026-000123"), pdf(1)))),
                sha256(written(email.build("2026-000124-EMAIL", "ap@obrien.example",
                        Invoices.englishWithPayments(7), pdf(2)))),
                sha256(written(email.build("B-2026-000125-EMAIL", "info@bilingue.example",
                        Invoices.bilingualQuebec("B-2026-000125"), pdf(3)))));

        assertThat(hashes).containsExactly(
                "758e4f0ee5af5cfd9e52758c12713547daf724320279f454cde1806b3b1e4711",
                "2df6a03a88dc369b8e8fd23207115e22e0d7a35499c954bd6a3fb7ade835b28b",
                "81d823114b484ea9f0fd5951cdd3e6fb82a702dbc407fb08f6148b905a73dc40");

        // the .eml file holds the same bytes as the message sent
        MimeMessage message = email.build("F-2026-000123-EMAIL", "helene.cote@example.ca",
                Invoices.frenchQuebec("F-2026-000123"), pdf(1));
        Path eml = email.writeEml(message, outbox, "F-2026-000123-EMAIL");
        assertThat(Files.readAllBytes(eml)).isEqualTo(bytes(message));
    }

    /** The attachment is encoded as Jakarta Mail's encoder writes it, whatever the length's remainder by line. */
    @Test
    void theAttachmentsBase64IsJakartaMailsForEveryLength() throws Exception {
        for (int length : new int[]{0, 1, 2, 3, 4, 54, 55, 56, 57, 58, 110, 111, 112, 113, 114, 115, 171, 8191, 8192, 8193, 57 * 1000,
                57 * 1000 + 1, 150_001}) {
            byte[] content = pdf(length);
            byte[] sized = java.util.Arrays.copyOf(content, length);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            // what MimeBodyPart.writeTo does with a part it encodes: wrap, write, flush (never close)
            java.io.OutputStream encoder = jakarta.mail.internet.MimeUtility.encode(expected, "base64");
            encoder.write(sized);
            encoder.flush();
            assertThat(InvoiceEmail.base64(sized)).as("%d bytes", length).isEqualTo(expected.toByteArray());
        }
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** The message as written, its Date header and its boundary replaced by fixed text. */
    static String written(MimeMessage message) throws Exception {
        String text = new String(bytes(message), StandardCharsets.ISO_8859_1);
        Matcher boundary = Pattern.compile("boundary=\"([^\"]+)\"").matcher(text);
        assertThat(boundary.find()).as("a multipart boundary").isTrue();
        String fixed = text.replace(boundary.group(1), "BOUNDARY");
        Matcher date = Pattern.compile("(?m)^Date: .*\r\n").matcher(fixed);
        assertThat(date.find()).as("a Date header").isTrue();
        return date.replaceFirst("Date: DATE\r\n");
    }

    static String sha256(String text) {
        return MailVendorBatch.sha256(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
