package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Days past due counted from the due date to the report's day: due that day is not late yet. */
class AgeingBucketTest {

    private static final LocalDate DUE = LocalDate.of(2026, 9, 21);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-09-01, NOT_DUE",      // before the due date
            "2026-09-21, NOT_DUE",      // on it: 0 days late
            "2026-09-22, DAYS_1_30",    // 1 day
            "2026-10-21, DAYS_1_30",    // 30 days (9 left in September + 21)
            "2026-10-22, DAYS_31_60",   // 31
            "2026-11-01, DAYS_31_60",   // 41: the run report test's opening balance on its cycle date
            "2026-11-20, DAYS_31_60",   // 60
            "2026-11-21, DAYS_61_90",   // 61
            "2026-12-20, DAYS_61_90",   // 90
            "2026-12-21, DAYS_OVER_90"  // 91
    })
    void daysPastDue(LocalDate asOf, AgeingBucket bucket) {
        assertThat(AgeingBucket.of(DUE, asOf)).isEqualTo(bucket);
    }

    @ParameterizedTest
    @CsvSource({"NOT_DUE, not due", "DAYS_1_30, 1-30 days", "DAYS_OVER_90, over 90 days"})
    void labels(AgeingBucket bucket, String label) {
        assertThat(bucket.label()).isEqualTo(label);
    }
}
