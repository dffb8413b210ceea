package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Hand-worked write-off dates, and a written-off account that a clean balance does not bring back. */
class WriteOffPolicyTest {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 20);

    @Test
    void anInvoiceIsWrittenOffItsDaysAfterItsDueDateOnceTheServiceIsCut() {
        WriteOffPolicy policy = new WriteOffPolicy(120);
        // due Mar 20 + 120 days: Mar 20 -> Apr 19 (30) -> May 19 (60) -> Jun 18 (90) -> Jul 18 (120)
        assertThat(policy.writesOff(DUE, AccountStatus.SUSPENDED, LocalDate.of(2026, 7, 17))).isFalse();
        assertThat(policy.writesOff(DUE, AccountStatus.SUSPENDED, LocalDate.of(2026, 7, 18))).isTrue();
        assertThat(policy.writesOff(DUE, AccountStatus.SUSPENDED, LocalDate.of(2026, 12, 1))).isTrue();
        // a customer whose service still runs is still being collected from: never written off
        assertThat(policy.writesOff(DUE, AccountStatus.DELINQUENT, LocalDate.of(2026, 12, 1))).isFalse();
        assertThat(policy.writesOff(DUE, AccountStatus.ACTIVE, LocalDate.of(2026, 12, 1))).isFalse();
    }

    @Test
    void zeroDaysWritesNothingOffAndNegativeIsRefused() {
        assertThat(new WriteOffPolicy(0).writesOff(DUE, AccountStatus.SUSPENDED, LocalDate.of(2030, 1, 1))).isFalse();
        assertThatThrownBy(() -> new WriteOffPolicy(-1)).hasMessageContaining("billing.write-off.after-days");
    }

    @Test
    void aWrittenOffAccountStaysSoWhenNothingIsOverdueAnyMore() {
        DelinquencyPolicy delinquency = new DelinquencyPolicy(30, new BigDecimal("10.00"));
        // its invoices written off, nothing is overdue: a suspended account would be restored, this one not
        assertThat(delinquency.next(AccountStatus.SUSPENDED, DUE, null, Money.ZERO, LocalDate.of(2026, 8, 1)))
                .isEqualTo(AccountStatus.ACTIVE);
        assertThat(delinquency.next(AccountStatus.WRITTEN_OFF, DUE, null, Money.ZERO, LocalDate.of(2026, 8, 1)))
                .isEqualTo(AccountStatus.WRITTEN_OFF);
    }

    @Test
    void aBalanceReopenedOnAWrittenOffAccountIsWrittenOffAgainWhateverTheSettings() {
        // a returned payment reopens 40.00 on a written-off account: nothing bills it, so it is written off again
        assertThat(new WriteOffPolicy(90).writesOffAgain(AccountStatus.WRITTEN_OFF)).isTrue();
        assertThat(new WriteOffPolicy(0).writesOffAgain(AccountStatus.WRITTEN_OFF)).isTrue();
        assertThat(new WriteOffPolicy(90).writesOffAgain(AccountStatus.SUSPENDED)).isFalse();
    }
}
