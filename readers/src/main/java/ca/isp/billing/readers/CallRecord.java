package ca.isp.billing.readers;

import java.time.Instant;

/**
 * One call detail record, whatever wrote it (Asterisk, FreeSWITCH, a collector's own CSV).
 * Times are instants: the file's local times read in the zone it was written in, so a rating in
 * the ISP's own zone (time-of-day bands) and an order across a daylight-saving change are right.
 *
 * @param callId          the record's unique id in its source: the de-duplication key
 * @param accountCode     the account code the switch gave the call, or null
 * @param caller          the calling number (Asterisk src, FreeSWITCH caller_id_number), or null when withheld
 * @param destination     the number dialed
 * @param context         the dialplan context of the destination, or null
 * @param answer          null when the call was not answered
 * @param durationSeconds from start to end
 * @param billSeconds     from answer to end: what is billed; 0 when not answered
 * @param cause           the switch's own reason (FreeSWITCH hangup_cause), or null
 */
public record CallRecord(String callId, String accountCode, String caller, String destination, String context,
                         Instant start, Instant answer, Instant end, long durationSeconds, long billSeconds,
                         CallDisposition disposition, String cause) {

    /** The longest call read: 24 hours, as for VOICE usage records. */
    static final long MAX_SECONDS = UsageFormat.MAX_VOICE_SECONDS;

    public boolean answered() {
        return answer != null;
    }
}
