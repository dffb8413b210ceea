package ca.isp.billing.jobs.ingest;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.UsageStatus;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.support.FaultInjection;
import ca.isp.billing.readers.CsvRowReader;
import ca.isp.billing.readers.Parsed;
import ca.isp.billing.readers.RejectFileWriter;
import ca.isp.billing.readers.UsageFormat;
import ca.isp.billing.readers.UsageRow;

/**
 * Ingests generic usage CSV files into usage_record (status NEW). A record already stored
 * (same source and record id, from this file or an earlier one) is a duplicate: counted, not
 * stored again, with the unique key uk_usage_record as the last word. A record that started
 * outside the plausible window (billing.plausible.usage-*) is a rejected line.
 */
public class UsageFileIngester extends InboxFileTasklet<UsageRow> {

    private static final int BATCH = 1000;
    private final NamedParameterJdbcTemplate named;

    public UsageFileIngester(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, BillingProperties properties,
                             DateWindow startTimes) {
        this(jdbc, transactionManager, properties, startTimes, FaultInjection.none());
    }

    public UsageFileIngester(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, BillingProperties properties,
                             DateWindow startTimes, FaultInjection faults) {
        super("usage", UsageFormat.within(startTimes), BATCH, jdbc, transactionManager, properties, faults);
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** A usage CSV source of another name, folder or pattern (billing.ingest.sources.*). */
    public UsageFileIngester(String kind, Path inbox, String pattern, JdbcTemplate jdbc,
                             PlatformTransactionManager transactionManager, BillingProperties properties,
                             DateWindow startTimes, FaultInjection faults) {
        super(kind, inbox, pattern, file -> CsvRowReader.open(file, UsageFormat.within(startTimes)), BATCH, jdbc,
                transactionManager, properties, faults);
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Stores the records not seen before. */
    @Override
    protected BatchCounts store(List<Parsed.Ok<UsageRow>> batch, String fileName, long fileId, RejectFileWriter rejects) {
        List<UsageRow> rows = batch.stream().map(Parsed.Ok::row).toList();
        Set<String> known = new HashSet<>();
        // A lookup in uk_usage_record (record_id, source), not a scan of every record ever stored.
        named.query("SELECT source, record_id FROM usage_record WHERE record_id IN (:ids)",
                new MapSqlParameterSource("ids", rows.stream().map(UsageRow::recordId).distinct().toList()),
                rs -> {
                    known.add(rs.getString(1) + '\u0000' + rs.getString(2));
                });
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        for (UsageRow row : rows) {
            if (known.add(row.source() + '\u0000' + row.recordId())) {
                inserts.add(new MapSqlParameterSource()
                        .addValue("source", row.source()).addValue("recordId", row.recordId())
                        .addValue("serviceId", row.serviceId()).addValue("type", row.usageType())
                        .addValue("start", Timestamp.valueOf(row.startTime())).addValue("quantity", row.quantity())
                        .addValue("file", fileId).addValue("new", UsageStatus.NEW.name()));
            }
        }
        named.batchUpdate("""
                INSERT INTO usage_record (source, record_id, service_id, usage_type, start_time, quantity, file_id, status)
                VALUES (:source, :recordId, :serviceId, :type, :start, :quantity, :file, :new)""",
                inserts.toArray(MapSqlParameterSource[]::new));
        return new BatchCounts(inserts.size(), rows.size() - inserts.size());
    }
}
