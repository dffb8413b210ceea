package ca.isp.billing.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How late an open invoice is on a given day, in the receivables ageing's usual columns: not
 * yet due (due that day or later), 1-30, 31-60, 61-90 and over 90 days past its due date.
 */
public enum AgeingBucket {
    NOT_DUE("not due"), DAYS_1_30("1-30 days"), DAYS_31_60("31-60 days"), DAYS_61_90("61-90 days"),
    DAYS_OVER_90("over 90 days");

    private final String label;

    AgeingBucket(String label) {
        this.label = label;
    }

    /** The words a report prints: "not due", "1-30 days", ... */
    public String label() {
        return label;
    }

    public static AgeingBucket of(LocalDate dueDate, LocalDate asOf) {
        long late = ChronoUnit.DAYS.between(dueDate, asOf);
        if (late <= 0) {
            return NOT_DUE;
        }
        return late <= 30 ? DAYS_1_30 : late <= 60 ? DAYS_31_60 : late <= 90 ? DAYS_61_90 : DAYS_OVER_90;
    }
}
