package ca.isp.billing.jobs.collections;

import java.time.LocalDate;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.domain.AccountStatus;
import ca.isp.billing.domain.DelinquencyPolicy;

/**
 * Moves an account to the status the DelinquencyPolicy gives (DELINQUENT, SUSPENDED on the
 * collections calendar's allowed days; ACTIVE again once paid up). Accounts whose status stays the same pass without a write, and so
 * do accounts whose status was set on a later date: rerunning an older cycle must not undo a
 * newer cycle's decision.
 */
public class DelinquencyProcessor implements ItemProcessor<AccountStanding, StatusChange> {

    private final DelinquencyPolicy policy;
    private final LocalDate asOf;

    public DelinquencyProcessor(DelinquencyPolicy policy, LocalDate asOf) {
        this.policy = policy;
        this.asOf = asOf;
    }

    @Override
    public StatusChange process(AccountStanding account) {
        if (account.statusSince() != null && account.statusSince().isAfter(asOf)) {
            return null;
        }
        AccountStatus target = policy.next(account.status(), account.statusSince(), account.oldestUnpaidDueDate(),
                account.overdueAmount(), asOf);
        if (target == account.status()) {
            return null;
        }
        return new StatusChange(account.accountId(), account.status(), target, asOf, account.overdueAmount(),
                account.oldestUnpaidDueDate());
    }
}
