package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ca.isp.billing.domain.SubscriptionHistory.Suspension;

/**
 * An account suspended by collections (non-payment), as suspensions of its subscriptions, for a
 * company that bills no plan while an account is suspended (billing.charge.bill-suspended=false):
 * the days suspended are then billed as a subscription's own suspension is (prorated by day,
 * unless its plan bills while suspended). Most ISPs keep billing a non-payment suspension: that is
 * the default, and then nothing here applies.
 */
public final class AccountSuspensions {

    /** One change of the account's status on a day (delinquency_event), oldest first. */
    public record StatusChange(LocalDate date, AccountStatus from, AccountStatus to) {
    }

    private AccountSuspensions() {
    }

    /** The periods the account was SUSPENDED: from the day it became so to the day it stopped being so (null: still). */
    public static List<Suspension> periods(List<StatusChange> changes) {
        List<StatusChange> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(StatusChange::date));
        List<Suspension> periods = new ArrayList<>();
        LocalDate since = null;
        for (StatusChange change : sorted) {
            if (change.to() == AccountStatus.SUSPENDED && since == null) {
                since = change.date();
            } else if (change.to() != AccountStatus.SUSPENDED && since != null) {
                if (change.date().isAfter(since)) {
                    periods.add(new Suspension(since, change.date()));
                }
                since = null;
            }
        }
        if (since != null) {
            periods.add(new Suspension(since, null));
        }
        return periods;
    }

    /**
     * A subscription's own suspensions with the account's, overlapping or touching ones joined,
     * none before the subscription's start.
     */
    public static List<Suspension> merge(LocalDate start, List<Suspension> own, List<Suspension> account) {
        List<Suspension> all = new ArrayList<>(own);
        for (Suspension s : account) {
            if (s.until() != null && !s.until().isAfter(start)) {
                continue;
            }
            all.add(s.from().isBefore(start) ? new Suspension(start, s.until()) : s);
        }
        all.sort(Comparator.comparing(Suspension::from));
        List<Suspension> merged = new ArrayList<>();
        for (Suspension s : all) {
            Suspension last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && (last.until() == null || !s.from().isAfter(last.until()))) {
                LocalDate until = last.until() == null || s.until() == null ? null
                        : (s.until().isAfter(last.until()) ? s.until() : last.until());
                merged.set(merged.size() - 1, new Suspension(last.from(), until));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }
}
