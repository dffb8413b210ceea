package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Bills the plans of one account for one cycle, as "what the subscriptions as they are now owe,
 * minus what was already billed", term by term:
 * <ul>
 * <li>a term never billed whose first day of service is on or before the cycle date is billed in
 * advance (a RECURRING line);</li>
 * <li>a term already billed that now owes less gets a CREDIT line for the difference, one that
 * owes more a RECURRING line for it.</li>
 * </ul>
 * What a term owes is price x days counted / days of the term, rounded half up once; a repair is
 * the exact difference of rounded amounts, so what a term is billed in all always equals what the
 * final history owes, to the cent, however many cycles it took to learn it. Given the items of its
 * own lines, a second run bills nothing.
 */
public final class RecurringCharger {

    private static final Comparator<TermKey> KEY_ORDER = Comparator.comparing(TermKey::subscriptionId)
            .thenComparing(key -> key.term().start()).thenComparing(key -> key.term().end())
            .thenComparing(TermKey::planCode);

    /** One term of one plan of one subscription: what amounts are netted on. */
    private record TermKey(String subscriptionId, String planCode, Term term) {
    }

    private final Map<String, PlanTerm> plans;
    private final ProrationSettings settings;

    public RecurringCharger(Map<String, PlanTerm> plans, ProrationSettings settings) {
        this.plans = Map.copyOf(plans);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The recurring lines of the account's invoice of {@code cycleDate}.
     *
     * @param anchor        the account's bill day over time
     * @param subscriptions every subscription of the account, as it is now (at least every one with billed items)
     * @param billed        every item billed before for these subscriptions, credits included
     */
    public RecurringCharges charge(BillingAnchor anchor, LocalDate cycleDate, List<SubscriptionHistory> subscriptions,
                                   List<BilledItem> billed, Language language) {
        return charge(anchor, cycleDate, LocalDate.MIN, subscriptions, billed, language);
    }

    /**
     * The same for an account taken over from a previous system that billed its service before
     * {@code billingStart}: a term never billed here whose first day of service is before that date
     * was billed there, and is left alone (a term with billed items here is netted as any other).
     */
    public RecurringCharges charge(BillingAnchor anchor, LocalDate cycleDate, LocalDate billingStart,
                                   List<SubscriptionHistory> subscriptions, List<BilledItem> billed,
                                   Language language) {
        return charge(anchor, cycleDate, billingStart, subscriptions, billed, CommercialTerms.NONE, language);
    }

    /**
     * The same with the account's contract prices (a term of a subscription's plan pays the
     * subscription's price in force on its first day of service) and discounts: each discount's
     * lines for the terms billed now or before, netted as the plan is (DiscountCharger).
     */
    public RecurringCharges charge(BillingAnchor anchor, LocalDate cycleDate, LocalDate billingStart,
                                   List<SubscriptionHistory> subscriptions, List<BilledItem> billed,
                                   CommercialTerms commercial, Language language) {
        Objects.requireNonNull(commercial, "commercial");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(billingStart, "billingStart");
        Objects.requireNonNull(cycleDate, "cycleDate");
        Objects.requireNonNull(language, "language");
        Map<String, SubscriptionHistory> byId = new HashMap<>();
        for (SubscriptionHistory history : subscriptions) {
            if (byId.put(history.subscriptionId(), history) != null) {
                throw new IllegalArgumentException("subscription " + history.subscriptionId() + " given twice");
            }
        }
        Map<TermKey, BigDecimal> billedByTerm = new TreeMap<>(KEY_ORDER);
        // terms up to the cycle, and every term billed before even if a rerun gives an earlier cycle date
        LocalDate horizon = cycleDate.plusDays(1);
        for (BilledItem item : billed) {
            if (!byId.containsKey(item.subscriptionId())) {
                throw new IllegalArgumentException("billed items of subscription " + item.subscriptionId()
                        + " but no history for it: give every subscription of the account");
            }
            billedByTerm.merge(new TermKey(item.subscriptionId(), item.planCode(), item.term()), item.amount(),
                    BigDecimal::add);
            horizon = item.term().end().isAfter(horizon) ? item.term().end() : horizon;
        }

        Map<TermKey, OwedTerm> owedByTerm = new TreeMap<>(KEY_ORDER);
        Map<String, List<ServiceChange>> changes = new HashMap<>();
        for (SubscriptionHistory history : subscriptions) {
            List<PlanSegment> segments = PlanSegment.split(history, anchor, plans, settings);
            changes.put(history.subscriptionId(), ServiceChange.of(history, segments));
            for (PlanSegment segment : segments) {
                for (Term term : segment.terms(horizon)) {
                    // A term over before billingStart and never billed here was the previous system's: all
                    // its days are served before that date, so it is neither billed nor discounted. Not
                    // counting it spares years of terms each cycle (a long-standing account taken over).
                    if (!term.end().isAfter(billingStart) && !billedByTerm.containsKey(
                            new TermKey(history.subscriptionId(), segment.plan().code(), term))) {
                        continue;
                    }
                    count(owedByTerm, history, segment, term, commercial.overrides());
                }
            }
        }

        TreeSet<TermKey> keys = new TreeSet<>(KEY_ORDER);
        keys.addAll(owedByTerm.keySet());
        keys.addAll(billedByTerm.keySet());
        List<RecurringLine> lines = new ArrayList<>();
        // the terms billed, before or now: what discounts are counted on
        List<DiscountCharger.BilledTerm> billedTerms = new ArrayList<>();
        for (TermKey key : keys) {
            OwedTerm owed = owedByTerm.get(key);
            BigDecimal owedAmount = owed == null ? Money.ZERO : owed.amount();
            BigDecimal billedAmount = billedByTerm.get(key);
            if (billedAmount != null || (owed != null && owed.dueBy(cycleDate) && !owed.servedBefore(billingStart)
                    && owedAmount.signum() > 0)) {
                billedTerms.add(new DiscountCharger.BilledTerm(key.subscriptionId(), key.planCode(), key.term(), owed,
                        owed != null ? owed.plan() : plans.get(key.planCode())));
            }
            if (billedAmount == null) {
                if (owed != null && owed.dueBy(cycleDate) && !owed.servedBefore(billingStart)
                        && owedAmount.signum() > 0) {
                    lines.add(firstLine(key, owed, owedAmount, language));
                }
                continue;
            }
            BigDecimal difference = owedAmount.subtract(billedAmount);
            if (difference.signum() != 0) {
                lines.add(repairLine(key, owed, owedAmount, billedAmount, difference, anchor,
                        changes.get(key.subscriptionId()), language));
            }
        }
        // in the order of the days they are about; on the same day the credit of the old plan first
        lines.sort(Comparator.comparing((RecurringLine line) -> line.item().subscriptionId())
                .thenComparing(line -> line.line().periodStart())
                .thenComparing(line -> line.line().type() == LineType.CREDIT ? 0 : 1)
                .thenComparing(line -> line.item().planCode())
                .thenComparing(line -> line.item().term().start()));
        List<DiscountLine> discountLines = DiscountCharger.charge(billedTerms, commercial, settings.dayCount(), language);
        return new RecurringCharges(lines, discountLines, anchor.nextBillDate(cycleDate));
    }

    /**
     * Counts the days of one term that one stretch of the subscription owes, weighted by the
     * quantity (0 while suspended), with the company's proration settings.
     */
    private void count(Map<TermKey, OwedTerm> owedByTerm, SubscriptionHistory history, PlanSegment segment, Term term,
                       List<PriceOverride> overrides) {
        LocalDate from = latest(term.start(), segment.from());
        LocalDate to = segment.to() == null ? term.end() : earliest(term.end(), segment.to());
        if (!from.isBefore(to)) {
            return;
        }
        LocalDate countFrom = from;
        LocalDate countTo = to;
        if (!settings.activation() && from.equals(history.start())) {
            countFrom = term.start(); // as if the service had started with the term
        }
        if (!settings.cancellation() && to.equals(history.cancelledFrom())) {
            countTo = term.end(); // as if the service had run to the end of the term
        }
        PlanTerm plan = segment.plan();
        BillDay billDay = segment.billDay();
        DayCount dayCount = settings.dayCount();
        OwedTerm owed = owedByTerm.computeIfAbsent(new TermKey(history.subscriptionId(), plan.code(), term),
                key -> new OwedTerm(plan, billDay, term, dayCount.termDays(billDay, term),
                        contractPrice(overrides, history, plan.code(), from)));
        owed.served(from);

        boolean suspensionCounts = !plan.billsWhileSuspended()
                && (settings.suspension() || suspendedThroughout(history, from, to));
        int quantityOfTerm = history.quantityOn(from);
        TreeSet<LocalDate> cuts = new TreeSet<>(List.of(countFrom, countTo));
        history.quantities().forEach(change -> cuts.add(change.from()));
        history.suspensions().forEach(suspension -> {
            cuts.add(suspension.from());
            if (suspension.until() != null) {
                cuts.add(suspension.until());
            }
        });
        LocalDate lastServed = history.cancelledFrom() == null ? null : history.cancelledFrom().minusDays(1);
        LocalDate a = countFrom;
        for (LocalDate b : cuts.subSet(countFrom, false, countTo, true)) {
            // days counted outside the service (whole terms) take the state of the nearest day served
            LocalDate asOf = a.isBefore(history.start()) ? history.start()
                    : lastServed != null && a.isAfter(lastServed) ? lastServed : a;
            int quantity = settings.quantityChange() ? history.quantityOn(asOf) : quantityOfTerm;
            int weight = suspensionCounts && history.suspendedOn(asOf) ? 0 : quantity;
            owed.count(a, b, weight, dayCount.days(billDay, term, a, b));
            a = b;
        }
    }

    /** The subscription's own price of the plan in force on the day (the latest from on or before it), or null. */
    private static BigDecimal contractPrice(List<PriceOverride> overrides, SubscriptionHistory history, String planCode,
                                            LocalDate day) {
        PriceOverride inForce = null;
        for (PriceOverride override : overrides) {
            if (override.subscriptionId().equals(history.subscriptionId()) && override.planCode().equals(planCode)
                    && !override.from().isAfter(day) && (inForce == null || override.from().isAfter(inForce.from()))) {
                inForce = override;
            }
        }
        return inForce == null ? null : inForce.price();
    }

    /** With suspension proration off, only a term suspended on every day of its service is free. */
    private static boolean suspendedThroughout(SubscriptionHistory history, LocalDate from, LocalDate to) {
        return history.suspensions().stream().anyMatch(suspension -> !suspension.from().isAfter(from)
                && (suspension.until() == null || !suspension.until().isBefore(to)));
    }

    private RecurringLine firstLine(TermKey key, OwedTerm owed, BigDecimal amount, Language language) {
        InvoiceLine line = new InvoiceLine(LineType.RECURRING, lineKey(LineType.RECURRING, key),
                RecurringWording.firstDescription(owed, language),
                RecurringWording.firstReason(owed, settings.dayCount(), amount),
                owed.countedFrom(), owed.countedTo().minusDays(1),
                BigDecimal.valueOf(owed.weightedDays()).divide(BigDecimal.valueOf(owed.termDays()),
                        Prorator.FRACTION_SCALE, RoundingMode.HALF_UP),
                null, owed.price(), amount);
        return new RecurringLine(line, new BilledItem(key.subscriptionId(), key.planCode(), key.term(), amount));
    }

    private RecurringLine repairLine(TermKey key, OwedTerm owed, BigDecimal owedAmount, BigDecimal billedAmount,
                                     BigDecimal difference, BillingAnchor anchor, List<ServiceChange> changes,
                                     Language language) {
        PlanTerm plan = owed != null ? owed.plan() : plans.get(key.planCode());
        BillDay billDay = owed != null ? owed.billDay() : billDayOf(key.term(), anchor);
        RecurringWording.Repair words = RecurringWording.repair(key.planCode(), plan, key.term(), billDay,
                settings.dayCount(), changes, owed, owedAmount, billedAmount, difference, language);
        LineType type = difference.signum() < 0 ? LineType.CREDIT : LineType.RECURRING;
        InvoiceLine line = new InvoiceLine(type, lineKey(type, key), words.description(), words.reason(),
                words.firstDay(), words.lastDay(), null, null, null, difference);
        return new RecurringLine(line, new BilledItem(key.subscriptionId(), key.planCode(), key.term(), difference));
    }

    /** The bill day a term no longer owed was cut on: the day in force when it started, if it fits. */
    private static BillDay billDayOf(Term term, BillingAnchor anchor) {
        BillDay day = anchor.dayOn(term.start());
        return day.isBillDate(term.start()) && day.isBillDate(term.end()) ? day
                : BillDay.of(term.start().getDayOfMonth());
    }

    /** Unique on an invoice (one line per term of a plan of a subscription) and the same on a rerun. */
    private static String lineKey(LineType type, TermKey key) {
        return type + ":" + key.subscriptionId() + ":" + key.planCode() + ":" + key.term().start() + ":"
                + key.term().end();
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
