package ca.isp.billing.jobs.collections;

import java.time.LocalDate;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.domain.AccountStatus;
import ca.isp.billing.domain.DelinquencyPolicy;

/**
 * Flags an account DELINQUENT when the DelinquencyPolicy says so, and back to ACTIVE once it
 * no longer does (paid up). Accounts whose status stays the same pass without a write, and so
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
        boolean delinquent = policy.isDelinquent(account.oldestUnpaidDueDate(), account.overdueAmount(), asOf);
        AccountStatus target = delinquent ? AccountStatus.DELINQUENT : AccountStatus.ACTIVE;
        if (target == account.status()) {
            return null;
        }
        return new StatusChange(account.accountId(), account.status(), target, asOf, account.overdueAmount(),
                account.oldestUnpaidDueDate());
    }
}
