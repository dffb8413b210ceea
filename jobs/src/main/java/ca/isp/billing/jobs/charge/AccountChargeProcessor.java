package ca.isp.billing.jobs.charge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.domain.BillingPeriod;
import ca.isp.billing.domain.CatchUpLimit;
import ca.isp.billing.domain.ChargeResult;
import ca.isp.billing.domain.InvoiceLimits;
import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.LateFeePolicy;
import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.Plan;
import ca.isp.billing.domain.PlanCharger;
import ca.isp.billing.domain.Subscription;
import ca.isp.billing.domain.UsageCharger;
import ca.isp.billing.jobs.charge.AccountToBill.PendingLateFee;
import ca.isp.billing.jobs.charge.AccountToBill.UsageTotals;

/**
 * Charges one account: its plans in advance (PlanCharger), its unbilled usage in arrears, each
 * account period against its own allowance (UsageCharger), and the late fees assessed since its
 * last invoice. Two accounts are left uncharged, each logged at ERROR, and the cycle goes on:
 * one more periods behind than the catch-up limit allows without --force (CatchUpLimit), and one
 * whose charges no invoice can hold (InvoiceLimits: bad usage data). Both keep their next bill
 * date, so a later run charges them once the operator has decided.
 */
public class AccountChargeProcessor implements ItemProcessor<AccountToBill, DraftInvoice> {

    private static final Logger log = LoggerFactory.getLogger(AccountChargeProcessor.class);

    private final LocalDate cycleDate;
    private final Map<String, Plan> plans;
    private final CatchUpLimit catchUp;
    private final boolean forced;
    private final PlanCharger planCharger = new PlanCharger();
    private final UsageCharger usageCharger = new UsageCharger();

    public AccountChargeProcessor(LocalDate cycleDate, Map<String, Plan> plans, CatchUpLimit catchUp, boolean forced) {
        this.cycleDate = cycleDate;
        this.plans = plans;
        this.catchUp = catchUp;
        this.forced = forced;
    }

    /** The draft invoice, or null (the account is left as it is) when it must not be charged now. */
    @Override
    public DraftInvoice process(AccountToBill account) {
        if (!forced && catchUp.needsForce(account.nextBillDate(), cycleDate)) {
            log.error("account {}: next bill date {} is more than {} periods before the cycle date {} ({} periods"
                            + " behind): not charged. If the date is right, charge it with: ./run.sh rerun --cycle-date"
                            + " {} --force",
                    account.accountNumber(), account.nextBillDate(), catchUp.maxPeriodsBehind(), cycleDate,
                    CatchUpLimit.periodsBehind(account.nextBillDate(), cycleDate), cycleDate);
            return null;
        }
        ChargeResult charged = planCharger.charge(account.nextBillDate(), cycleDate, account.subscriptions(), plans,
                account.language());
        List<InvoiceLine> lines = new ArrayList<>(charged.lines());

        // Each month of usage against that month's allowance.
        for (Subscription subscription : account.subscriptions()) {
            for (UsageTotals usage : account.usageBySubscription().getOrDefault(subscription.subscriptionId(), List.of())) {
                lines.addAll(usageCharger.charge(subscription, plans.get(subscription.planCode()), usage.period(),
                        usage.dataBytes(), usage.voiceMinutes(), account.language()));
            }
        }
        List<Long> lateFeeIds = new ArrayList<>();
        for (PendingLateFee fee : account.lateFees()) {
            LateFeePolicy assessed = new LateFeePolicy(fee.policyCode(), fee.amount(), 0, Money.ZERO);
            lines.add(assessed.feeLine(fee.invoiceNumber(), fee.dueDate(), account.language()));
            lateFeeIds.add(fee.lateFeeId());
        }
        String tooLarge = InvoiceLimits.refusal(lines);
        if (tooLarge != null) {
            log.error("account {}: {}: not charged. Its usage records cannot be right: correct them, then rerun the"
                    + " cycle", account.accountNumber(), tooLarge);
            return null;
        }
        List<BillingPeriod> periods = charged.periodsBilled();
        LocalDate periodStart = periods.isEmpty() ? account.nextBillDate() : periods.get(0).start();
        LocalDate periodEnd = periods.isEmpty() ? cycleDate : periods.get(periods.size() - 1).lastDay();
        return new DraftInvoice(account.accountId(), cycleDate,
                periodStart, periodEnd, account.language(), account.currency(), lines, account.nextBillDate(),
                charged.newNextBillDate(), account.nextBillDate(), lateFeeIds);
    }
}
