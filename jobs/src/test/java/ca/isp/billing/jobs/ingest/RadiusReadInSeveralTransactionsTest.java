package ca.isp.billing.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.rate.UsageRating;
import ca.isp.billing.readers.FreeRadiusDetailReader;

/**
 * A FreeRADIUS detail file larger than one transaction's records (5 here, 10,000 in a run) is
 * read in several transactions, each moving the position with its records; a new ingester (a
 * restarted process) goes on from the position saved, so every record counts once. Each record
 * is stored rated as it is written: the known user's RATED with its subscription, the unknown
 * one's UNMATCHED, with no rate step run.
 */
class RadiusReadInSeveralTransactionsTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final Path RADACCT = HOME.resolveSibling(HOME.getFileName() + "-radacct");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void aFileOfTwelveRecordsIsReadFiveAtATimeAndEachRecordCountsOnce() throws IOException {
        // given one subscription with user name known@example.net, and 4 sessions of 3 readings (Start,
        // Interim-Update, Stop), each reading 1,000 bytes up and 2,000 down more than the one before:
        // sessions 0 and 2 of known@example.net, 1 and 3 of nobody@example.net
        subscription("known@example.net");
        long day = LocalDate.of(2026, 10, 20).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        StringBuilder detail = new StringBuilder();
        String[] types = {"Start", "Interim-Update", "Stop"};
        for (int s = 0; s < 4; s++) {
            for (int r = 0; r < 3; r++) {
                long at = day + 3600L * s + 300L * r;
                detail.append("Tue Oct 20 00:00:00 2026\n")
                        .append("\tAcct-Status-Type = ").append(types[r]).append('\n')
                        .append("\tUser-Name = \"").append(s % 2 == 0 ? "known" : "nobody").append("@example.net\"\n")
                        .append("\tNAS-IP-Address = 10.0.0.1\n")
                        .append("\tAcct-Session-Id = \"S").append(s).append("\"\n")
                        .append("\tAcct-Input-Octets = ").append(r * 1000).append('\n')
                        .append("\tAcct-Output-Octets = ").append(r * 2000).append('\n')
                        .append("\tAcct-Session-Time = ").append(r * 300).append('\n')
                        .append("\tEvent-Timestamp = ").append(at).append('\n')
                        .append("\tAcct-Unique-Session-Id = \"u").append(s).append("\"\n")
                        .append("\tTimestamp = ").append(at).append("\n\n");
            }
        }
        Path file = RADACCT.resolve("10.0.0.1").resolve("detail-20261020");
        Files.createDirectories(file.getParent());
        Files.writeString(file, detail);

        // when: one transaction of 5 records, then a new ingester (a process started again) until done
        StepContribution contribution = TaskletRuns.contribution();
        assertThat(execute(ingester(), contribution)).isEqualTo(RepeatStatus.CONTINUABLE);
        long afterFirst = count("SELECT COUNT(*) FROM usage_record");
        RadiusDetailIngester again = ingester();
        int transactions = 1;
        while (execute(again, contribution) == RepeatStatus.CONTINUABLE) {
            transactions++;
        }

        // then: 5 records, then 5, then the last 2 (5 + 5 + 2 = 12), the file done: the step's end
        assertThat(afterFirst).isEqualTo(5);
        assertThat(transactions).isEqualTo(3);
        // every reading counted more than the one before: 12 records, their bytes the sessions' last counters
        // (2,000 up and 4,000 down each: 4 x 2,000 = 8,000 and 4 x 4,000 = 16,000)
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(12);
        assertThat(count("SELECT SUM(upload_bytes) FROM usage_record")).isEqualTo(8_000);
        assertThat(count("SELECT SUM(download_bytes) FROM usage_record")).isEqualTo(16_000);
        assertThat(count("SELECT COUNT(*) FROM radius_session WHERE readings = 3 AND ended_by = 'STOP'")).isEqualTo(4);
        assertThat(count("SELECT offset_bytes FROM source_file")).isEqualTo(Files.size(file));
        assertThat(count("SELECT records_read FROM source_file")).isEqualTo(12);
        // rated as written: known@example.net's 6 records with their subscription, nobody's 6 unmatched
        assertThat(count("""
                SELECT COUNT(*) FROM usage_record u JOIN subscription s ON s.id = u.subscription_id
                WHERE u.status = 'RATED' AND s.subscription_id = 'RT-D' AND u.billable_units = u.quantity""")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status = 'UNMATCHED' AND subscription_id IS NULL"))
                .isEqualTo(6);
    }

    private RadiusDetailIngester ingester() {
        return new RadiusDetailIngester("radius", RADACCT, "detail-*", FreeRadiusDetailReader.Settings.of(ZoneOffset.UTC),
                jdbc, UsageRating.load(jdbc), properties, 5);
    }

    private RepeatStatus execute(RadiusDetailIngester ingester, StepContribution contribution) {
        return new TransactionTemplate(transactionManager).execute(status -> {
            try {
                return ingester.execute(contribution, null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** One plan, one account, one data subscription RT-D whose service id is the user name. */
    private void subscription(String userName) {
        jdbc.update("""
                INSERT INTO plan (code, name_en, name_fr, kind, monthly_price, period_months, term_price, included_gb,
                    overage_per_gb, per_minute) VALUES ('RT', 'Rt', 'Rt', 'INTERNET', 50.00, 1, 50.00, 500, 1.00, 0.05)""");
        jdbc.update("""
                INSERT INTO account (account_number, name, customer_type, language, delivery, billing_line1,
                    billing_city, billing_region, billing_postal_code, billing_country, service_line1, service_city,
                    service_region, service_country, next_bill_date, bill_day, billing_start, status)
                VALUES ('RT0001', 'Rt', 'RESIDENTIAL', 'en', 'EMAIL', '1 Rt St', 'Montreal', 'QC', 'H2X 1Y4', 'CA',
                    '1 Rt St', 'Montreal', 'QC', 'CA', DATE '2026-12-01', 1, DATE '2026-01-01', 'ACTIVE')""");
        jdbc.update("""
                INSERT INTO subscription (subscription_id, account_id, plan_code, start_date)
                SELECT 'RT-D', id, 'RT', DATE '2026-01-01' FROM account WHERE account_number = 'RT0001'""");
        jdbc.update("""
                INSERT INTO service_identifier (service_id, subscription_id)
                SELECT ?, id FROM subscription WHERE subscription_id = 'RT-D'""", userName);
    }
}
