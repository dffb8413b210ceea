package ca.isp.billing.writers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import ca.isp.billing.domain.Language;

import freemarker.core.PlainTextOutputFormat;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Notices to customers as the customer gets them: the text from the operator's templates
 * ({@code templates/notices/<kind>_<language>.ftl}, plain text whose first line is
 * {@code Subject: ...}), then either an email (Message-ID made from the notice's key, as invoice
 * emails) or a one-page US Letter PDF for the print channel, the addresses placed for the same
 * #10 double-window envelope as invoices. A bilingual account gets the English text, then the
 * French one. Letters use the standard Helvetica font, whose encoding holds every French accent.
 */
public final class NoticeDocuments {

    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float INCH = 72;
    private static final String SUBJECT = "Subject:";

    /** A notice's subject line and body. */
    public record NoticeText(String subject, String body) {
    }

    private final TemplateFolder templates;

    public NoticeDocuments(Path templatesDir) {
        this.templates = new TemplateFolder(templatesDir, PlainTextOutputFormat.INSTANCE);
    }

    /**
     * Renders {@code notices/<template>_<language>.ftl} with the values for that language
     * ({@code values} is asked once per language: amounts and dates are written the language's way).
     */
    public NoticeText render(String template, Language language, Function<Language, Map<String, ?>> values) {
        if (language == Language.BILINGUAL) {
            NoticeText en = one(template, Language.EN, values.apply(Language.EN));
            NoticeText fr = one(template, Language.FR, values.apply(Language.FR));
            return new NoticeText(en.subject() + " / " + fr.subject(), en.body() + "\n* * *\n\n" + fr.body());
        }
        return one(template, language, values.apply(language));
    }

    private NoticeText one(String template, Language language, Map<String, ?> values) {
        String name = "notices/" + template + "_" + language.code() + ".ftl";
        String text = templates.render(name, values).replace("\r\n", "\n").stripLeading();
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (!first.startsWith(SUBJECT) || first.substring(SUBJECT.length()).isBlank()) {
            throw new TemplateRenderException(name, "its first line must be \"Subject: ...\" (the email's subject"
                    + " and the letter's heading)", null);
        }
        String body = end < 0 ? "" : text.substring(end + 1).strip() + "\n";
        return new NoticeText(first.substring(SUBJECT.length()).strip(), body);
    }

    /** The email of a notice: plain text, UTF-8, the same Message-ID for the same key (a resend is recognisable). */
    public static MimeMessage email(Session session, String from, String to, String key, Language language,
                                    NoticeText text) {
        try {
            MimeMessage message = new InvoiceEmail.KeyedMessage(session, InvoiceEmail.messageId(key));
            message.setFrom(new InternetAddress(from, true));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(text.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader("Content-Language", language == Language.BILINGUAL ? "en-CA, fr-CA"
                    : language.locale().toLanguageTag());
            message.setText(text.body(), StandardCharsets.UTF_8.name(), "plain");
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("notice " + key + ": cannot build the email: " + e.getMessage(), e);
        }
    }

    /**
     * The notice as a letter: company name and address in the top window, the customer's in the
     * bottom window, the date, the subject in bold and the body, wrapped, on US Letter pages.
     */
    public static byte[] letter(List<String> companyLines, String recipient, List<String> addressLines,
                                String date, NoticeText text) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            float height = page.getMediaBox().getHeight();
            PDPageContentStream content = new PDPageContentStream(document, page);
            // top window: 0.6 to 1.6 in from the top, 0.7 in from the left
            float y = height - 0.75f * INCH;
            for (int i = 0; i < companyLines.size() && i < 5; i++) {
                show(content, i == 0 ? BOLD : REGULAR, 10, 0.7f * INCH, y, companyLines.get(i));
                y -= 12;
            }
            // bottom window: 2.0 to 2.9 in from the top, 0.9 in from the left
            y = height - 2.15f * INCH;
            List<String> to = new ArrayList<>();
            to.add(recipient);
            to.addAll(addressLines);
            for (String line : to) {
                show(content, REGULAR, 10, 0.9f * INCH, y, line);
                y -= 12;
            }
            y = height - 3.4f * INCH;
            float left = 0.9f * INCH;
            float width = PDRectangle.LETTER.getWidth() - 2 * left;
            show(content, REGULAR, 10, left, y, date);
            y -= 24;
            for (String line : wrap(text.subject(), BOLD, 12, width)) {
                show(content, BOLD, 12, left, y, line);
                y -= 16;
            }
            y -= 8;
            for (String paragraph : text.body().split("\n", -1)) {
                for (String line : wrap(paragraph, REGULAR, 10, width)) {
                    if (y < INCH) {
                        content.close();
                        page = new PDPage(PDRectangle.LETTER);
                        document.addPage(page);
                        content = new PDPageContentStream(document, page);
                        y = height - INCH;
                    }
                    show(content, REGULAR, 10, left, y, line);
                    y -= 13;
                }
            }
            content.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the notice letter \"" + text.subject() + "\"", e);
        }
    }

    private static void show(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(font, text));
        content.endText();
    }

    /** Words onto lines no wider than {@code width}; an empty paragraph is one empty line. */
    private static List<String> wrap(String paragraph, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(printable(font, candidate)) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** What the standard font cannot draw (outside its encoding) becomes '?'; no-break spaces become spaces. */
    private static String printable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder();
        text.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2009', ' ').codePoints().forEach(c -> {
            String s = new String(Character.toChars(c));
            try {
                font.encode(s);
                out.append(s);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
