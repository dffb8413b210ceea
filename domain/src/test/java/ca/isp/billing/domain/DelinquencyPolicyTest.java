package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelinquencyPolicyTest {

    // Delinquent 30 days after the oldest unpaid due date, when at least 50.00 is overdue.
    private static final DelinquencyPolicy POLICY = new DelinquencyPolicy(30, new BigDecimal("50.00"));

    @ParameterizedTest(name = "due {0}, {1} overdue, as of {2} -> {3}")
    @CsvSource({
            "2026-10-22, 120.00, 2026-11-20, false",  // 29 days past due
            "2026-10-22, 120.00, 2026-11-21, true",   // 22 Oct + 30 days = 21 Nov
            "2026-10-22, 120.00, 2027-01-05, true",
            "2026-10-22, 50.00, 2026-11-21, true",    // exactly the minimum
            "2026-10-22, 49.99, 2026-12-31, false",   // too little overdue
            ", 120.00, 2026-12-31, false"})           // nothing overdue
    void delinquentOnceLongEnoughAndEnoughOverdue(LocalDate oldestDue, BigDecimal overdue, LocalDate asOf,
                                                  boolean expected) {
        assertThat(POLICY.isOverdue(oldestDue, overdue, asOf)).isEqualTo(expected);
    }
}
