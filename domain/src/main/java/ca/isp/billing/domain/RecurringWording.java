package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words of recurring and repair lines: a description for the customer in the account's
 * language, a reason in English for operators. Sized for the columns that store them.
 */
final class RecurringWording {

    static final int MAX_DESCRIPTION = 300;
    static final int MAX_REASON = 500;

    /** What a repair line says, and the days it is about. */
    record Repair(String description, String reason, LocalDate firstDay, LocalDate lastDay) {
    }

    private RecurringWording() {
    }

    /** "Fibre 100", or "Fibre 100 (prorated, 15 of 90 days)". */
    static String firstDescription(OwedTerm owed, Language language) {
        String name = owed.plan().name(language) + (owed.contract() ? contractNote(language) : "");
        if (owed.whole()) {
            return fit(name, MAX_DESCRIPTION);
        }
        List<OwedTerm.Piece> counted = owed.pieces().stream().filter(piece -> piece.weight() > 0).toList();
        String days;
        if (counted.stream().map(OwedTerm.Piece::weight).distinct().count() == 1) {
            days = Long.toString(counted.stream().mapToLong(OwedTerm.Piece::days).sum());
        } else {
            days = counted.stream().map(piece -> piece.weight() + " x " + piece.days()).collect(Collectors.joining(" + "));
        }
        String note = language == Language.FR
                ? " (au prorata, " + days + " jours sur " + owed.termDays() + ")"
                : " (prorated, " + days + " of " + owed.termDays() + " days)";
        return fit(name + note, MAX_DESCRIPTION);
    }

    /** "Plan Q billed in advance for 2026-03-05..2026-03-19 of its 3-month term 2025-12-20..2026-03-19: 180.00 x 15 / 90 = 30.00". */
    static String firstReason(OwedTerm owed, DayCount dayCount, BigDecimal amount) {
        return fit("Plan " + owed.plan().code() + " billed in advance for " + owed.countedFrom() + ".."
                + owed.countedTo().minusDays(1) + " of its " + owed.plan().months() + "-month term " + owed.term()
                + ": " + owed.price() + " x " + owed.weightedDays() + " / " + owed.termDays()
                + countNote(dayCount) + " = " + amount, MAX_REASON);
    }

    /**
     * A repair names the changes that explain it (those that make the term owe less for a credit,
     * more for a charge), each with the days of the term it affects: "cancelled from 21 March:
     * 11 of 31 days". When no change explains it (an end date removed leaves no trace in the
     * history), it says the term was adjusted to the service as it is now.
     */
    static Repair repair(String planCode, PlanTerm plan, Term term, BillDay billDay, DayCount dayCount,
                         List<ServiceChange> changes, OwedTerm owed, BigDecimal owedAmount, BigDecimal billedAmount,
                         BigDecimal difference, Language language) {
        boolean more = difference.signum() > 0;
        long termDays = dayCount.termDays(billDay, term);
        List<String> customer = new ArrayList<>();
        List<String> operator = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (ServiceChange change : changes) {
            boolean concernsPlan = change.planCode() == null || change.planCode().equals(planCode);
            boolean billedAnyway = change.suspension() && plan != null && plan.billsWhileSuspended();
            if (change.increases() != more || !concernsPlan || billedAnyway) {
                continue;
            }
            LocalDate from = change.from().isAfter(term.start()) ? change.from() : term.start();
            LocalDate to = change.to() == null || change.to().isAfter(term.end()) ? term.end() : change.to();
            if (!from.isBefore(to)) {
                continue;
            }
            long days = dayCount.days(billDay, term, from, to);
            customer.add(change.words(language) + days(days, termDays, language));
            operator.add(change.en() + days(days, termDays, Language.EN));
            first = first == null || from.isBefore(first) ? from : first;
            last = last == null || to.isAfter(last) ? to : last;
        }
        if (customer.isEmpty()) {
            long owedDays = owed == null ? 0 : owed.pieces().stream().filter(piece -> piece.weight() > 0)
                    .mapToLong(OwedTerm.Piece::days).sum();
            customer.add((language == Language.FR ? "ajusté au service actuel" : "adjusted to the service as it is now")
                    + days(owedDays, termDays, language));
            operator.add("adjusted to the service as it is now" + days(owedDays, termDays, Language.EN));
            first = term.start();
            last = term.end();
        }
        String name = plan == null ? planCode : plan.name(language);
        String description = name + " (" + String.join("; ", customer) + ")";
        String owes = owed == null ? "nothing" : owedAmount + " (" + owed.price() + " x " + owed.weightedDays()
                + " / " + owed.termDays() + countNote(dayCount) + ")";
        String words = String.join("; ", operator);
        String reason = Character.toUpperCase(words.charAt(0)) + words.substring(1) + ". Plan " + planCode + ", term "
                + term + ": owes " + owes + " as the service is now, billed " + billedAmount + " before: "
                + (more ? "charge " : "credit ") + difference;
        return new Repair(fit(description, MAX_DESCRIPTION), fit(reason, MAX_REASON), first, last.minusDays(1));
    }

    /** " (contract price)": the subscription's own price, not the plan's. */
    static String contractNote(Language language) {
        return language == Language.FR ? " (prix contractuel)" : " (contract price)";
    }

    private static String days(long days, long termDays, Language language) {
        return language == Language.FR ? " : " + days + " jours sur " + termDays : ": " + days + " of " + termDays + " days";
    }

    private static String countNote(DayCount dayCount) {
        return dayCount == DayCount.THIRTY_DAY_MONTHS ? " (30-day months)" : "";
    }

    /** Cut to the column's size, marked, rather than fail the line. */
    static String fit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
