package ca.isp.billing.jobs.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.MariaDbSchema;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.handoff.MailServer;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * The notice outbox on a real MariaDB (V32: its TEXT body and DATETIME(3) columns, the notice
 * queries): the first twelve days of NoticesThirtyDaysTest's ISP (no payments, no usage), emails
 * to GreenMail, letters to the mail-vendor batch; each notice once at the server. Needs a server as
 * MariaDbCycleTest does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbNoticesTest {

    private MariaDbSchema schema;

    @BeforeAll
    void createSchema() {
        schema = MariaDbSchema.create("billing_notices_it", getClass());
    }

    @AfterAll
    void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void noticesQueuedAndSentOnceOnMariaDb() throws Exception {
        Path home = Files.createTempDirectory("billing-mariadb-notices-");
        try (MailServer mail = new MailServer(); BillingRun maria = BillingRun.start(home, schema.url(), schema.user,
                schema.password, Map.of("billing.delinquency.days-past-due", "3",
                        "billing.delinquency.suspend-after-days", "7",
                        "billing.delinquency.allowed-days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY",
                        "billing.smtp.host", "127.0.0.1", "billing.smtp.port", Integer.toString(mail.port()),
                        "billing.smtp.security", "none", "billing.smtp.timeout", "5s"))) {
            ReferenceDataImporter importer = maria.bean(ReferenceDataImporter.class);
            Fixtures.importAll(importer, "notices", Kind.EXCLUSION_DATES, Kind.PLANS, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS,
                    Kind.OPENING_BALANCES);
            CollectionsLauncher collections = maria.bean(CollectionsLauncher.class);
            for (LocalDate day = LocalDate.of(2026, 10, 9); !day.isAfter(LocalDate.of(2026, 10, 20)); day = day.plusDays(1)) {
                assertThat(collections.collect(day).result()).as(day.toString()).isEqualTo(Result.COMPLETED);
            }
            List<String> ids = mail.messageIds();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(maria.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM notice WHERE channel = 'EMAIL' AND status = 'SENT'", Integer.class))
                    .isEqualTo(ids.size()).isPositive();
            // Sara (bilingual, 200.00 due 10-05): past due on Tuesday 10-13 (Friday, the weekend and
            // Thanksgiving Monday skipped), delinquent 10-13, suspended 10-20
            assertThat(maria.jdbc().queryForList("""
                    SELECT n.kind, DATE_FORMAT(n.notice_date, '%Y-%m-%d') AS d, n.subject FROM notice n
                    JOIN account a ON a.id = n.account_id WHERE a.account_number = '300019' ORDER BY n.id"""))
                    .extracting(n -> n.get("kind"), n -> n.get("d"))
                    .containsExactly(tuple("PAST_DUE", "2026-10-13"), tuple("SUSPENSION", "2026-10-20"));
            assertThat(ids).contains("<past-due.invoice." + maria.jdbc().queryForObject(
                    "SELECT id FROM invoice WHERE invoice_number = 'OB-300019'", Long.class) + "@billing.invalid>");
            // Benoît (fr, no email): his past-due warning is a letter of the 10-13 batch
            assertThat(Files.readString(home.resolve("out/mail-vendor/notices-2026-10-13/manifest.csv")))
                    .contains("300002");
            // a second run of a date: nothing more
            assertThat(collections.collect(LocalDate.of(2026, 10, 20)).result()).isEqualTo(Result.ALREADY_COMPLETED);
            assertThat(mail.messageIds()).hasSize(ids.size());
        }
    }
}
