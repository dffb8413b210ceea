package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Charges plans in advance, one account period (one month from the next bill date) at a time,
 * catching up every period that started on or before the cycle date.
 */
public final class PlanCharger {

    public ChargeResult charge(LocalDate nextBillDate, LocalDate cycleDate, List<Subscription> subscriptions,
                               Map<String, Plan> plansByCode, Language language) {
        Objects.requireNonNull(nextBillDate, "nextBillDate");
        Objects.requireNonNull(cycleDate, "cycleDate");
        Objects.requireNonNull(plansByCode, "plansByCode");
        Objects.requireNonNull(language, "language");
        List<Subscription> byId = new ArrayList<>(subscriptions);
        byId.sort(Comparator.comparing(Subscription::subscriptionId));

        List<InvoiceLine> lines = new ArrayList<>();
        List<BillingPeriod> billed = new ArrayList<>();
        // Each period is counted from nextBillDate itself, so a 31st does not drift to the 28th.
        int index = 0;
        LocalDate start = nextBillDate;
        while (!start.isAfter(cycleDate)) {
            BillingPeriod period = new BillingPeriod(start, nextBillDate.plusMonths(index + 1));
            billed.add(period);
            for (Subscription subscription : byId) {
                if (!subscription.isActiveDuring(period)) {
                    continue;
                }
                Plan plan = planOf(subscription, plansByCode);
                InvoiceLine line = plan.isMonthly()
                        ? monthlyLine(period, subscription, plan, language)
                        : termLine(period, subscription, plan, language);
                if (line != null) {
                    lines.add(line);
                }
            }
            index++;
            start = nextBillDate.plusMonths(index);
        }
        return new ChargeResult(lines, start, billed);
    }

    /** The days of the account period the subscription is active, charged in full or by days. */
    private InvoiceLine monthlyLine(BillingPeriod period, Subscription subscription, Plan plan, Language language) {
        LocalDate first = latest(subscription.startDate(), period.start());
        LocalDate last = subscription.endDate() == null ? period.lastDay() : earliest(subscription.endDate(), period.lastDay());
        long activeDays = daysInclusive(first, last);
        long periodDays = period.days();
        String reason = "Plan " + plan.code() + " billed in advance for " + first + ".." + last;
        if (activeDays == periodDays) {
            return line(subscription, plan, language, first, last, BigDecimal.ONE, Money.round(plan.monthlyPrice()),
                    "", reason);
        }
        BigDecimal amount = Prorator.prorate(plan.monthlyPrice(), activeDays, periodDays);
        return line(subscription, plan, language, first, last, Prorator.fraction(activeDays, periodDays), amount,
                proratedNote(activeDays, periodDays, language),
                reason + ": " + activeDays + " of " + periodDays + " days of account period " + period.start() + ".."
                        + period.lastDay() + ", " + plan.monthlyPrice() + " * " + activeDays + " / " + periodDays);
    }

    /**
     * A multi-month plan runs in terms of n months from its start date; a term is charged whole on
     * the account period holding its first day, and nothing is charged on the other periods.
     */
    private InvoiceLine termLine(BillingPeriod period, Subscription subscription, Plan plan, Language language) {
        int months = plan.periodMonths();
        LocalDate start = subscription.startDate();
        int termIndex = 0;
        LocalDate termStart = start;
        while (termStart.isBefore(period.start())) {
            termIndex++;
            termStart = start.plusMonths((long) termIndex * months);
        }
        boolean termStartsHere = period.contains(termStart);
        boolean stillActive = subscription.endDate() == null || !subscription.endDate().isBefore(termStart);
        if (!termStartsHere || !stillActive) {
            return null;
        }
        BillingPeriod term = new BillingPeriod(termStart, start.plusMonths((long) (termIndex + 1) * months));
        LocalDate last = subscription.endDate() == null ? term.lastDay() : earliest(subscription.endDate(), term.lastDay());
        long activeDays = daysInclusive(termStart, last);
        long termDays = term.days();
        BigDecimal termPrice = plan.monthlyPrice().multiply(BigDecimal.valueOf(months));
        String reason = "Plan " + plan.code() + " billed in advance for " + termStart + ".." + last + " ("
                + months + "-month term " + term.start() + ".." + term.lastDay() + ", starting in account period "
                + period.start() + ".." + period.lastDay() + ")";
        if (activeDays == termDays) {
            return line(subscription, plan, language, termStart, last, BigDecimal.valueOf(months),
                    Money.round(termPrice), "", reason);
        }
        // Quantity stays in months (3 * 52 / 92 = 1.6957) so quantity * unit price reads like the amount.
        BigDecimal quantity = BigDecimal.valueOf(months).multiply(BigDecimal.valueOf(activeDays))
                .divide(BigDecimal.valueOf(termDays), Prorator.FRACTION_SCALE, Money.ROUNDING);
        return line(subscription, plan, language, termStart, last, quantity,
                Prorator.prorate(termPrice, activeDays, termDays), proratedNote(activeDays, termDays, language),
                reason + ": service ends " + subscription.endDate() + ", " + activeDays + " of " + termDays
                        + " days, " + termPrice + " * " + activeDays + " / " + termDays);
    }

    private static InvoiceLine line(Subscription subscription, Plan plan, Language language, LocalDate first,
                                    LocalDate last, BigDecimal quantity, BigDecimal amount, String note, String reason) {
        return new InvoiceLine(LineType.RECURRING, "RECURRING:" + subscription.subscriptionId() + ":" + first,
                plan.name(language) + note, reason, first, last, quantity, "month", plan.monthlyPrice(), amount);
    }

    private static String proratedNote(long activeDays, long totalDays, Language language) {
        return language == Language.FR
                ? " (au prorata, " + activeDays + " jours sur " + totalDays + ")"
                : " (prorated, " + activeDays + " of " + totalDays + " days)";
    }

    private static Plan planOf(Subscription subscription, Map<String, Plan> plansByCode) {
        Plan plan = plansByCode.get(subscription.planCode());
        if (plan == null) {
            throw new IllegalArgumentException("subscription " + subscription.subscriptionId()
                    + " refers to unknown plan " + subscription.planCode());
        }
        return plan;
    }

    private static long daysInclusive(LocalDate first, LocalDate last) {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
