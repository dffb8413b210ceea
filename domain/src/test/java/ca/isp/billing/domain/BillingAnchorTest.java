package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillingAnchorTest {

    private static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);

    @Test
    void theDayChangesOnTheDateOfTheChange() {
        BillingAnchor anchor = BillingAnchor.of(1).changedFrom(APR_1, 15);

        assertThat(anchor.dayOn(APR_1.minusDays(1))).isEqualTo(BillDay.of(1));
        assertThat(anchor.dayOn(APR_1)).isEqualTo(BillDay.of(15));
    }

    @Test
    void theNextBillDateIsOnTheAnchorOrTheDayOfAChange() {
        assertThat(BillingAnchor.of(31).nextBillDate(LocalDate.of(2026, 1, 31))).isEqualTo("2026-02-28");
        assertThat(BillingAnchor.of(31).nextBillDate(LocalDate.of(2026, 2, 28))).isEqualTo("2026-03-31");
        // a change from Mar 10: its stub begins there, before the old day's Apr 1
        BillingAnchor changed = BillingAnchor.of(1).changedFrom(LocalDate.of(2026, 3, 10), 20);
        assertThat(changed.nextBillDate(LocalDate.of(2026, 3, 1))).isEqualTo("2026-03-10");
        assertThat(changed.nextBillDate(LocalDate.of(2026, 3, 10))).isEqualTo("2026-03-20");
    }

    @Test
    void aChangeOnTheSameDateReplacesTheFormerOne() {
        BillingAnchor anchor = BillingAnchor.of(1).changedFrom(APR_1, 15).changedFrom(APR_1, 20);

        assertThat(anchor.changes()).containsExactly(new BillingAnchor.Change(APR_1, BillDay.of(20)));
        assertThatThrownBy(() -> new BillingAnchor(BillDay.of(1), List.of(new BillingAnchor.Change(APR_1, BillDay.of(2)),
                new BillingAnchor.Change(APR_1, BillDay.of(3))))).hasMessage("two bill-day changes on 2026-04-01");
    }
}
