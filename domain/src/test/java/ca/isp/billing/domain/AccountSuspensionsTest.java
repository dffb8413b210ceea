package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ca.isp.billing.domain.AccountSuspensions.StatusChange;
import ca.isp.billing.domain.SubscriptionHistory.Suspension;

class AccountSuspensionsTest {

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void suspendedFromTheDayItBecameSoToTheDayItStoppedBeingSo() {
        List<StatusChange> changes = List.of(
                new StatusChange(d("2026-11-09"), AccountStatus.ACTIVE, AccountStatus.DELINQUENT),
                new StatusChange(d("2026-11-16"), AccountStatus.DELINQUENT, AccountStatus.SUSPENDED),
                new StatusChange(d("2026-12-03"), AccountStatus.SUSPENDED, AccountStatus.ACTIVE),
                new StatusChange(d("2027-01-20"), AccountStatus.DELINQUENT, AccountStatus.SUSPENDED));
        assertThat(AccountSuspensions.periods(changes)).containsExactly(
                new Suspension(d("2026-11-16"), d("2026-12-03")), new Suspension(d("2027-01-20"), null));
    }

    @Test
    void mergedWithTheSubscriptionsOwnAndClippedToItsStart() {
        List<Suspension> own = List.of(new Suspension(d("2026-11-01"), d("2026-11-20")));
        List<Suspension> account = List.of(new Suspension(d("2026-10-01"), d("2026-10-10")),
                new Suspension(d("2026-11-16"), d("2026-12-03")), new Suspension(d("2027-01-20"), null));
        // subscription from 2026-10-05: the first clipped to 10-05..10-10; 11-01..11-20 and 11-16..12-03 join
        assertThat(AccountSuspensions.merge(d("2026-10-05"), own, account)).containsExactly(
                new Suspension(d("2026-10-05"), d("2026-10-10")), new Suspension(d("2026-11-01"), d("2026-12-03")),
                new Suspension(d("2027-01-20"), null));
    }
}
