package ca.isp.billing.jobs.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Notice letters take the invoices' print channel: with Lob set up, the letter of an account
 * without email goes to Lob (the real SDK against LobFake), keyed by the notice's key, and no
 * mail-vendor batch of notices is written (Canada taken off billing.handoff.mail-vendor-countries,
 * whose letters go to the mail-vendor batch whatever the print courier). The ISP of NoticesThirtyDaysTest on Tuesday 2026-10-13:
 * Benoît (300002, fr, no email, 45.00 due Friday 10-09) gets his past-due warning, the first
 * allowed day after the weekend and Thanksgiving; everyone else that day is emailed, but Carol,
 * whose address the server refuses (550): her reminder waits for a person (ATTENTION). Then the
 * rows a run that died mid-send leaves SENDING are sent again by the next run, the same way.
 */
class NoticeLettersLobTest {

    @Test
    void aNoticeLetterGoesToLobOnceKeyedByItsNotice() throws Exception {
        try (LobFake lob = new LobFake(); MailServer mail = new MailServer();
             BillingRun run = BillingRun.onH2(withCalendar(HandoffChannelsTest.settings(lob, mail.port())))) {
            ReferenceDataImporter importer = run.bean(ReferenceDataImporter.class);
            Fixtures.importAll(importer, "notices", Kind.EXCLUSION_DATES, Kind.PLANS, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS,
                    Kind.OPENING_BALANCES);
            CollectionsLauncher collections = run.bean(CollectionsLauncher.class);
            mail.refuse("carol@example.com"); // 550 User unknown: her reminder needs a person
            assertThat(collections.collect(LocalDate.of(2026, 10, 13)).result()).isEqualTo(Result.COMPLETED);

            long invoice = run.jdbc().queryForObject("SELECT id FROM invoice WHERE invoice_number = 'OB-300002'", Long.class);
            assertThat(lob.letters()).singleElement().satisfies(letter -> {
                assertThat(letter.idempotencyKey()).isEqualTo("past-due.invoice." + invoice);
                assertThat(letter.fields()).containsEntry("metadata[account]", "300002")
                        .containsEntry("metadata[notice]", "PAST_DUE")
                        .containsEntry("metadata[delivery]", "past-due.invoice." + invoice)
                        .containsEntry("to[name]", "Benoît Bélanger");
                try (PDDocument pdf = Loader.loadPDF(letter.pdf())) {
                    assertThat(new PDFTextStripper().getText(pdf)).contains("En souffrance : la facture OB-300002")
                            .contains("45,00");
                }
            });
            assertThat(run.jdbc().queryForMap("SELECT courier, provider_ref, status FROM notice WHERE notice_key = ?",
                    "past-due.invoice." + invoice))
                    .containsEntry("COURIER", "lob").containsEntry("PROVIDER_REF", lob.letters().get(0).id())
                    .containsEntry("STATUS", "SENT");
            assertThat(run.properties().out().resolve("mail-vendor").resolve("notices-2026-10-13")).doesNotExist();
            assertThat(mail.received()).hasSize(5);
            assertThat(lob.requests()).hasSize(1);
            assertThat(run.jdbc().queryForMap("""
                    SELECT n.kind, n.status, n.last_error FROM notice n JOIN account a ON a.id = n.account_id
                    WHERE a.account_number = '300003'""")).containsEntry("KIND", "PAYMENT_REMINDER")
                    .containsEntry("STATUS", "ATTENTION").hasEntrySatisfying("LAST_ERROR",
                            e -> assertThat((String) e).contains("refused the recipient"));

            // the same date again: nothing more reaches Lob or the mail server
            assertThat(collections.collect(LocalDate.of(2026, 10, 13)).result()).isEqualTo(Result.ALREADY_COMPLETED);
            assertThat(lob.requests()).hasSize(1);
            assertThat(mail.received()).hasSize(5);

            // a run that died between the provider's answer and our commit leaves its rows SENDING: the next
            // day's run sends them again the same way, Lob answering with the letter it made for the key
            // and the email repeated with the same Message-ID (a receiver sees it is the same message)
            String email = run.jdbc().queryForObject(
                    "SELECT MIN(notice_key) FROM notice WHERE channel = 'EMAIL' AND status = 'SENT'", String.class);
            run.jdbc().update("UPDATE notice SET status = 'SENDING', provider_ref = NULL WHERE notice_key IN (?, ?)",
                    email, "past-due.invoice." + invoice);
            assertThat(collections.collect(LocalDate.of(2026, 10, 14)).result()).isEqualTo(Result.COMPLETED);
            assertThat(lob.letters()).hasSize(1);
            assertThat(lob.requests()).hasSize(2).allSatisfy(r -> assertThat(r.idempotencyKey())
                    .isEqualTo("past-due.invoice." + invoice));
            assertThat(run.jdbc().queryForMap("SELECT provider_ref, status, attempts FROM notice WHERE notice_key = ?",
                    "past-due.invoice." + invoice)).containsEntry("PROVIDER_REF", lob.letters().get(0).id())
                    .containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 2);
            String messageId = ca.isp.billing.writers.InvoiceEmail.messageId(email);
            assertThat(mail.messageIds().stream().filter(messageId::equals)).hasSize(2);
            // the refused one is not tried again: it waits for a person
            assertThat(run.jdbc().queryForList("SELECT status FROM notice WHERE status <> 'SENT'", String.class))
                    .containsExactly("ATTENTION");
            assertThat(mail.received()).noneSatisfy(m -> assertThat(m.getAllRecipients()[0].toString())
                    .isEqualTo("carol@example.com"));
        }
    }

    private static Map<String, String> withCalendar(Map<String, String> settings) {
        settings.put("billing.delinquency.days-past-due", "3");
        settings.put("billing.delinquency.suspend-after-days", "7");
        settings.put("billing.delinquency.allowed-days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY");
        // Canadian letters go to the mail-vendor batch by default, notices as invoices: here Lob takes them
        settings.put("billing.handoff.mail-vendor-countries", "MX");
        return settings;
    }
}
