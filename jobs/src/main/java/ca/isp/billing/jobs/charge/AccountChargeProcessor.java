package ca.isp.billing.jobs.charge;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import ca.isp.billing.domain.BilledItem;
import ca.isp.billing.domain.CatchUpLimit;
import ca.isp.billing.domain.DailyBytes;
import ca.isp.billing.domain.DataCharger;
import ca.isp.billing.domain.DataTariff;
import ca.isp.billing.domain.DiscountItem;
import ca.isp.billing.domain.DiscountLine;
import ca.isp.billing.domain.IncludedMinutes;
import ca.isp.billing.domain.InvoiceLimits;
import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.LateFeeLine;
import ca.isp.billing.domain.LineType;
import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.Plan;
import ca.isp.billing.domain.RateTable;
import ca.isp.billing.domain.RecurringCharger;
import ca.isp.billing.domain.RecurringCharges;
import ca.isp.billing.domain.RecurringLine;
import ca.isp.billing.domain.Subscription;
import ca.isp.billing.domain.SubscriptionHistory;
import ca.isp.billing.domain.UsageCharger;
import ca.isp.billing.domain.UsageRater;
import ca.isp.billing.domain.UsageType;
import ca.isp.billing.domain.VoiceCharger;
import ca.isp.billing.domain.VoiceCharges;
import ca.isp.billing.domain.VoiceTariff;
import ca.isp.billing.jobs.charge.AccountToBill.PendingCharge;
import ca.isp.billing.jobs.charge.AccountToBill.PendingLateFee;
import ca.isp.billing.jobs.charge.AccountToBill.PeriodCalls;
import ca.isp.billing.jobs.charge.AccountToBill.UsageTotals;
import ca.isp.billing.jobs.rate.RateTables;

/**
 * Charges one account: its plans in advance and the repairs of terms billed before
 * (RecurringCharger: what the subscriptions as they are now owe minus what was billed), its
 * unbilled usage in arrears, each account period against its own allowance (UsageCharger; data
 * by the plan's consumption components where it has some, DataCharger; calls
 * the rate step priced with a rate table by VoiceCharger, one line per time band, against the
 * plan's included minutes), its discounts (DISCOUNT lines under the plan lines they discount, netted
 * as the plan is) and contract prices, the
 * late fees assessed since its last invoice, and its imported one-time charges and credits. Two accounts are left uncharged, each logged at
 * ERROR, and the cycle goes on: one more periods behind than the catch-up limit allows without
 * --force (CatchUpLimit), and one whose charges no invoice can hold (InvoiceLimits: bad usage
 * data). Both keep their next bill date, so a later run charges them once the operator has decided.
 */
public class AccountChargeProcessor implements ItemProcessor<AccountToBill, DraftInvoice> {

    private static final Logger log = LoggerFactory.getLogger(AccountChargeProcessor.class);

    private final LocalDate cycleDate;
    private final Map<String, Plan> plans;
    private final RecurringCharger recurringCharger;
    private final CatchUpLimit catchUp;
    private final boolean forced;
    private final RateTables rateTables;
    private final Map<String, Long> includedMinutes;
    private final DataTariffs dataTariffs;
    private final UsageCharger usageCharger = new UsageCharger();
    private final DataCharger dataCharger = new DataCharger();
    private final VoiceCharger voiceCharger = new VoiceCharger();

    public AccountChargeProcessor(LocalDate cycleDate, Map<String, Plan> plans, RecurringCharger recurringCharger,
                                  CatchUpLimit catchUp, boolean forced, RateTables rateTables,
                                  Map<String, Long> includedMinutes, DataTariffs dataTariffs) {
        this.cycleDate = cycleDate;
        this.plans = plans;
        this.recurringCharger = recurringCharger;
        this.catchUp = catchUp;
        this.forced = forced;
        this.rateTables = rateTables;
        this.includedMinutes = includedMinutes;
        this.dataTariffs = dataTariffs;
    }

