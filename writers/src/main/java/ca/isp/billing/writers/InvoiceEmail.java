package ca.isp.billing.writers;

import ca.isp.billing.domain.Language;
import freemarker.core.PlainTextOutputFormat;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The invoice email: subject and text body in the account's language (template
 * {@code email/invoice_<lang>.ftl}), the PDF attached, and a Message-ID made from the idempotency
 * key so that a resend after a crash is recognisably the same message.
 */
public final class InvoiceEmail {

    /**
     * Jakarta Mail 2.1 finds its StreamProvider anew, by a ServiceLoader scan of the whole class path
     * (every nested jar of the executable jar), for every body part, multipart and encoded header it
     * makes (jakartaee/mail-api issues 699 and 861): half the hand-off's CPU time. The system property
     * that names the provider (Angus Mail's, the only one there is) turns each lookup into a
     * Class.forName: the same provider, the same message bytes. Set once, unless already set, and
     * only when this class loader and the current thread's can both load it (the property makes the
     * thread's class loader load it first).
     */
    static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        nameTheStreamProvider();
    }

    static boolean nameTheStreamProvider() {
        String property = jakarta.mail.util.StreamProvider.class.getName();
        if (System.getProperty(property) != null) {
            return false;
        }
        try {
            Class.forName(STREAM_PROVIDER, false, InvoiceEmail.class.getClassLoader());
            ClassLoader thread = Thread.currentThread().getContextClassLoader();
            if (thread != null) {
                Class.forName(STREAM_PROVIDER, false, thread);
            }
        } catch (ClassNotFoundException | LinkageError e) {
            return false; // another Jakarta Mail implementation: left to the ServiceLoader
        }
        return System.getProperties().putIfAbsent(property, STREAM_PROVIDER) == null;
    }

    /** Domain of every Message-ID; {@code .invalid} is reserved, so it can never clash with a real host. */
    public static final String MESSAGE_ID_DOMAIN = "billing.invalid";

    private final TemplateFolder templates;
    private final InternetAddress from;
    private final Session session;

    public InvoiceEmail(Path templatesDir, String fromAddress) {
        this(templatesDir, fromAddress, Session.getInstance(new Properties()));
    }

    /** With the mail session that will send the messages (its SMTP settings are not used to build them). */
    public InvoiceEmail(Path templatesDir, String fromAddress, Session session) {
        this.templates = new TemplateFolder(templatesDir, PlainTextOutputFormat.INSTANCE);
        this.from = address(fromAddress, "from address");
        this.session = Objects.requireNonNull(session, "session is required");
    }

    public MimeMessage build(String idempotencyKey, String to, InvoiceDocument doc, byte[] pdf) {
        Objects.requireNonNull(idempotencyKey, "idempotency key is required");
        String body;
        if (doc.language() == Language.BILINGUAL) {
            // the English text, then the French one, each from its own template
            body = body(doc, Language.EN) + "\n* * *\n\n" + body(doc, Language.FR);
        } else {
            body = body(doc, doc.language());
        }
        String messageId = messageId(idempotencyKey);
        try {
            MimeMessage message = new KeyedMessage(session, messageId);
            message.setFrom(from);
            message.setRecipient(MimeMessage.RecipientType.TO,
                    address(to, "invoice " + doc.invoiceNumber() + ": recipient address"));
            message.setSubject(subject(doc), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader("Content-Language", doc.language() == Language.BILINGUAL ? "en-CA, fr-CA"
                    : doc.language().locale().toLanguageTag());

            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, StandardCharsets.UTF_8.name(), "plain");
            // the PDF Base64-encoded here, as Jakarta Mail would write it (see base64)
            MimeBodyPart attachment = new PreencodedMimeBodyPart(BASE64);
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(base64(pdf), "application/pdf")));
            attachment.setHeader("Content-Transfer-Encoding", BASE64); // known: no scan of the content for it
            attachment.setFileName(doc.invoiceNumber() + ".pdf");
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);

            MimeMultipart content = new MimeMultipart("mixed");
            content.addBodyPart(text);
            content.addBodyPart(attachment);
            message.setContent(content);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("invoice " + doc.invoiceNumber() + ": cannot build email: "
                    + e.getMessage(), e);
        }
    }

    private static final String BASE64 = "base64";
    /** Base64 in lines of 76 characters ended by CRLF (RFC 2045), the JDK's encoder: Jakarta Mail's took a quarter of the hand-off's CPU. */
    private static final Base64.Encoder MIME_BASE64 = Base64.getMimeEncoder();
    /** Base64 characters in a line. */
    private static final int LINE = 76;

    /**
     * The attachment's content as Jakarta Mail's own Base64 encoder writes it (the same bytes, which
     * {@code InvoiceEmailBytesTest} checks): a line is ended by CRLF as soon as it holds 76
     * characters, so content whose encoding fills its last line (the padded last group included)
     * ends with CRLF, and a shorter last line ends without one. The JDK's MIME encoder puts CRLF
     * between lines only: the last one is added here.
     */
    static byte[] base64(byte[] bytes) {
        byte[] lines = MIME_BASE64.encode(bytes);
        long characters = (bytes.length + 2L) / 3 * 4;
        if (characters == 0 || characters % LINE != 0) {
            return lines;
        }
        byte[] ended = Arrays.copyOf(lines, lines.length + 2);
        ended[lines.length] = '\r';
        ended[lines.length + 1] = '\n';
        return ended;
    }

    private String body(InvoiceDocument doc, Language language) {
        InvoiceView view = InvoiceView.of(doc, language);
        return templates.render("email/invoice_" + language.code() + ".ftl",
                Map.of("invoice", view, "company", view.company()));
    }

    /** Writes the message as {@code <idempotencyKey>.eml} in {@code dir}, replacing an earlier copy. */
    public Path writeEml(MimeMessage message, Path dir, String idempotencyKey) {
        AtomicFiles.requireFileStem(idempotencyKey, "idempotency key");
        return AtomicFiles.write(dir, idempotencyKey + ".eml", message::writeTo);
    }

    /** "Your invoice 123 from Acme" / "Votre facture 123 de Acme" (or "d'" before a vowel, as French elides). */
    public static String subject(InvoiceDocument doc) {
        String company = Language.halves(doc.company().name())[0];
        if (doc.language() == Language.BILINGUAL) {
            String french = Language.halves(doc.company().name())[1];
            return "Your invoice " + doc.invoiceNumber() + " from " + company + " / Votre facture "
                    + doc.invoiceNumber() + " " + frenchDe(french) + french;
        }
        if (doc.language() == Language.FR) {
            return "Votre facture " + doc.invoiceNumber() + " " + frenchDe(company) + company;
        }
        return "Your invoice " + doc.invoiceNumber() + " from " + company;
    }

    /**
     * {@code <key@billing.invalid>}; characters a Message-ID may not hold are written {@code =XX}
     * (and "=" itself), so two different keys never share an id.
     */
    public static String messageId(String idempotencyKey) {
        StringBuilder id = new StringBuilder("<");
        for (byte b : idempotencyKey.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean atext = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-/?^_`{|}~".indexOf(c) >= 0
                    || (c == '.' && id.length() > 1 && id.charAt(id.length() - 1) != '.');
            if (atext) {
                id.append(c);
            } else {
                id.append('=').append(String.format("%02X", b & 0xFF));
            }
        }
        if (id.charAt(id.length() - 1) == '.') {
            id.setLength(id.length() - 1);
            id.append("=2E");
        }
        return id.append('@').append(MESSAGE_ID_DOMAIN).append('>').toString();
    }

    private static String frenchDe(String name) {
        char first = name.isEmpty() ? 'x' : Character.toLowerCase(name.charAt(0));
        return "aeiouyàâäéèêëîïôöùûüœæ".indexOf(first) >= 0 ? "d'" : "de ";
    }

    private static InternetAddress address(String text, String what) {
        try {
            InternetAddress address = new InternetAddress(Objects.requireNonNull(text, what + " is required"), true);
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException(what + " \"" + text + "\" is not a valid email address: "
                    + e.getMessage(), e);
        }
    }

    /** A message whose Message-ID is fixed instead of generated anew at every save. */
    static final class KeyedMessage extends MimeMessage {

        private final String messageId;

        KeyedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
