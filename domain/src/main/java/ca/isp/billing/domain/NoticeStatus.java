package ca.isp.billing.domain;

/**
 * A notice's progress in its outbox: PENDING (queued, or not taken by the provider last time) ->
 * SENDING (claimed by the run sending it; PENDING again if that run died) -> SENT; ATTENTION when
 * a person must fix something (a refused address); SKIPPED when it is never to be sent (a usage
 * threshold passed the same day as a higher one, whose alert says more).
 */
public enum NoticeStatus {
    PENDING, SENDING, SENT, ATTENTION, SKIPPED
}
