package ca.isp.billing.jobs.handoff;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.integration.mail.outbound.MailSendingMessageHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.NoticeStatus;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.render.InvoiceDocumentLoader;
import ca.isp.billing.jobs.support.CompanyProfiles;
import ca.isp.billing.writers.AtomicFiles;
import ca.isp.billing.writers.CompanyProfile;
import ca.isp.billing.writers.InvoiceFormat;
import ca.isp.billing.writers.MailVendorBatch;
import ca.isp.billing.writers.MailVendorBatch.ManifestEntry;
import ca.isp.billing.writers.NoticeDocuments;
import ca.isp.billing.writers.NoticeDocuments.NoticeText;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends the notices the {@code notice} outbox holds for the date or before (PENDING), oldest
 * first: an email through the invoice emails' SMTP server ({@code SMTP_*}; without one, an .eml
 * file in {@code out/notices/<date>/email/}), a letter through the invoices' print channel: Lob
 * when it is set up (the notice's key as Lob's idempotency key), else (and for the mail-vendor
 * countries) the day's mail-vendor batch of notices ({@code out/mail-vendor/notices-<date>/}, its
 * manifest and SHA256SUMS rebuilt whole from the outbox). Each row is claimed (SENDING) and then marked SENT in transactions of their own, so a
 * crash between the server's answer and our commit repeats at most that one message, with the
 * same Message-ID (or the same file, replaced). A refused recipient needs a person (ATTENTION); a
 * server that is down leaves the row PENDING for the next run.
 */
