package ca.isp.billing.jobs.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.DeliveryStatus;
import ca.isp.billing.domain.Language;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.support.FaultInjection;
import ca.isp.billing.writers.AtomicFiles;
import ca.isp.billing.writers.InvoiceEmail;
import ca.isp.billing.writers.MailVendorBatch;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Files handed to the outside are on disk before the database says so: when the hand-off's
 * writer updates its rows to SENT (the update its chunk then commits), the letter for the mail
 * vendor and the .eml file have been forced to disk, each with its folder. The files hold the
 * PDF as rendered, and the row the PDF's pages and SHA-256.
 */
class DeliveryWriterDurabilityTest {

    @TempDir
    Path home;

    @Test
    void lettersAndEmailFilesAreForcedToDiskBeforeTheirRowsSaySent() throws Exception {
        // given: a letter to Québec and an email, their PDF rendered
        DeliveryToSend letter = Letters.delivery("F-2026-000001", DeliveryChannel.PRINT, "Hélène Côté",
                Letters.QUEBEC, null, Language.FR, 3);
        DeliveryToSend email = Letters.delivery("F-2026-000002", DeliveryChannel.EMAIL, "Ethan Allen",
                Letters.VERMONT, "ethan@example.com", Language.EN, 40);
        List<DeliveryToSend> deliveries = new ArrayList<>();
        List<byte[]> pdfs = new ArrayList<>();
        for (DeliveryToSend d : List.of(letter, email)) {
            byte[] pdf = Letters.pdf(d);
            Path file = Files.write(home.resolve(d.idempotencyKey() + "-rendered.pdf"), pdf);
            pdfs.add(pdf);
            deliveries.add(new DeliveryToSend(d.deliveryId(), d.channel(), d.idempotencyKey(), d.destination(),
                    d.billingAddress(), file, d.renderedAt(), d.document()));
        }
        Path vendor = home.resolve("out/mail-vendor/2026-11-01");
        Path emails = home.resolve("out/email/2026-11-01");
        MailVendorCourier mailVendor = new MailVendorCourier(new MailVendorBatch(vendor));
        EmlFileCourier eml = new EmlFileCourier(new InvoiceEmail(CycleTestSupport.templates(),
                "billing@northernlights.example"), emails);
        RecordingJdbc jdbc = new RecordingJdbc();
        DeliveryWriter writer = new DeliveryWriter(jdbc, new Couriers(mailVendor, eml, mailVendor, List.of("CA")), 3,
                FaultInjection.none());
        writer.open(new ExecutionContext());
        AtomicFiles.Forced before = AtomicFiles.forcedByThisThread();

        // when
        writer.write(new Chunk<>(deliveries));

        // then: both files and their folders were forced before the update that marks them SENT
        assertThat(jdbc.sentRows).isEqualTo(2);
        assertThat(jdbc.forcedAtSent.files() - before.files()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.forcedAtSent.folders() - before.folders()).isGreaterThanOrEqualTo(2);
        // the same bytes handed over: the letter is the PDF, the email carries it
        Path letterFile = vendor.resolve(letter.idempotencyKey() + ".pdf");
        assertThat(Files.readAllBytes(letterFile)).isEqualTo(pdfs.get(0));
        MimeMessage read;
        try (InputStream in = Files.newInputStream(emails.resolve(email.idempotencyKey() + ".eml"))) {
            read = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        try (InputStream in = ((Multipart) read.getContent()).getBodyPart(1).getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(pdfs.get(1));
        }
        // and the rows say what was handed over: pages and SHA-256 of each PDF
        assertThat(jdbc.pages).containsExactly(MailVendorBatch.pageCount(pdfs.get(0)),
                MailVendorBatch.pageCount(pdfs.get(1)));
        assertThat(jdbc.pages.get(1)).isGreaterThan(1);
        assertThat(jdbc.shas).containsExactly(MailVendorBatch.sha256(pdfs.get(0)), MailVendorBatch.sha256(pdfs.get(1)));
    }

    /** Records the SENT update instead of running it, and what this thread had forced to disk by then. */
    private static final class RecordingJdbc extends NamedParameterJdbcTemplate {

        int sentRows;
        AtomicFiles.Forced forcedAtSent;
        final List<Integer> pages = new ArrayList<>();
        final List<String> shas = new ArrayList<>();

        RecordingJdbc() {
            super(new JdbcTemplate());
        }

        @Override
        public int[] batchUpdate(String sql, SqlParameterSource[] rows) {
            for (SqlParameterSource row : rows) {
                if (DeliveryStatus.SENT.name().equals(row.getValue("status"))) {
                    sentRows++;
                    forcedAtSent = AtomicFiles.forcedByThisThread();
                    pages.add((Integer) row.getValue("pages"));
                    shas.add((String) row.getValue("sha"));
                }
            }
            return new int[rows.length];
        }
    }
}
