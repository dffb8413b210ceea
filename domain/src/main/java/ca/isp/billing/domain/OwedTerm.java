package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the subscription as it is now owes for one term of one of its plans: the days counted,
 * each weighted by the quantity billed that day (0 while suspended), so that the amount is
 * price x weighted days / days of the term, rounded once.
 */
final class OwedTerm {

    /** Days [from, to) counted at one weight. */
    record Piece(LocalDate from, LocalDate to, int weight, long days) {
    }

    private final PlanTerm plan;
    /** The price in force on the term's first day, or the subscription's contract price. */
    private final BigDecimal price;
    /** True when {@code price} is the subscription's own (PriceOverride), not the plan's. */
    private final boolean contract;
    private final BillDay billDay;
    private final Term term;
    private final long termDays;
    private final List<Piece> pieces = new ArrayList<>();
    private LocalDate firstServiceDay;

    OwedTerm(PlanTerm plan, BillDay billDay, Term term, long termDays) {
        this(plan, billDay, term, termDays, null);
    }

    /** With {@code contractPrice} (null: none), the subscription's price instead of the plan's. */
    OwedTerm(PlanTerm plan, BillDay billDay, Term term, long termDays, BigDecimal contractPrice) {
        this.plan = plan;
        this.contract = contractPrice != null;
        this.price = contract ? contractPrice : plan.priceOn(term.start());
        this.billDay = billDay;
        this.term = term;
        this.termDays = termDays;
    }

    /** A day of real service in the term: the term is due once its first one is reached. */
    void served(LocalDate from) {
        if (firstServiceDay == null || from.isBefore(firstServiceDay)) {
            firstServiceDay = from;
        }
    }

    void count(LocalDate from, LocalDate to, int weight, long days) {
        if (days == 0) {
            return;
        }
        Piece last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
        if (last != null && last.weight() == weight && last.to().equals(from)) {
            pieces.set(pieces.size() - 1, new Piece(last.from(), to, weight, last.days() + days));
        } else {
            pieces.add(new Piece(from, to, weight, days));
        }
    }

    /** Billed in advance once the cycle reaches the term's first day of service. */
    boolean dueBy(LocalDate cycleDate) {
        return !firstServiceDay.isAfter(cycleDate);
    }

    /** True when the term's first day of service is before the date. */
    boolean servedBefore(LocalDate date) {
        return firstServiceDay.isBefore(date);
    }

    long weightedDays() {
        return pieces.stream().mapToLong(piece -> piece.weight() * piece.days()).sum();
    }

    /** The price of the whole term: the plan's price in force on its first day. */
    BigDecimal price() {
        return price;
    }

    /** price x weighted days / days of the term, rounded half up once. */
    BigDecimal amount() {
        return price.multiply(BigDecimal.valueOf(weightedDays()))
                .divide(BigDecimal.valueOf(termDays), Money.SCALE, Money.ROUNDING);
    }

    /** True when every day of the term is counted at one quantity: the plain price x quantity. */
    boolean whole() {
        return pieces.stream().map(Piece::weight).distinct().count() == 1
                && pieces.stream().mapToLong(Piece::days).sum() == termDays && pieces.get(0).weight() > 0;
    }

    /** The counted days, first to last, whatever their weight. */
    LocalDate countedFrom() {
        return pieces.isEmpty() ? firstServiceDay : pieces.get(0).from();
    }

    LocalDate countedTo() {
        return pieces.isEmpty() ? firstServiceDay : pieces.get(pieces.size() - 1).to();
    }

    List<Piece> pieces() {
        return List.copyOf(pieces);
    }

    PlanTerm plan() {
        return plan;
    }

    boolean contract() {
        return contract;
    }

    BillDay billDay() {
        return billDay;
    }

    Term term() {
        return term;
    }

    long termDays() {
        return termDays;
    }
}
