package ca.isp.billing.jobs.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.collections.AccountStandingReader;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.rate.UsageToRateReader;

/**
 * A kill -9 between the moment Spring Batch saved a partition's step execution and the moment it
 * saved its context (SimpleStepExecutionSplitter makes them one after the other) leaves the
 * partition without its range: resumed, it reads the whole range, from Long.MIN_VALUE to
 * Long.MAX_VALUE (BillingCycleJobConfiguration's MIN_ID and MAX_ID). H2KillMatrixIT met it: the
 * delinquency reader started after {@code Long.MIN_VALUE - 1}, which is Long.MAX_VALUE, read
 * nothing, and half the accounts were not made delinquent. Every reader of an id range reads
 * all of it from there.
 */
class PartitionWithoutContextTest {

    @Test
    void aRangeFromLongMinValueIsEveryId() throws Exception {
        try (BillingRun h2 = BillingRun.onH2()) {
            Fixtures.importAll(h2.bean(ReferenceDataImporter.class), "reference", Kind.PLANS, Kind.TAX_RATES,
                    Kind.ACCOUNTS);
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(h2.jdbc());
            long accounts = h2.jdbc().queryForObject("SELECT COUNT(*) FROM account", Long.class);
            for (int i = 0; i < 3; i++) {
                h2.jdbc().update("""
                        INSERT INTO usage_record (source, record_id, service_id, usage_type, start_time, quantity, status)
                        VALUES ('usage', ?, 'nobody', 'DATA', TIMESTAMP '2026-10-01 10:00:00', 1000, 'NEW')""", "r" + i);
            }

            assertThat(accounts).isGreaterThan(1);
            assertThat(readAll(new AccountStandingReader(named, Long.MIN_VALUE, Long.MAX_VALUE,
                    LocalDate.of(2026, 11, 1), 2))).hasSize((int) accounts);
            assertThat(readAll(new UsageToRateReader(named, Long.MIN_VALUE, Long.MAX_VALUE, 2))).hasSize(3);
        }
    }

    @Test
    void theKeyBeforeAPartitionsFirstId() {
        assertThat(KeysetPageReader.keyBefore(31)).isEqualTo(30);
        assertThat(KeysetPageReader.keyBefore(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    }

    private static <T> List<T> readAll(ItemReader<T> reader) throws Exception {
        List<T> items = new ArrayList<>();
        for (T item = reader.read(); item != null; item = reader.read()) {
            items.add(item);
        }
        return items;
    }
}
