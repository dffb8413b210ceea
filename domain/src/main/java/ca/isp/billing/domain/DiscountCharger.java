package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an account's discounts take off its plans, term by term, as "what the discount owes the term
 * as the service is now, minus what it took off before" (the plan's own rule, RecurringCharger):
 * <ul>
 * <li>the days discounted are the days the plan line counts (each at its quantity, none while
 * suspended) that fall in the discount's dates, counted by the same day rule, so a discount that
 * starts or ends mid-term is prorated as the plan would be;</li>
 * <li>PERCENT: price of the term x percent x days discounted / days of the term;</li>
 * <li>FIXED: the amount x days discounted (once each) / days of the term, never more than the price x
 * days discounted (at their quantity) / days of the term: the line it discounts, for those days;</li>
 * <li>rounded half up once per discount per term, negative; a repair is the exact difference.</li>
 * </ul>
 * Only terms billed (before or on this invoice) are discounted, so the net of a term over its
 * invoices is always what the final history and discounts owe, to the cent.
 */
final class DiscountCharger {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** A term of a plan of a subscription that is billed, with what it owes now (null: nothing any more). */
    record BilledTerm(String subscriptionId, String planCode, Term term, OwedTerm owed, PlanTerm plan) {
    }

    /** One discount on one term: what items are netted on. */
    private record Key(String ref, String subscriptionId, String planCode, Term term) {
    }

    /** What a discount owes a term now: the amount (negative or zero) and the days it covers. */
    private record Owed(BigDecimal amount, LocalDate firstDay, LocalDate end, String arithmetic) {
        static final Owed NOTHING = new Owed(Money.ZERO, null, null, null);
    }

    private DiscountCharger() {
    }

    static List<DiscountLine> charge(List<BilledTerm> terms, CommercialTerms commercial, DayCount dayCount,
                                     Language language) {
        Map<Key, BigDecimal> billed = new LinkedHashMap<>();
        for (DiscountItem item : commercial.discountsBilled()) {
            billed.merge(new Key(item.discountRef(), item.subscriptionId(), item.planCode(), item.term()), item.amount(),
                    BigDecimal::add);
        }
        List<DiscountLine> lines = new ArrayList<>();
        for (BilledTerm term : terms) {
            for (Discount discount : commercial.discounts()) {
                Key key = new Key(discount.ref(), term.subscriptionId(), term.planCode(), term.term());
                BigDecimal billedAmount = billed.remove(key);
                if (!discount.applies(term.subscriptionId()) && billedAmount == null) {
                    continue;
                }
                Owed owed = term.owed() == null || !discount.applies(term.subscriptionId()) ? Owed.NOTHING
                        : owe(discount, term.owed(), dayCount);
                if (billedAmount == null) {
                    if (owed.amount().signum() != 0) {
                        lines.add(line(key, discount, term, owed, owed.amount(), null, language));
                    }
                } else if (owed.amount().compareTo(billedAmount) != 0) {
                    lines.add(line(key, discount, term, owed, owed.amount().subtract(billedAmount), billedAmount,
                            language));
                }
            }
        }
        // taken off before by a discount no longer known or no longer on that subscription: given back
        billed.forEach((key, amount) -> {
            if (amount.signum() != 0) {
                BilledTerm term = terms.stream().filter(t -> t.subscriptionId().equals(key.subscriptionId())
                        && t.planCode().equals(key.planCode()) && t.term().equals(key.term())).findFirst()
                        .orElse(new BilledTerm(key.subscriptionId(), key.planCode(), key.term(), null, null));
                lines.add(line(key, null, term, Owed.NOTHING, amount.negate(), amount, language));
            }
        });
        // in the order of the days they are about, as the plan lines
        lines.sort(Comparator.comparing((DiscountLine line) -> line.item().subscriptionId())
                .thenComparing(line -> line.line().periodStart()).thenComparing(line -> line.item().planCode())
                .thenComparing(line -> line.item().discountRef()));
        return lines;
    }

