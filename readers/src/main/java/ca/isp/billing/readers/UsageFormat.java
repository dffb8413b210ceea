package ca.isp.billing.readers;

import java.util.List;

/** Generic usage files (var/inbox/usage/*.csv). */
public final class UsageFormat implements RowFormat<UsageRow> {

    public static final UsageFormat INSTANCE = new UsageFormat();

    private static final List<String> REQUIRED = List.of(
            "record_id", "source", "service_id", "usage_type", "start_time", "quantity");

    @Override
    public List<String> columns() {
        return REQUIRED; // every column is required
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public UsageRow parse(Row row) {
        String recordId = row.required("record_id");
        String source = row.required("source");
        String serviceId = row.required("service_id");
        String usageType = row.oneOf("usage_type", "DATA", "VOICE");
        return new UsageRow(source, recordId, serviceId, usageType,
                row.timestamp("start_time"), row.wholeNumber("quantity"));
    }
}
