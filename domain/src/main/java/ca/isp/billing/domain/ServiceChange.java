package ca.isp.billing.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One change in a subscription's history, in words, with the days it affects
 * ({@code from} inclusive to {@code to} exclusive, null: onwards) and whether it makes more or
 * less owed. A repair line names the changes that explain it: "cancelled from 21 March".
 * {@code planCode} null: the change concerns whatever plan the service is on.
 * {@code suspension}: does not concern plans that bill while suspended.
 */
record ServiceChange(LocalDate from, LocalDate to, String planCode, boolean increases, boolean suspension,
                     String en, String fr) {

    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter FR_MONTH = DateTimeFormatter.ofPattern("MMMM", Locale.CANADA_FRENCH);

    String words(Language language) {
        return language == Language.FR ? fr : en;
    }

    /** The changes of a history, read from its stretches (so a plan change put off to a term's end is dated there). */
    static List<ServiceChange> of(SubscriptionHistory history, List<PlanSegment> segments) {
        List<ServiceChange> changes = new ArrayList<>();
        if (segments.isEmpty()) {
            return changes;
        }
        // the start is not one: what a term owes from its start was billed with the term; a start moved
        // since is said as an adjustment
        LocalDate end = history.cancelledFrom();
        if (end != null) {
            changes.add(new ServiceChange(end, null, null, false, false,
                    "cancelled from " + en(end), "résilié à partir du " + fr(end)));
        }
        for (int i = 1; i < segments.size(); i++) {
            PlanSegment before = segments.get(i - 1);
            PlanSegment after = segments.get(i);
            LocalDate date = after.from();
            if (!after.plan().code().equals(before.plan().code())) {
                changes.add(new ServiceChange(date, backOn(segments, i, before.plan()), before.plan().code(), false, false,
                        "changed to " + after.plan().nameEn() + " from " + en(date),
                        "changé pour " + after.plan().nameFr() + " à partir du " + fr(date)));
                changes.add(new ServiceChange(date, after.to(), after.plan().code(), true, false,
                        "instead of " + before.plan().nameEn() + " from " + en(date),
                        "au lieu de " + before.plan().nameFr() + " à partir du " + fr(date)));
            }
            if (!after.billDay().equals(before.billDay())) {
                String en = "bill day changed to " + after.billDay().day() + " from " + en(date);
                String fr = "jour de facturation changé au " + after.billDay().day() + " à partir du " + fr(date);
                changes.add(new ServiceChange(date, backOn(segments, i, before.plan()), before.plan().code(), false, false, en, fr));
                changes.add(new ServiceChange(date, after.to(), after.plan().code(), true, false, en, fr));
            }
        }
        List<SubscriptionHistory.QuantityChange> quantities = history.quantities();
        for (int i = 1; i < quantities.size(); i++) {
            LocalDate date = quantities.get(i).from();
            if (end != null && !date.isBefore(end)) {
                break;
            }
            int old = quantities.get(i - 1).quantity();
            int now = quantities.get(i).quantity();
            LocalDate until = i + 1 < quantities.size() ? quantities.get(i + 1).from() : null;
            changes.add(new ServiceChange(date, until, null, now > old, false,
                    "quantity " + old + " to " + now + " from " + en(date),
                    "quantité de " + old + " à " + now + " à partir du " + fr(date)));
        }
        List<SubscriptionHistory.Suspension> suspensions = history.suspensions();
        for (int i = 0; i < suspensions.size(); i++) {
            SubscriptionHistory.Suspension suspension = suspensions.get(i);
            if (end != null && !suspension.from().isBefore(end)) {
                break;
            }
            changes.add(new ServiceChange(suspension.from(), suspension.until(), null, false, true,
                    "suspended from " + en(suspension.from()), "suspendu à partir du " + fr(suspension.from())));
            LocalDate back = suspension.until();
            if (back != null && (end == null || back.isBefore(end))) {
                LocalDate next = i + 1 < suspensions.size() ? suspensions.get(i + 1).from() : null;
                changes.add(new ServiceChange(back, next, null, true, true,
                        "reactivated on " + en(back), "réactivé le " + fr(back)));
            }
        }
        return changes;
    }

    /** The day the service is back on the plan it left at stretch {@code i}, or null. */
    private static LocalDate backOn(List<PlanSegment> segments, int i, PlanTerm plan) {
        for (int j = i + 1; j < segments.size(); j++) {
            if (segments.get(j).plan().code().equals(plan.code())) {
                return segments.get(j).from();
            }
        }
        return null;
    }

    /** "21 March". */
    static String en(LocalDate date) {
        return EN_DAY.format(date);
    }

    /** "21 mars", "1er avril". */
    static String fr(LocalDate date) {
        int day = date.getDayOfMonth();
        return (day == 1 ? "1er" : Integer.toString(day)) + " " + FR_MONTH.format(date);
    }
}