    /** What the discount takes off the term as it is owed now, on the plan's counted days. */
    private static Owed owe(Discount discount, OwedTerm owed, DayCount dayCount) {
        long weighted = 0;
        long days = 0;
        LocalDate first = null;
        LocalDate end = null;
        for (OwedTerm.Piece piece : owed.pieces()) {
            if (piece.weight() == 0) {
                continue;
            }
            LocalDate from = piece.from().isBefore(discount.from()) ? discount.from() : piece.from();
            LocalDate to = discount.until() == null || piece.to().isBefore(discount.until()) ? piece.to()
                    : discount.until();
            if (!from.isBefore(to)) {
                continue;
            }
            long counted = dayCount.days(owed.billDay(), owed.term(), from, to);
            weighted += piece.weight() * counted;
            days += counted;
            first = first == null || from.isBefore(first) ? from : first;
            end = end == null || to.isAfter(end) ? to : end;
        }
        if (weighted == 0) {
            return Owed.NOTHING;
        }
        BigDecimal termDays = BigDecimal.valueOf(owed.termDays());
        BigDecimal exact;
        String arithmetic;
        if (discount.kind() == DiscountKind.PERCENT) {
            exact = owed.price().multiply(discount.value()).multiply(BigDecimal.valueOf(weighted));
            arithmetic = owed.price() + " x " + discount.value().stripTrailingZeros().toPlainString() + "% x "
                    + weighted + " / " + owed.termDays();
            termDays = termDays.multiply(HUNDRED);
        } else {
            BigDecimal fixed = discount.value().multiply(BigDecimal.valueOf(days));
            BigDecimal plan = owed.price().multiply(BigDecimal.valueOf(weighted));
            exact = fixed.min(plan);
            arithmetic = "min(" + discount.value() + " x " + days + ", " + owed.price() + " x " + weighted + ") / "
                    + owed.termDays();
        }
        BigDecimal amount = exact.divide(termDays, Money.SCALE, Money.ROUNDING);
        return new Owed(amount.negate(), first, end, arithmetic + " = " + amount);
    }

    private static DiscountLine line(Key key, Discount discount, BilledTerm term, Owed owed, BigDecimal amount,
                                     BigDecimal billedBefore, Language language) {
        String planName = term.plan() == null ? key.planCode() : term.plan().name(language);
        LocalDate first = owed.firstDay() != null ? owed.firstDay() : term.term().start();
        LocalDate end = owed.end() != null ? owed.end() : term.term().end();
        String description = (discount == null ? discountWord(language) : what(discount, language)) + " "
                + planName + ", " + days(first, end.minusDays(1), language);
        String reason;
        if (billedBefore == null) {
            reason = "Discount " + key.ref() + " on plan " + key.planCode() + " for " + first + ".." + end.minusDays(1)
                    + " of term " + key.term() + ": " + owed.arithmetic();
        } else {
            description += language == Language.FR ? " (ajusté au service actuel)" : " (adjusted to the service as it is now)";
            reason = "Discount " + key.ref() + (discount == null ? " (no longer applies)" : "") + " on plan "
                    + key.planCode() + ", term " + key.term() + ": owes "
                    + (owed.arithmetic() == null ? "nothing" : owed.amount() + " (" + owed.arithmetic() + ")")
                    + " as the service is now, took " + billedBefore + " before: " + (amount.signum() > 0 ? "give back "
                    : "take off ") + amount.abs();
        }
        InvoiceLine line = new InvoiceLine(LineType.DISCOUNT, lineKey(key), RecurringWording.fit(description,
                RecurringWording.MAX_DESCRIPTION), RecurringWording.fit(reason, RecurringWording.MAX_REASON), first,
                end.minusDays(1), null, null, null, amount);
        return new DiscountLine(line, new DiscountItem(key.ref(), key.subscriptionId(), key.planCode(), key.term(),
                amount));
    }

    /** "10% off", "5.00 off"; "Rabais de 10 % sur", "Rabais de 5,00 sur". */
    private static String what(Discount discount, Language language) {
        String value = discount.kind() == DiscountKind.PERCENT ? discount.value().stripTrailingZeros().toPlainString()
                : discount.value().toPlainString();
        if (language == Language.FR) {
            return "Rabais de " + value.replace('.', ',') + (discount.kind() == DiscountKind.PERCENT ? " %" : "")
                    + " sur";
        }
        return value + (discount.kind() == DiscountKind.PERCENT ? "%" : "") + " off";
    }

    private static String discountWord(Language language) {
        return language == Language.FR ? "Rabais sur" : "Discount on";
    }

    /** "1-31 March", "15 March", "20 December - 19 March", with the years when they differ. */
    static String days(LocalDate first, LocalDate last, Language language) {
        boolean fr = language == Language.FR;
        if (first.equals(last)) {
            return fr ? ServiceChange.fr(first) : ServiceChange.en(first);
        }
        if (first.getYear() == last.getYear() && first.getMonth() == last.getMonth()) {
            String lastDay = fr ? ServiceChange.fr(last) : ServiceChange.en(last);
            return (fr && first.getDayOfMonth() == 1 ? "1er" : Integer.toString(first.getDayOfMonth())) + "-" + lastDay;
        }
        String from = fr ? ServiceChange.fr(first) : ServiceChange.en(first);
        String to = fr ? ServiceChange.fr(last) : ServiceChange.en(last);
        if (first.getYear() != last.getYear()) {
            from += " " + first.getYear();
            to += " " + last.getYear();
        }
        return from + " - " + to;
    }

    /** One line per discount per term of a plan of a subscription per invoice, the same on a rerun (at most 119 characters). */
    private static String lineKey(Key key) {
        return LineType.DISCOUNT + ":" + key.ref() + ":" + key.subscriptionId() + ":" + key.planCode() + ":"
                + key.term().start() + ":" + key.term().end();
    }
}
