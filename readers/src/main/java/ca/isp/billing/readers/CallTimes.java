package ca.isp.billing.readers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A call's start, answer and end as instants, from the candidates of their local times
 * ({@link LocalTimes#candidates}). Outside the autumn hour that happens twice each has one
 * candidate. Inside it, start and end are the pair that lasts the call's duration (when the
 * file gives one, else the shortest pair that does not run backwards), and the answer is the
 * one that leaves the billed seconds before the end.
 */
record CallTimes(Instant start, Instant answer, Instant end) {

    /** Null duration or billSeconds: not in the file. Null answers: not answered. */
    static CallTimes resolve(List<Instant> starts, List<Instant> answers, List<Instant> ends, Long duration,
                             Long billSeconds, String endColumn, String endText) {
        Instant bestStart = null;
        Instant bestEnd = null;
        long bestGap = Long.MAX_VALUE;
        for (Instant start : starts) {
            for (Instant end : ends) {
                long seconds = Duration.between(start, end).getSeconds();
                long gap = duration == null ? seconds : Math.abs(seconds - duration);
                if (seconds >= 0 && gap < bestGap) {
                    bestStart = start;
                    bestEnd = end;
                    bestGap = gap;
                }
            }
        }
        if (bestStart == null) {
            throw new FieldException(endColumn, "before the start of the call: " + Row.quote(endText));
        }
        Instant answer = null;
        if (answers != null) {
            Instant expected = billSeconds == null ? bestStart : bestEnd.minusSeconds(billSeconds);
            answer = LocalTimes.nearest(answers, expected);
        }
        return new CallTimes(bestStart, answer, bestEnd);
    }
}
