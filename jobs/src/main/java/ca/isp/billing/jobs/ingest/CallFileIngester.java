package ca.isp.billing.jobs.ingest;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import ca.isp.billing.domain.UsageType;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.rate.UsageRating;
import ca.isp.billing.jobs.support.FaultInjection;
import ca.isp.billing.readers.CallRecord;
import ca.isp.billing.readers.Identifier;
import ca.isp.billing.readers.Parsed;
import ca.isp.billing.readers.Reject;
import ca.isp.billing.readers.RejectFileWriter;

/**
 * Ingests call detail files (Asterisk, FreeSWITCH, a collector's generic CDR CSV) from a source's
 * inbox into usage_record as VOICE records: the seconds billed (0 for a call not
 * answered), the number dialed and how the call ended, already rated (UsageRating: RATED,
 * UNMATCHED or RATING_GAP, the last two taken again by the rate step). The record's service id is the calling
 * number, or the switch's account code when the source says so (match-by); a call with neither
 * is rejected, since nothing could ever find whose call it was. The source's name is the records'
 * source, so the key (record_id, source) is the call's id in its own switch: a call read twice
 * (the same file renamed, or a file that grew) is a duplicate.
 */
public class CallFileIngester extends InboxFileTasklet<CallRecord> {

    private static final int BATCH = 1000;

    private final String source;
    private final boolean byAccountCode;
    private final ZoneId zone;
    private final NamedParameterJdbcTemplate named;
    private final RatedUsageInsert insert;

    public CallFileIngester(String source, Path inbox, String pattern, Opener<CallRecord> opener, boolean byAccountCode,
                            ZoneId zone, JdbcTemplate jdbc, UsageRating rating,
                            PlatformTransactionManager transactionManager,
                            BillingProperties properties, FaultInjection faults) {
        super(source, inbox, pattern, opener, BATCH, jdbc, transactionManager, properties, faults);
        this.source = source;
        this.byAccountCode = byAccountCode;
        this.zone = zone;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.insert = new RatedUsageInsert(jdbc, rating);
    }

    @Override
    protected BatchCounts store(List<Parsed.Ok<CallRecord>> batch, String fileName, long fileId, RejectFileWriter rejects) {
        Set<String> inBatch = new HashSet<>();
        List<RatedUsageInsert.NewUsage> calls = new ArrayList<>();
        long refused = 0;
        for (Parsed.Ok<CallRecord> ok : batch) {
            CallRecord call = ok.row();
            String serviceId = byAccountCode ? call.accountCode() : call.caller();
            String refusal = serviceId == null ? "empty: whose call it is cannot be known"
                    : Identifier.SERVICE_ID.refusal(serviceId);
            if (refusal != null) {
                rejects.write(new Reject(fileName, ok.line(), byAccountCode ? "accountcode" : "caller", refusal, ok.raw()));
                refused++;
                continue;
            }
            if (!inBatch.add(call.callId())) {
                continue; // the same call twice in this batch
            }
            calls.add(new RatedUsageInsert.NewUsage(source, call.callId(), serviceId, UsageType.VOICE,
                    LocalDateTime.ofInstant(call.start(), zone), call.answered() ? call.billSeconds() : 0L,
                    null, null, null, null, null, call.destination(), call.disposition().name(), fileId));
        }
        // written once, rated (the rate step takes again only the unmatched calls and the rating gaps): the
        // batch is inserted at once, and only when a call of it is stored already (uk_usage_record refuses it)
        // is that undone and the stored ones looked up, so a batch of new calls costs no lookup
        List<RatedUsageInsert.NewUsage> inserts = calls;
        if (!insert.insertUnlessStored(calls)) {
            Set<String> known = new HashSet<>();
            named.query("SELECT record_id FROM usage_record WHERE source = :source AND record_id IN (:ids)",
                    new MapSqlParameterSource("source", source)
                            .addValue("ids", calls.stream().map(RatedUsageInsert.NewUsage::recordId).toList()),
                    rs -> {
                        known.add(rs.getString(1));
                    });
            inserts = calls.stream().filter(call -> !known.contains(call.recordId())).toList();
            insert.insert(inserts);
        }
        return new BatchCounts(inserts.size(), batch.size() - inserts.size() - refused);
    }
}
