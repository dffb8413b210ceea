package ca.isp.billing.jobs.charge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.domain.BillingPeriod;
import ca.isp.billing.domain.ChargeResult;
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
 * last invoice.
 */
public class AccountChargeProcessor implements ItemProcessor<AccountToBill, DraftInvoice> {

    private final LocalDate cycleDate;
    private final Map<String, Plan> plans;
    private final PlanCharger planCharger = new PlanCharger();
    private final UsageCharger usageCharger = new UsageCharger();

    public AccountChargeProcessor(LocalDate cycleDate, Map<String, Plan> plans) {
        this.cycleDate = cycleDate;
        this.plans = plans;
    }

    @Override
    public DraftInvoice process(AccountToBill account) {
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
        List<BillingPeriod> periods = charged.periodsBilled();
        LocalDate periodStart = periods.isEmpty() ? account.nextBillDate() : periods.get(0).start();
        LocalDate periodEnd = periods.isEmpty() ? cycleDate : periods.get(periods.size() - 1).lastDay();
        return new DraftInvoice(account.accountId(), cycleDate,
                periodStart, periodEnd, account.language(), account.currency(), lines, account.nextBillDate(),
                charged.newNextBillDate(), account.nextBillDate(), lateFeeIds);
    }
}
