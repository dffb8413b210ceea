package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionHistoryTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 1);

    @Test
    void answersWhatIsInForceOnADay() {
        SubscriptionHistory history = SubscriptionHistory.starting("S1", START, "NET50")
                .planFrom(LocalDate.of(2026, 3, 11), "NET60")
                .quantityFrom(LocalDate.of(2026, 3, 20), 3)
                .suspended(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 10));

        assertThat(history.planOn(LocalDate.of(2026, 3, 10))).isEqualTo("NET50");
        assertThat(history.planOn(LocalDate.of(2026, 3, 11))).isEqualTo("NET60");
        assertThat(history.quantityOn(LocalDate.of(2026, 3, 19))).isEqualTo(1);
        assertThat(history.quantityOn(LocalDate.of(2026, 3, 20))).isEqualTo(3);
        // the reactivation day is a day of service
        assertThat(history.suspendedOn(LocalDate.of(2026, 4, 9))).isTrue();
        assertThat(history.suspendedOn(LocalDate.of(2026, 4, 10))).isFalse();
    }

    @Test
    void anEndDateCanBeSetAndRemoved() {
        SubscriptionHistory history = SubscriptionHistory.starting("S1", START, "NET50");

        assertThat(history.cancelledFrom(LocalDate.of(2026, 3, 21)).cancelledFrom()).isEqualTo("2026-03-21");
        assertThat(history.cancelledFrom(LocalDate.of(2026, 3, 21)).notCancelled()).isEqualTo(history);
    }

    @Test
    void refusesAHistoryThatCannotHaveHappened() {
        SubscriptionHistory history = SubscriptionHistory.starting("S1", START, "NET50");

        assertThatThrownBy(() -> history.cancelledFrom(START.minusDays(1)))
                .hasMessage("subscription S1: cancelled from 2026-02-28, before its start 2026-03-01");
        assertThatThrownBy(() -> history.planFrom(START.minusDays(1), "NET60"))
                .hasMessage("subscription S1: its first plan must be from its start 2026-03-01");
        assertThatThrownBy(() -> history.suspended(LocalDate.of(2026, 4, 1), null).suspended(LocalDate.of(2026, 5, 1), null))
                .hasMessage("subscription S1: suspensions overlap on 2026-05-01");
        assertThatThrownBy(() -> history.suspended(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1)))
                .hasMessage("suspension from 2026-04-01 ends on 2026-04-01, not after");
        assertThatThrownBy(() -> history.quantityFrom(START, 0)).hasMessage("quantity must be 1 or more: 0");
        assertThatThrownBy(() -> new SubscriptionHistory("S1", START, null, List.of(), List.of(), List.of()))
                .hasMessage("subscription S1: its first plan must be from its start 2026-03-01");
    }
}