    /**
     * The draft invoice, or null (the account is left as it is) when it must not be charged now.
     * A bilingual account is charged in English and in French, the same lines in the same order,
     * and each line's description is the two joined (Language.both): the invoice prints each half
     * in its own column.
     */
    @Override
    public DraftInvoice process(AccountToBill account) {
        if (account.language() != Language.BILINGUAL) {
            return charge(account, account.language());
        }
        DraftInvoice english = charge(account, Language.EN);
        if (english == null) {
            return null;
        }
        DraftInvoice french = charge(account, Language.FR);
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < english.lines().size(); i++) {
            InvoiceLine en = english.lines().get(i);
            InvoiceLine fr = french.lines().get(i);
            if (!en.lineKey().equals(fr.lineKey()) || en.amount().compareTo(fr.amount()) != 0) {
                throw new IllegalStateException("account " + account.accountNumber() + ": line " + en.lineKey()
                        + " charged in English is not " + fr.lineKey() + " charged in French");
            }
            lines.add(new InvoiceLine(en.type(), en.lineKey(), Language.both(en.description(), fr.description()),
                    en.reason(), en.periodStart(), en.periodEnd(), en.quantity(), en.unit(), en.unitPrice(),
                    en.amount()));
        }
        return new DraftInvoice(english.accountId(), english.cycleDate(), english.periodStart(), english.periodEnd(),
                Language.BILINGUAL, english.currency(), lines, english.itemsByLineKey(), english.discountsByLineKey(),
                english.previousNextBillDate(), english.newNextBillDate(), english.usageBefore(), english.lateFeeIds(),
                english.chargeIds(), english.usagePlansByLineKey());
    }

    private DraftInvoice charge(AccountToBill account, Language language) {
        if (!forced && catchUp.needsForce(account.nextBillDate(), cycleDate)) {
            log.error("account {}: next bill date {} is more than {} periods before the cycle date {} ({} periods"
                            + " behind): not charged. If the date is right, charge it with: ./run.sh rerun --cycle-date"
                            + " {} --force",
                    account.accountNumber(), account.nextBillDate(), catchUp.maxPeriodsBehind(), cycleDate,
                    CatchUpLimit.periodsBehind(account.nextBillDate(), cycleDate), cycleDate);
            return null;
        }
        RecurringCharges charges = recurringCharger.charge(account.anchor(), cycleDate, account.billingStart(),
                account.subscriptions(), account.billed(), account.commercial(), language);
        List<InvoiceLine> lines = new ArrayList<>();
        Map<String, BilledItem> items = new HashMap<>();
        Map<String, DiscountItem> discountItems = new HashMap<>();
        List<DiscountLine> discounts = new ArrayList<>(charges.discountLines());
        for (RecurringLine line : charges.lines()) {
            lines.add(line.line());
            items.put(line.line().lineKey(), line.item());
            // each discount right under the plan line of its term
            for (var it = discounts.iterator(); it.hasNext();) {
                DiscountLine discount = it.next();
                if (discount.item().subscriptionId().equals(line.item().subscriptionId())
                        && discount.item().planCode().equals(line.item().planCode())
                        && discount.item().term().equals(line.item().term())) {
                    lines.add(discount.line());
                    it.remove();
                }
            }
        }
        lines.addAll(discounts.stream().map(DiscountLine::line).toList());
        charges.discountLines().forEach(discount -> discountItems.put(discount.line().lineKey(), discount.item()));

        // Calls priced with a rate table, each period against the included minutes of the plan of its
        // last day. On a plan with no table that day (the plan changed), they are minutes at its price,
        // as any call of such a plan, added to that period's usage below.
        Map<String, Map<LocalDate, BigInteger>> minutesWithoutTable = new HashMap<>();
        // the plan each usage line was charged on: its revenue goes to that plan's GL account
        Map<String, String> usagePlans = new HashMap<>();
        for (SubscriptionHistory subscription : account.subscriptions()) {
            for (PeriodCalls calls : account.callsBySubscription().getOrDefault(subscription.subscriptionId(), List.of())) {
                String planCode = subscription.planOn(calls.period().lastDay());
                if (!rateTables.has(planCode)) {
                    long minutes = calls.calls().stream()
                            .mapToLong(call -> UsageRater.billableUnits(UsageType.VOICE, call.talkSeconds())).sum();
                    minutesWithoutTable.computeIfAbsent(subscription.subscriptionId(), k -> new HashMap<>())
                            .merge(calls.period().start(), BigInteger.valueOf(minutes), BigInteger::add);
                    continue;
                }
                RateTable table = rateTables.of(planCode);
                String refusal = table != null ? null
                        : "the rate table of plan " + planCode + " is refused: " + rateTables.refusal(planCode);
                VoiceCharges voice = null;
                if (table != null) {
                    VoiceTariff tariff = new VoiceTariff(planCode, table.code(), includedMinutes.getOrDefault(planCode, 0L));
                    // what the period's calls billed before left of the included minutes
                    IncludedMinutes left = voiceCharger.charge(subscription.subscriptionId(), tariff, table,
                            calls.period(), calls.billedBefore(), language).left();
                    voice = voiceCharger.charge(subscription.subscriptionId(), planCode, table, calls.period(),
                            calls.calls(), left, language);
                    if (!voice.gaps().isEmpty()) {
                        refusal = voice.gaps().size() + " of its calls have no rate now (" + voice.gaps().get(0).reason() + ")";
                    }
                }
                if (refusal != null) {
                    // Billing them at nothing would lose them (they would be marked billed): the account
                    // waits. A rerate makes them rating gaps (left out of billing), then the account is charged.
                    log.error("account {}: calls of {} in {}..{} were rated with a rate table, but {}: not charged."
                                    + " Fix the rates, or: ./run.sh rerate --from {} --to {}, then rerun the cycle",
                            account.accountNumber(), subscription.subscriptionId(), calls.period().start(),
                            calls.period().lastDay(), refusal, calls.period().start(), calls.period().end());
                    return null;
                }
                lines.addAll(voice.lines());
                voice.lines().forEach(line -> usagePlans.put(line.lineKey(), planCode));
            }
        }

        // Each account period of usage against that period's allowance, on the plan of its last day.
        for (SubscriptionHistory subscription : account.subscriptions()) {
            Map<LocalDate, BigInteger> moreMinutes = new HashMap<>(
                    minutesWithoutTable.getOrDefault(subscription.subscriptionId(), Map.of()));
            List<UsageTotals> periods = new ArrayList<>(
                    account.usageBySubscription().getOrDefault(subscription.subscriptionId(), List.of()));
            for (UsageTotals usage : periods) {
                BigInteger more = moreMinutes.remove(usage.period().start());
                if (more != null) {
                    periods.set(periods.indexOf(usage), new UsageTotals(usage.period(), usage.dataByDay(),
                            usage.voiceMinutes().add(more)));
                }
            }
            moreMinutes.forEach((start, minutes) -> account.callsBySubscription().get(subscription.subscriptionId())
                    .stream().filter(calls -> calls.period().start().equals(start)).findFirst().ifPresent(calls ->
                            periods.add(new UsageTotals(calls.period(), DailyBytes.none(), minutes))));
            for (UsageTotals usage : periods) {
                String planCode = subscription.planOn(usage.period().lastDay());
                LocalDate end = subscription.cancelledFrom() == null ? null : subscription.cancelledFrom().minusDays(1);
                Subscription onPlan = new Subscription(subscription.subscriptionId(), planCode, null,
                        subscription.start(), end == null || end.isBefore(subscription.start()) ? null : end);
                if (!dataTariffs.has(planCode)) {
                    List<InvoiceLine> usageLines = usageCharger.charge(onPlan, plans.get(planCode), usage.period(),
                            usage.dataBytes(), usage.voiceMinutes(), language);
                    lines.addAll(usageLines);
                    usageLines.forEach(line -> usagePlans.put(line.lineKey(), planCode));
                    continue;
                }
                DataTariff tariff = dataTariffs.of(planCode);
                if (tariff == null) {
                    // billing the data at nothing would lose it (marked billed): the account waits
                    log.error("account {}: the data components of plan {} are refused ({}): {}..{} not charged. Fix"
                                    + " them (./run.sh import data-components FILE), then rerun the cycle",
                            account.accountNumber(), planCode, dataTariffs.refusal(planCode), usage.period().start(),
                            usage.period().lastDay());
                    return null;
                }
                List<InvoiceLine> usageLines = new ArrayList<>(dataCharger.charge(subscription.subscriptionId(), tariff,
                        usage.period(), usage.dataByDay(), language));
                usageLines.addAll(usageCharger.charge(onPlan, plans.get(planCode), usage.period(), BigInteger.ZERO,
                        usage.voiceMinutes(), language));
                lines.addAll(usageLines);
                usageLines.forEach(line -> usagePlans.put(line.lineKey(), planCode));
            }
        }
        List<Long> lateFeeIds = new ArrayList<>();
        for (PendingLateFee fee : account.lateFees()) {
            lines.add(LateFeeLine.of(fee.invoiceNumber(), fee.dueDate(), fee.policyCode(), fee.period(), fee.amount(),
                    language));
            lateFeeIds.add(fee.lateFeeId());
        }
        List<Long> chargeIds = new ArrayList<>();
        for (PendingCharge charge : account.charges()) {
            lines.add(oneTimeLine(charge, language));
            chargeIds.add(charge.id());
        }
        String tooLarge = InvoiceLimits.refusal(lines);
        if (tooLarge != null) {
            log.error("account {}: {}: not charged. Its usage records cannot be right: correct them, then rerun the"
                    + " cycle", account.accountNumber(), tooLarge);
            return null;
        }
        // The invoice's period: from the next bill date (or an earlier first day billed in advance,
        // a stub) to the day before the new next bill date (or the end of a longer term billed now).
        // Repairs of earlier terms do not widen it.
        LocalDate periodStart = account.nextBillDate();
        LocalDate periodEnd = charges.nextBillDate().minusDays(1);
        for (InvoiceLine line : charges.invoiceLines()) {
            boolean firstBilling = line.type() == LineType.RECURRING && line.quantity() != null;
            if (firstBilling && line.periodStart().isBefore(periodStart)) {
                periodStart = line.periodStart();
            }
            if (firstBilling && line.periodEnd().isAfter(periodEnd)) {
                periodEnd = line.periodEnd();
            }
        }
        return new DraftInvoice(account.accountId(), cycleDate, periodStart, periodEnd, language,
                account.currency(), lines, items, discountItems, account.nextBillDate(), charges.nextBillDate(),
                account.nextBillDate(), lateFeeIds, chargeIds, usagePlans);
    }

    /** An imported one-time charge (ONE_TIME) or credit (CREDIT), in the invoice's language, on its date. */
    private static InvoiceLine oneTimeLine(PendingCharge charge, Language language) {
        if (LineType.NSF_FEE.name().equals(charge.lineType())) {
            // the fee of a returned payment (PaymentReversals): its own kind of line
            return new InvoiceLine(LineType.NSF_FEE, "NSF_FEE:" + charge.chargeRef(),
                    language == Language.FR ? charge.descriptionFr() : charge.descriptionEn(), charge.reason(),
                    charge.chargeDate(), charge.chargeDate(), null, null, null, charge.amount().setScale(Money.SCALE));
        }
        boolean credit = charge.amount().signum() < 0;
        String reason = (credit ? "One-time credit " : "One-time charge ") + charge.chargeRef() + " of "
                + charge.chargeDate() + " (import charges)" + (charge.reason() == null ? "" : ": " + charge.reason());
        return new InvoiceLine(credit ? LineType.CREDIT : LineType.ONE_TIME, "ONE_TIME:" + charge.chargeRef(),
                language == Language.FR ? charge.descriptionFr() : charge.descriptionEn(),
                reason.length() > 500 ? reason.substring(0, 500) : reason, charge.chargeDate(), charge.chargeDate(),
                null, null, null, charge.amount().setScale(Money.SCALE));
    }
}
