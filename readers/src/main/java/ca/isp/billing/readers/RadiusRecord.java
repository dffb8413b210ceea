package ca.isp.billing.readers;

import java.time.Instant;

/**
 * One accounting record of a FreeRADIUS detail file. A session's records (Start, Interim-Update,
 * Stop) carry its cumulative counters; a NAS's (Accounting-On, Accounting-Off) have no session,
 * user or counters (null, 0).
 *
 * @param nasIp          NAS-IP-Address (or NAS-IPv6-Address; else the file's folder, the packet's source)
 * @param sessionId      Acct-Session-Id, the NAS's id for the session
 * @param uniqueId       Acct-Unique-Session-Id (FreeRADIUS's hash of user, session id, NAS and port),
 *                       else nasIp:sessionId: the key that groups a session's records
 * @param userName       User-Name, with or without its realm as configured ({@link RealmHandling})
 * @param realm          the part after the last '@' of User-Name, or null
 * @param eventTime      when the NAS counted: see {@link FreeRadiusDetailReader} for which time wins
 * @param uploadBytes    Acct-Input-Gigawords x 2^32 + Acct-Input-Octets: what the subscriber sent
 * @param downloadBytes  Acct-Output-Gigawords x 2^32 + Acct-Output-Octets: what it received
 * @param sessionSeconds Acct-Session-Time
 * @param line           the line of the record's header in its file
 */
public record RadiusRecord(String nasIp, AcctStatusType status, String sessionId, String uniqueId,
                           String userName, String realm, String framedIp, Instant eventTime,
                           long uploadBytes, long downloadBytes, long sessionSeconds, String terminateCause,
                           String file, long line) {
}