public class NoticeHandoffTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(NoticeHandoffTasklet.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final BillingProperties properties;
    private final CompanyProfiles company;
    private final LocalDate date;
    private final LobCourier lob;

    /** @param lob the print courier when Lob is set up (LOB_API_KEY), else null: letters go to the mail-vendor batch */
    public NoticeHandoffTasklet(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                BillingProperties properties, CompanyProfiles company, LocalDate date, LobCourier lob) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactionManager);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.company = company;
        this.date = date;
        this.lob = lob;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        // the run guard lets one collections run at a time: a row left SENDING is from a run that died
        own.executeWithoutResult(s -> jdbc.update("UPDATE notice SET status = ? WHERE status = ?",
                NoticeStatus.PENDING.name(), NoticeStatus.SENDING.name()));
        List<Map<String, Object>> pending = jdbc.queryForList("""
                SELECT n.id, n.notice_key, n.notice_date, n.channel, n.destination, n.subject, n.body, a.language,
                       n.kind, n.created_at, a.account_number, a.name, a.billing_line1, a.billing_line2, a.billing_city, a.billing_region,
                       a.billing_postal_code, a.billing_country
                FROM notice n JOIN account a ON a.id = n.account_id
                WHERE n.status = ? AND n.notice_date <= ? ORDER BY n.id""", NoticeStatus.PENDING.name(), date);
        JavaMailSenderImpl smtp = properties.smtp().configured() ? SmtpCourier.mailSender(properties.smtp()) : null;
        MailSendingMessageHandler handler = smtp == null ? null : new MailSendingMessageHandler(smtp);
        Session session = smtp != null ? smtp.getSession() : Session.getInstance(new java.util.Properties());
        Set<LocalDate> letterDays = new TreeSet<>();
        int sent = 0;
        for (Map<String, Object> row : pending) {
            long id = ((Number) row.get("ID")).longValue();
            String key = (String) row.get("NOTICE_KEY");
            LocalDate day = localDate(row.get("NOTICE_DATE"));
            Language language = Language.of((String) row.get("LANGUAGE"));
            NoticeText text = new NoticeText((String) row.get("SUBJECT"), (String) row.get("BODY"));
            own.executeWithoutResult(s -> jdbc.update(
                    "UPDATE notice SET status = ?, attempts = attempts + 1 WHERE id = ?", NoticeStatus.SENDING.name(), id));
            Handover answer;
            String courier;
            try {
                if (DeliveryChannel.EMAIL.name().equals(row.get("CHANNEL"))) {
                    MimeMessage message = NoticeDocuments.email(session, properties.emailFrom(),
                            (String) row.get("DESTINATION"), key, language, text);
                    if (handler != null) {
                        courier = SmtpCourier.NAME;
                        answer = send(handler, message, key);
                    } else {
                        courier = EmlFileCourier.NAME;
                        Path folder = properties.out().resolve("notices").resolve(day.toString()).resolve("email");
                        AtomicFiles.write(folder, key + ".eml", message::writeTo);
                        answer = new Handover.Sent(key + ".eml");
                    }
                } else {
                    CompanyProfile profile = company.forLanguage(language == Language.FR ? Language.FR : Language.EN);
                    List<String> companyLines = new java.util.ArrayList<>();
                    companyLines.add(profile.name());
                    companyLines.addAll(profile.addressLines());
                    byte[] pdf = NoticeDocuments.letter(companyLines, (String) row.get("NAME"), address(row, language),
                            new InvoiceFormat(language == Language.FR ? Language.FR : Language.EN).date(day), text);
                    String country = (String) row.get("BILLING_COUNTRY");
                    if (lob != null && !properties.handoff().mailVendorCountries().contains(country)) {
                        // the print channel of the account's invoices: Lob, except the mail-vendor countries
                        courier = LobCourier.NAME;
                        Address to = new Address((String) row.get("BILLING_LINE1"), (String) row.get("BILLING_LINE2"),
                                (String) row.get("BILLING_CITY"), null, (String) row.get("BILLING_REGION"),
                                (String) row.get("BILLING_POSTAL_CODE"), country);
                        answer = lob.sendLetter(key, "Notice " + row.get("KIND"), (String) row.get("NAME"), to,
                                LobCourier.ordered("account", (String) row.get("ACCOUNT_NUMBER"), "notice",
                                        (String) row.get("KIND")), pdf, localDateTime(row.get("CREATED_AT")));
                    } else {
                        courier = MailVendorCourier.NAME;
                        batch(day).addLetter(key, pdf);
                        letterDays.add(day);
                        answer = new Handover.Sent(key + ".pdf");
                    }
                }
            } catch (RuntimeException e) {
                courier = null;
                answer = new Handover.NeedsAttention(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            Handover result = answer;
            String by = courier;
            own.executeWithoutResult(s -> {
                if (result instanceof Handover.Sent ok) {
                    jdbc.update("""
                            UPDATE notice SET status = ?, courier = ?, provider_ref = ?, sent_at = ?, last_error = NULL
                            WHERE id = ?""", NoticeStatus.SENT.name(), by, ok.providerRef(), Timestamp.from(Instant.now()), id);
                } else if (result instanceof Handover.NeedsAttention no) {
                    jdbc.update("UPDATE notice SET status = ?, last_error = ? WHERE id = ?", NoticeStatus.ATTENTION.name(),
                            cut(no.reason()), id);
                } else if (result instanceof Handover.TryLater later) {
                    jdbc.update("UPDATE notice SET status = ?, last_error = ? WHERE id = ?", NoticeStatus.PENDING.name(),
                            cut(later.reason()), id);
                }
            });
            if (result instanceof Handover.Sent) {
                sent++;
            } else {
                log.warn("notice {} not sent: {}", key, result);
            }
        }
        for (LocalDate day : letterDays) {
            // a transaction of its own: it must see the SENT rows just committed (MariaDB's repeatable read
            // would show the step transaction's first snapshot)
            own.executeWithoutResult(s -> manifest(day));
        }
        contribution.incrementWriteCount(sent);
        log.info("Notices handed over for {}: {} of {}", date, sent, pending.size());
        return RepeatStatus.FINISHED;
    }

    private static Handover send(MailSendingMessageHandler handler, MimeMessage message, String key) {
        try {
            handler.handleMessage(new GenericMessage<>(message));
        } catch (org.springframework.messaging.MessagingException e) {
            return SmtpAnswer.of(e);
        }
        return new Handover.Sent(ca.isp.billing.writers.InvoiceEmail.messageId(key));
    }

    private MailVendorBatch batch(LocalDate day) {
        return new MailVendorBatch(properties.out().resolve("mail-vendor").resolve("notices-" + day),
                properties.handoff().vendorDoubleSided());
    }

    /** The day's letters listed for the vendor, rebuilt whole from the outbox: a rerun writes the same files. */
    private void manifest(LocalDate day) {
        MailVendorBatch batch = batch(day);
        List<ManifestEntry> entries = jdbc.query("""
                SELECT n.notice_key, n.kind, a.account_number, a.name, a.billing_line1, a.billing_line2, a.billing_city,
                       a.billing_region, a.billing_postal_code, a.billing_country, a.language, n.provider_ref
                FROM notice n JOIN account a ON a.id = n.account_id
                WHERE n.notice_date = ? AND n.channel = ? AND n.status = ? AND n.courier = ? ORDER BY n.id""",
                (rs, n) -> {
                    byte[] pdf = readLetter(batch, rs.getString(12));
                    return new ManifestEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            InvoiceDocumentLoader.mailingAddress(rs.getString(5), rs.getString(6), rs.getString(7),
                                    rs.getString(8), rs.getString(9), rs.getString(10), Language.of(rs.getString(11))),
                            rs.getString(9), rs.getString(10), rs.getString(12), MailVendorBatch.pageCount(pdf),
                            MailVendorBatch.sha256(pdf));
                }, day, DeliveryChannel.PRINT.name(), NoticeStatus.SENT.name(), MailVendorCourier.NAME);
        batch.writeManifest(entries);
    }

    private static byte[] readLetter(MailVendorBatch batch, String file) {
        try {
            return java.nio.file.Files.readAllBytes(batch.batchDir().resolve(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("notice letter missing from the batch: " + file, e);
        }
    }

    private static List<String> address(Map<String, Object> row, Language language) {
        return InvoiceDocumentLoader.mailingAddress((String) row.get("BILLING_LINE1"), (String) row.get("BILLING_LINE2"),
                (String) row.get("BILLING_CITY"), (String) row.get("BILLING_REGION"),
                (String) row.get("BILLING_POSTAL_CODE"), (String) row.get("BILLING_COUNTRY"), language);
    }

    private static java.time.LocalDateTime localDateTime(Object value) {
        return value instanceof java.time.LocalDateTime t ? t : ((Timestamp) value).toLocalDateTime();
    }

    private static LocalDate localDate(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }

    private static String cut(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
