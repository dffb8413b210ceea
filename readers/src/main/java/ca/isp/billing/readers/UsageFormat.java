package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Generic usage files (var/inbox/usage/*.csv). */
public final class UsageFormat implements RowFormat<UsageRow> {

    /** Any start time: for the header, and tests of other things; the ingest reads {@link #within}. */
    public static final UsageFormat INSTANCE = new UsageFormat(DateWindow.ANY);

    /**
     * The most one DATA record (one session) can hold: 10^15 bytes, 1 PB, a 1 Gb/s line full for
     * three months. More is a broken counter (2^63 - 1), and many such records would overflow a sum.
     */
    static final long MAX_DATA_BYTES = 1_000_000_000_000_000L;
    /** The longest VOICE record (one call): 24 hours. */
    static final long MAX_VOICE_SECONDS = 86_400;

    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "record_id", 100, "source", 50, "service_id", 100);

    private static final List<String> REQUIRED = List.of(
            "record_id", "source", "service_id", "usage_type", "start_time", "quantity");

    private final DateWindow startTimes;

    private UsageFormat(DateWindow startTimes) {
        this.startTimes = startTimes;
    }

    /** Refuses a record that started outside the window (1900, or next year). */
    public static UsageFormat within(DateWindow startTimes) {
        return new UsageFormat(startTimes);
    }

    @Override
    public List<String> columns() {
        return REQUIRED; // every column is required
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
    public UsageRow parse(Row row) {
        String recordId = row.identifier("record_id", Identifier.RECORD_ID);
        String source = row.identifier("source", Identifier.CODE);
        String serviceId = row.identifier("service_id", Identifier.SERVICE_ID);
        String usageType = row.oneOf("usage_type", "DATA", "VOICE");
        LocalDateTime startTime = row.within("start_time", row.timestamp("start_time"), startTimes);
        long quantity = row.wholeNumber("quantity");
        if ("DATA".equals(usageType) && quantity > MAX_DATA_BYTES) {
            throw new FieldException("quantity", "more than " + MAX_DATA_BYTES + " bytes (1 PB) in one DATA record: "
                    + Row.quote(row.required("quantity")));
        }
        if ("VOICE".equals(usageType) && quantity > MAX_VOICE_SECONDS) {
            throw new FieldException("quantity", "more than " + MAX_VOICE_SECONDS
                    + " seconds (24 hours) in one VOICE record: " + Row.quote(row.required("quantity")));
        }
        return new UsageRow(source, recordId, serviceId, usageType, startTime, quantity);
    }
}
