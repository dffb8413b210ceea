package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Call detail records from a collector that exports its own CSV (docs/FILE-FORMATS.md, "Generic
 * call records"), read with {@link CsvRowReader}: a header, one call per line. Times are ISO,
 * in the configured zone ({@code 2025-11-04T10:00:00}) or with their offset
 * ({@code 2025-11-02T01:10:00-05:00}, which settles the autumn hour that happens twice).
 * Durations are counted from the times: end minus start, and end minus answer for what is billed.
 */
public final class GenericCdrFormat implements RowFormat<CallRecord> {

    private static final List<String> COLUMNS = List.of("record_id", "caller", "destination", "start_time",
            "answer_time", "end_time", "disposition", "account_code");
    private static final List<String> REQUIRED = List.of("record_id", "caller", "destination", "start_time",
            "end_time");
    private static final Map<String, Integer> MAX_LENGTHS = Map.of("record_id", 100, "caller", 100,
            "destination", 100, "account_code", 100);

    private final ZoneId zone;
    private final DateWindow startTimes;

    private GenericCdrFormat(ZoneId zone, DateWindow startTimes) {
        this.zone = zone;
        this.startTimes = startTimes;
    }

    /** Times without an offset read in this zone, any start. */
    public static GenericCdrFormat of(ZoneId zone) {
        return new GenericCdrFormat(zone, DateWindow.ANY);
    }

    /** Refuses a call that started outside the window (1900, next year). */
    public GenericCdrFormat within(DateWindow window) {
        return new GenericCdrFormat(zone, window);
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public Map<String, Integer> maxLengths() {
        return MAX_LENGTHS;
    }

    @Override
    public CallRecord parse(Row row) {
        String recordId = row.identifier("record_id", Identifier.RECORD_ID);
        String caller = row.identifier("caller", Identifier.SERVICE_ID);
        String destination = row.required("destination");
        List<Instant> starts = times("start_time", row.required("start_time"));
        String answerText = row.optional("answer_time");
        List<Instant> answers = answerText == null ? null : times("answer_time", answerText);
        String endText = row.required("end_time");
        CallTimes times = CallTimes.resolve(starts, answers, times("end_time", endText), null, null,
                "end_time", endText);
        if (times.answer() != null && (times.answer().isBefore(times.start()) || times.answer().isAfter(times.end()))) {
            throw new FieldException("answer_time", "not between start_time and end_time: " + Row.quote(answerText));
        }
        long duration = Duration.between(times.start(), times.end()).getSeconds();
        if (duration > CallRecord.MAX_SECONDS) {
            throw new FieldException("end_time", "more than " + CallRecord.MAX_SECONDS
                    + " seconds (24 hours) after start_time: " + Row.quote(endText));
        }
        if (!startTimes.contains(LocalDateTime.ofInstant(times.start(), zone))) {
            throw new FieldException("start_time", "outside the plausible window " + startTimes + ": "
                    + Row.quote(row.optional("start_time")));
        }
        CallDisposition disposition = disposition(row, times.answer() != null);
        long billSeconds = times.answer() == null ? 0 : Duration.between(times.answer(), times.end()).getSeconds();
        return new CallRecord(recordId, row.optional("account_code"), caller, destination, null, times.start(),
                times.answer(), times.end(), duration, billSeconds, disposition, null);
    }

    /** As written, or from the answer time when empty; an answer time says ANSWERED and nothing else. */
    private static CallDisposition disposition(Row row, boolean answered) {
        String text = row.optional("disposition");
        if (text == null) {
            return answered ? CallDisposition.ANSWERED : CallDisposition.NO_ANSWER;
        }
        CallDisposition disposition = CallDisposition.parse(text);
        if (disposition == null) {
            throw new FieldException("disposition", "not one of " + CallDisposition.labels() + ": " + Row.quote(text));
        }
        if (answered != (disposition == CallDisposition.ANSWERED)) {
            throw new FieldException("disposition", (answered ? "an answered call (answer_time set) is ANSWERED: "
                    : "an ANSWERED call needs its answer_time: ") + Row.quote(text));
        }
        return disposition;
    }

    /** The instant of an ISO time with an offset, or the one or two of a local one in the zone. */
    private List<Instant> times(String column, String text) {
        try {
            return List.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalTimes.candidates(column, LocalDateTime.parse(text), text, zone);
            } catch (DateTimeParseException e) {
                throw new FieldException(column, "not a timestamp (YYYY-MM-DDTHH:MM:SS, or with its offset "
                        + "like -05:00): " + Row.quote(text));
            }
        }
    }
}
