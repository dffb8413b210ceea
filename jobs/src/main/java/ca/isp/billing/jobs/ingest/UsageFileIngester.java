package ca.isp.billing.jobs.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.UsageType;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.rate.UsageRating;
import ca.isp.billing.jobs.support.FaultInjection;
import ca.isp.billing.readers.CsvRowReader;
import ca.isp.billing.readers.Parsed;
import ca.isp.billing.readers.RejectFileWriter;
import ca.isp.billing.readers.UsageFormat;
import ca.isp.billing.readers.UsageRow;

/**
 * Ingests generic usage CSV files into usage_record, each record written once, already rated
 * (UsageRating, the rate step's matching and rules, with the rate tables of the ingest step's
 * start): RATED, UNMATCHED (no subscription has its service id yet) or RATING_GAP (a call no
 * rate prices), the last two taken again by the rate step on every run. A usage CSV line says
 * neither the number dialed nor how a call ended: a VOICE line with talk time was answered, as
 * the rate step has always read it. A record already stored (same source and record id, from
 * this file or an earlier one) is a duplicate: counted, not stored again, with the unique key
 * uk_usage_record as the last word. A record that started outside the plausible window
 * (billing.plausible.usage-*) is a rejected line.
 */
public class UsageFileIngester extends InboxFileTasklet<UsageRow> {

    private static final int BATCH = 1000;
    private final NamedParameterJdbcTemplate named;
    private final RatedUsageInsert insert;

    public UsageFileIngester(JdbcTemplate jdbc, UsageRating rating, PlatformTransactionManager transactionManager,
                             BillingProperties properties, DateWindow startTimes) {
        this(jdbc, rating, transactionManager, properties, startTimes, FaultInjection.none());
    }

    public UsageFileIngester(JdbcTemplate jdbc, UsageRating rating, PlatformTransactionManager transactionManager,
                             BillingProperties properties, DateWindow startTimes, FaultInjection faults) {
        super("usage", UsageFormat.within(startTimes), BATCH, jdbc, transactionManager, properties, faults);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.insert = new RatedUsageInsert(jdbc, rating);
    }

    /** A usage CSV source of another name, folder or pattern (billing.ingest.sources.*). */
    public UsageFileIngester(String kind, Path inbox, String pattern, JdbcTemplate jdbc, UsageRating rating,
                             PlatformTransactionManager transactionManager, BillingProperties properties,
                             DateWindow startTimes, FaultInjection faults) {
        super(kind, inbox, pattern, file -> CsvRowReader.open(file, UsageFormat.within(startTimes)), BATCH, jdbc,
                transactionManager, properties, faults);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.insert = new RatedUsageInsert(jdbc, rating);
    }

    /** Stores the records not seen before, rated. */
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
        List<RatedUsageInsert.NewUsage> inserts = new ArrayList<>();
        for (UsageRow row : rows) {
            if (known.add(row.source() + '\u0000' + row.recordId())) {
                // a usage CSV line has no upload/download split, session, address, destination nor disposition
                inserts.add(new RatedUsageInsert.NewUsage(row.source(), row.recordId(), row.serviceId(),
                        UsageType.valueOf(row.usageType()), row.startTime(), row.quantity(),
                        null, null, null, null, null, null, null, fileId));
            }
        }
        // written once, rated (the rate step takes again only the unmatched records and the rating gaps)
        insert.insert(inserts);
        return new BatchCounts(inserts.size(), rows.size() - inserts.size());
    }
}
