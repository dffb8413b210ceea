package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FreeSWITCH's mod_cdr_csv Master.csv ({@code log/cdr-csv/Master.csv}), read with
 * {@link LineCsvReader}: one call per line, its columns those of the template the module is
 * configured with ({@code default-template} in {@code cdr_csv.conf.xml}), each {@code ${variable}}
 * a channel variable. The default here is the "example" template that FreeSWITCH's own
 * {@code conf/vanilla/autoload_configs/cdr_csv.conf.xml} names as default-template
 * ({@link #EXAMPLE_TEMPLATE}); without a configuration file, mod_cdr_csv.c's compiled-in
 * "default" template has 13 of its columns (up to accountcode, with a space before it).
 *
 * <p>A template must have {@code caller_id_number}, {@code destination_number}, {@code billsec},
 * and a start and an end as {@code *_stamp} (local "%Y-%m-%d %H:%M:%S") or {@code *_epoch}
 * (seconds since 1970: no daylight-saving question). It may have {@code answer_stamp} or
 * {@code answer_epoch} (empty, or 0, when not answered), {@code duration}, {@code uuid} (the
 * key; else a digest of the line), {@code hangup_cause}, {@code accountcode}, {@code context}.
 * Other columns are read past. mod_cdr_csv does not escape quotes inside values, so a quote is
 * read as part of a value unless a comma or the end of the line follows it ({@link CsvFields}).
 */
public final class FreeSwitchCdrFormat implements LineFormat<CallRecord> {

    /** The "example" template of cdr_csv.conf.xml, the one FreeSWITCH's sample configuration uses. */
    public static final String EXAMPLE_TEMPLATE = "\"${caller_id_name}\",\"${caller_id_number}\","
            + "\"${destination_number}\",\"${context}\",\"${start_stamp}\",\"${answer_stamp}\",\"${end_stamp}\","
            + "\"${duration}\",\"${billsec}\",\"${hangup_cause}\",\"${uuid}\",\"${bleg_uuid}\",\"${accountcode}\","
            + "\"${read_codec}\",\"${write_codec}\"";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final Map<String, Integer> MAX_LENGTHS = Map.of("uuid", 100, "caller_id_number", 100,
            "destination_number", 100, "accountcode", 100, "context", 100);

    /** Q.850 causes, as FreeSWITCH names them, of a call that was not answered. */
    private static final Set<String> BUSY = Set.of("USER_BUSY");
    private static final Set<String> NO_ANSWER = Set.of("NO_ANSWER", "NO_USER_RESPONSE", "ORIGINATOR_CANCEL",
            "NORMAL_CLEARING");
    private static final Set<String> CONGESTION = Set.of("NORMAL_CIRCUIT_CONGESTION", "SWITCH_CONGESTION");

    private final List<String> columns;
    private final Set<String> variables;
    private final ZoneId zone;
    private final DateWindow startTimes;

    private FreeSwitchCdrFormat(List<String> columns, ZoneId zone, DateWindow startTimes) {
        this.columns = columns;
        this.variables = new HashSet<>(columns);
        this.zone = zone;
        this.startTimes = startTimes;
    }

    /** The example template, stamps read in the server's zone. */
    public static FreeSwitchCdrFormat of(ZoneId zone) {
        return of(EXAMPLE_TEMPLATE, zone);
    }

    /**
     * The template as written in cdr_csv.conf.xml (without XML escapes); throws
     * IllegalArgumentException when it lacks what a call record needs.
     */
    public static FreeSwitchCdrFormat of(String template, ZoneId zone) {
        List<String> fields;
        try {
            fields = CsvFields.split(template.strip(), false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("template is not a CSV line: " + e.getMessage(), e);
        }
        List<String> columns = new ArrayList<>();
        for (String field : fields) {
            Matcher variable = VARIABLE.matcher(field.strip());
            String name = variable.matches() ? variable.group(1).toLowerCase(Locale.ROOT) : "#" + (columns.size() + 1);
            columns.add(columns.contains(name) ? "#" + (columns.size() + 1) : name);
        }
        List<String> missing = new ArrayList<>();
        for (String needed : List.of("caller_id_number", "destination_number", "billsec")) {
            if (!columns.contains(needed)) {
                missing.add("${" + needed + "}");
            }
        }
        for (String time : List.of("start", "end")) {
            if (!columns.contains(time + "_stamp") && !columns.contains(time + "_epoch")) {
                missing.add("${" + time + "_stamp} or ${" + time + "_epoch}");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("template has no " + String.join(", ", missing) + ": " + template);
        }
        return new FreeSwitchCdrFormat(List.copyOf(columns), zone, DateWindow.ANY);
    }

    /** Refuses a call that started outside the window (1970, next year). */
    public FreeSwitchCdrFormat within(DateWindow window) {
        return new FreeSwitchCdrFormat(columns, zone, window);
    }

    @Override
    public boolean doubledQuotes() {
        return false;
    }

    /** The template's variables in order ("#14" for a column that is not a single variable). */
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
        String destination = row.required("destination_number");
        long billSeconds = AsteriskCdrFormat.seconds(row, "billsec");
        Long duration = variables.contains("duration") ? AsteriskCdrFormat.seconds(row, "duration") : null;
        List<Instant> starts = time(row, "start");
        List<Instant> ends = time(row, "end");
        List<Instant> answers = variables.contains("answer_stamp") || variables.contains("answer_epoch")
                ? time(row, "answer") : null;
        if (answers != null && answers.isEmpty() && billSeconds > 0) {
            throw new FieldException("billsec", "billed seconds but no answer time: " + Row.quote(billSeconds));
        }
        String endColumn = variables.contains("end_epoch") ? "end_epoch" : "end_stamp";
        CallTimes times = CallTimes.resolve(starts, answers == null || answers.isEmpty() ? null : answers, ends,
                duration, billSeconds, endColumn, row.optional(endColumn));
        long seconds = duration != null ? duration : Duration.between(times.start(), times.end()).getSeconds();
        if (billSeconds > seconds) {
            throw new FieldException("billsec", "more than the duration (" + seconds + "): " + Row.quote(billSeconds));
        }
        String startColumn = variables.contains("start_epoch") ? "start_epoch" : "start_stamp";
        if (!startTimes.contains(LocalDateTime.ofInstant(times.start(), zone))) {
            throw new FieldException(startColumn, "outside the plausible window " + startTimes + ": "
                    + Row.quote(row.optional(startColumn)));
        }
        boolean answered = answers == null ? billSeconds > 0 : times.answer() != null;
        String cause = variables.contains("hangup_cause") ? row.optional("hangup_cause") : null;
        String callId = variables.contains("uuid") ? row.required("uuid") : AsteriskCdrFormat.digest(row, columns);
        return new CallRecord(callId, optional(row, "accountcode"), row.optional("caller_id_number"), destination,
                optional(row, "context"), times.start(), times.answer(), times.end(), seconds, billSeconds,
                disposition(answered, cause), cause);
    }

    /** The one instant of start, answer or end (empty when unanswered); two in the autumn's repeated hour. */
    private List<Instant> time(Row row, String moment) {
        if (variables.contains(moment + "_epoch")) {
            if (moment.equals("answer") && row.optional("answer_epoch") == null) {
                return List.of();
            }
            long epoch = row.wholeNumber(moment + "_epoch");
            // FreeSWITCH writes 0 for a moment that did not happen (an answer)
            return epoch == 0 ? List.of() : List.of(Instant.ofEpochSecond(epoch));
        }
        String text = moment.equals("answer") ? row.optional(moment + "_stamp") : row.required(moment + "_stamp");
        return text == null ? List.of() : LocalTimes.candidates(moment + "_stamp", text, zone);
    }

    private String optional(Row row, String variable) {
        return variables.contains(variable) ? row.optional(variable) : null;
    }

    /** Answered, else what the hangup cause says; a cause of failure (or none known) is FAILED. */
    static CallDisposition disposition(boolean answered, String cause) {
        if (answered) {
            return CallDisposition.ANSWERED;
        }
        if (cause == null || NO_ANSWER.contains(cause)) {
            return CallDisposition.NO_ANSWER;
        }
        if (BUSY.contains(cause)) {
            return CallDisposition.BUSY;
        }
        return CONGESTION.contains(cause) ? CallDisposition.CONGESTION : CallDisposition.FAILED;
    }
}
