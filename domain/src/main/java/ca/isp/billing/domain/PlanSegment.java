package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A stretch of one subscription on one plan and one bill day, {@code from} inclusive to
 * {@code to} exclusive (null: open-ended). Its terms start on its first bill date; the part
 * before it is a stub of the term that ends there. A subscription is cut into stretches where
 * its plan or the account's bill day changes.
 */
record PlanSegment(LocalDate from, LocalDate to, PlanTerm plan, BillDay billDay) {

    /** Where the stretch's terms start. */
    LocalDate firstBillDate() {
        return billDay.onOrAfter(from);
    }

    /** The first term boundary on or after the date: where a change put off to the end of its term takes effect. */
    LocalDate termBoundaryOnOrAfter(LocalDate date) {
        LocalDate boundary = firstBillDate();
        while (boundary.isBefore(date)) {
            boundary = billDay.plusMonths(boundary, plan.months());
        }
        return boundary;
    }

    /** The terms the stretch has service in, up to those starting before {@code limit}. */
    List<Term> terms(LocalDate limit) {
        LocalDate end = to == null || to.isAfter(limit) ? limit : to;
        List<Term> terms = new ArrayList<>();
        LocalDate first = firstBillDate();
        if (first.isAfter(from) && from.isBefore(end)) {
            terms.add(Term.ending(billDay, first, plan.months()));
        }
        for (LocalDate start = first; start.isBefore(end); start = billDay.plusMonths(start, plan.months())) {
            terms.add(Term.starting(billDay, start, plan.months()));
        }
        return terms;
    }

    /**
     * Cuts a subscription into stretches at each plan change and bill-day change. With plan-change
     * proration off, a new plan starts at the end of the old plan's term (a later change in the
     * same term replaces it); a bill-day change cuts the term at once and takes any plan change
     * waiting for the term's end with it.
     */
    static List<PlanSegment> split(SubscriptionHistory history, BillingAnchor anchor, Map<String, PlanTerm> plans,
                                   ProrationSettings settings) {
        LocalDate end = history.cancelledFrom();
        List<PlanSegment> segments = new ArrayList<>();
        if (end != null && !end.isAfter(history.start())) {
            return segments; // never served
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        history.plans().forEach(change -> dates.add(change.from()));
        anchor.changes().forEach(change -> dates.add(change.from()));
        LocalDate from = history.start();
        PlanTerm plan = plan(plans, history, history.planOn(from));
        BillDay day = anchor.dayOn(from);
        PlanTerm waitingPlan = null;
        LocalDate waitingFrom = null;
        for (LocalDate date : dates) {
            if (!date.isAfter(history.start()) || (end != null && !date.isBefore(end))) {
                continue;
            }
            if (waitingFrom != null && !waitingFrom.isAfter(date)) {
                close(segments, from, waitingFrom, plan, day);
                from = waitingFrom;
                plan = waitingPlan;
                waitingPlan = null;
                waitingFrom = null;
            }
            PlanTerm planThen = plan(plans, history, history.planOn(date));
            BillDay dayThen = anchor.dayOn(date);
            if (!dayThen.equals(day)) {
                // the old term is cut here anyway, so a plan change waiting for its end comes now
                close(segments, from, date, plan, day);
                from = date;
                plan = planThen;
                day = dayThen;
                waitingPlan = null;
                waitingFrom = null;
            } else if (!planThen.code().equals(waitingPlan == null ? plan.code() : waitingPlan.code())) {
                LocalDate effective = settings.planChange() ? date
                        : new PlanSegment(from, null, plan, day).termBoundaryOnOrAfter(date);
                if (effective.equals(date)) {
                    close(segments, from, date, plan, day);
                    from = date;
                    plan = planThen;
                    waitingPlan = null;
                    waitingFrom = null;
                } else if (planThen.code().equals(plan.code())) {
                    waitingPlan = null; // changed back before the old term ended
                    waitingFrom = null;
                } else {
                    waitingPlan = planThen;
                    waitingFrom = effective;
                }
            }
        }
        if (waitingFrom != null && (end == null || waitingFrom.isBefore(end))) {
            close(segments, from, waitingFrom, plan, day);
            from = waitingFrom;
            plan = waitingPlan;
        }
        segments.add(new PlanSegment(from, end, plan, day));
        return segments;
    }

    private static void close(List<PlanSegment> segments, LocalDate from, LocalDate to, PlanTerm plan, BillDay day) {
        if (from.isBefore(to)) {
            segments.add(new PlanSegment(from, to, plan, day));
        }
    }

    private static PlanTerm plan(Map<String, PlanTerm> plans, SubscriptionHistory history, String code) {
        PlanTerm plan = plans.get(code);
        if (plan == null) {
            throw new IllegalArgumentException("subscription " + history.subscriptionId() + " refers to unknown plan "
                    + code);
        }
        return plan;
    }
}
