package ca.isp.billing.readers;

import java.time.LocalDateTime;

/** One line of a usage file: DATA in bytes or VOICE in seconds, keyed by source + recordId. */
public record UsageRow(String source, String recordId, String serviceId, String usageType,
                       LocalDateTime startTime, long quantity) {
}
