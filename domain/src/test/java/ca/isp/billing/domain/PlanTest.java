package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void nameFollowsTheLanguage() {
        Plan plan = new Plan("FIBRE-100", "Fibre 100 home", "Fibre 100 résidentiel", PlanKind.INTERNET,
                new BigDecimal("49.99"), 1, null, null, null);

        assertThat(plan.name(Language.EN)).isEqualTo("Fibre 100 home");
        assertThat(plan.name(Language.FR)).isEqualTo("Fibre 100 résidentiel");
    }

    @Test
    void allowanceNeedsAnOveragePrice() {
        assertThatThrownBy(() -> new Plan("CAP-250", "Capped", "Plafonné", PlanKind.INTERNET,
                new BigDecimal("39.99"), 1, new BigDecimal("250"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plan CAP-250: overage_per_gb is required when included_gb is set");
    }

    @Test
    void periodIsAtLeastOneMonth() {
        assertThatThrownBy(() -> new Plan("ZERO", "Zero", "Zéro", PlanKind.INTERNET,
                new BigDecimal("39.99"), 0, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plan ZERO: period_months must be 1 or more: 0");
    }

    @Test
    void subscriptionIsActiveDuringAnyDayOfThePeriod() {
        BillingPeriod november = BillingPeriod.ofMonths(LocalDate.parse("2026-11-01"), 1);

        assertThat(subscription("2026-11-30", null).isActiveDuring(november)).isTrue();          // last day
        assertThat(subscription("2026-01-01", "2026-11-01").isActiveDuring(november)).isTrue();  // first day
        assertThat(subscription("2026-12-01", null).isActiveDuring(november)).isFalse();         // starts after
        assertThat(subscription("2026-01-01", "2026-10-31").isActiveDuring(november)).isFalse(); // ended before
    }

    @Test
    void subscriptionCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> subscription("2026-11-10", "2026-11-09"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subscription S1: end_date 2026-11-09 is before start_date 2026-11-10");
    }

    private static Subscription subscription(String start, String end) {
        return new Subscription("S1", "FIBRE-100", "user1", LocalDate.parse(start),
                end == null ? null : LocalDate.parse(end));
    }
}
