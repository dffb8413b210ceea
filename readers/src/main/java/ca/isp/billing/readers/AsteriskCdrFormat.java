package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Asterisk's cdr_csv Master.csv ({@code /var/log/asterisk/cdr-csv/Master.csv}), read with
 * {@link LineCsvReader}: no header, one call per line, in the column order of
 * {@code build_csv_record()} in Asterisk's {@code cdr/cdr_csv.c}:
 *
 * <pre>
 * accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata,
 * start, answer, end, duration, billsec, disposition, amaflags            (16, always)
 * uniqueid                          (with loguniqueid=yes in cdr.conf [csv])
 * userfield                         (with loguserfield=yes)
 * peeraccount, linkedid, sequence   (with newcdrcolumns=yes, Asterisk 12 and later)
 * </pre>
 *
 * Strings are quoted with inner quotes doubled ({@code append_string}); duration, billsec and
 * sequence are bare numbers; a time is "%Y-%m-%d %T" in the server's local time (UTC with
 * usegmtime=yes), and an unanswered call's answer time is empty, not quoted. The options are
 * configured, never guessed from a line's width: 17 and 20 fields could each be two layouts.
 *
 * <p>The record's key is uniqueid (with ":" and the sequence under newcdrcolumns, since one
 * channel can leave several CDRs), else linkedid and sequence, else a digest of the line's fields,
 * so the same line read twice has the same key.
 */
public final class AsteriskCdrFormat implements LineFormat<CallRecord> {

    private static final List<String> BASE = List.of("accountcode", "src", "dst", "dcontext", "clid", "channel",
            "dstchannel", "lastapp", "lastdata", "start", "answer", "end", "duration", "billsec", "disposition",
            "amaflags");
    /** Text columns kept in the call record: the sizes of service_id and record_id they will be stored in. */
    private static final Map<String, Integer> MAX_LENGTHS = Map.of("accountcode", 100, "src", 100, "dst", 100,
            "dcontext", 100, "uniqueid", 100, "linkedid", 100);

    private final ZoneId zone;
    private final boolean logUniqueId;
    private final boolean logUserField;
    private final boolean newCdrColumns;
    private final DateWindow startTimes;
    private final List<String> columns;

    private AsteriskCdrFormat(ZoneId zone, boolean logUniqueId, boolean logUserField, boolean newCdrColumns,
                              DateWindow startTimes) {
        this.zone = zone;
        this.logUniqueId = logUniqueId;
        this.logUserField = logUserField;
        this.newCdrColumns = newCdrColumns;
        this.startTimes = startTimes;
        List<String> names = new ArrayList<>(BASE);
        if (logUniqueId) {
            names.add("uniqueid");
        }
        if (logUserField) {
            names.add("userfield");
        }
        if (newCdrColumns) {
            names.addAll(List.of("peeraccount", "linkedid", "sequence"));
        }
        this.columns = List.copyOf(names);
    }

    /**
     * The layout cdr.conf's [csv] options give, times read in the server's zone (ZoneOffset.UTC
     * with usegmtime=yes): (false, false, false) is the 16 base columns, (true, true, false) 18,
     * (true, true, true) 21.
     */
    public static AsteriskCdrFormat of(ZoneId zone, boolean logUniqueId, boolean logUserField, boolean newCdrColumns) {
        return new AsteriskCdrFormat(zone, logUniqueId, logUserField, newCdrColumns, DateWindow.ANY);
    }

    /** Refuses a call that started outside the window (1970, next year). */
    public AsteriskCdrFormat within(DateWindow window) {
        return new AsteriskCdrFormat(zone, logUniqueId, logUserField, newCdrColumns, window);
    }

    @Override
    public boolean doubledQuotes() {
        return true;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<String> requiredColumns() {
        return columns;
    }

    @Override
    public Map<String, Integer> maxLengths() {
        return MAX_LENGTHS;
    }

    @Override
    public CallRecord parse(Row row) {
        String destination = row.required("dst");
        long duration = seconds(row, "duration");
        long billSeconds = seconds(row, "billsec");
        if (billSeconds > duration) {
            throw new FieldException("billsec", "more than the duration (" + duration + "): " + Row.quote(billSeconds));
        }
        String dispositionText = row.required("disposition");
        CallDisposition disposition = CallDisposition.parse(dispositionText);
        if (disposition == null) {
            throw new FieldException("disposition", "not one of " + CallDisposition.labels() + ": "
                    + Row.quote(dispositionText));
        }
        String answerText = row.optional("answer");
        if (disposition == CallDisposition.ANSWERED && answerText == null) {
            throw new FieldException("answer", "empty for an ANSWERED call");
        }
        String startText = row.required("start");
        String endText = row.required("end");
        CallTimes times = CallTimes.resolve(LocalTimes.candidates("start", startText, zone),
                answerText == null ? null : LocalTimes.candidates("answer", answerText, zone),
                LocalTimes.candidates("end", endText, zone), duration, billSeconds, "end", endText);
        if (!startTimes.contains(LocalDateTime.ofInstant(times.start(), zone))) {
            throw new FieldException("start", "outside the plausible window " + startTimes + ": " + Row.quote(startText));
        }
        return new CallRecord(callId(row), row.optional("accountcode"), row.optional("src"), destination,
                row.optional("dcontext"), times.start(), times.answer(), times.end(), duration, billSeconds,
                disposition, null);
    }

    private String callId(Row row) {
        if (newCdrColumns) {
            long sequence = row.wholeNumber("sequence");
            return (logUniqueId ? row.required("uniqueid") : row.required("linkedid")) + ":" + sequence;
        }
        return logUniqueId ? row.required("uniqueid") : digest(row, columns);
    }

    /** Seconds of a call: a whole number up to 24 hours. */
    static long seconds(Row row, String column) {
        long seconds = row.wholeNumber(column);
        if (seconds > CallRecord.MAX_SECONDS) {
            throw new FieldException(column, "more than " + CallRecord.MAX_SECONDS + " seconds (24 hours) in one call: "
                    + Row.quote(seconds));
        }
        return seconds;
    }

    /** "cdr-" and 24 hex digits of the SHA-256 of the fields: the same line always has the same key. */
    static String digest(Row row, List<String> columns) {
        StringBuilder fields = new StringBuilder();
        for (String column : columns) {
            String value = row.optional(column);
            fields.append(value == null ? "" : value).append('\u0000');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(fields.toString().getBytes(StandardCharsets.UTF_8));
            return "cdr-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
