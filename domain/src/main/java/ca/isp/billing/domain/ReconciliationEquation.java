package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One line of the reconciliation: the left side must equal the right side, each a signed sum of
 * named figures (counts of records, or amounts of money). Figures come from different places (what
 * a reader saw against what a table holds), so a record lost between them breaks the equation.
 */
public record ReconciliationEquation(String name, List<Term> left, List<Term> right) {

    /** A named figure, added or subtracted. */
    public record Term(String label, BigDecimal value, boolean subtracted) {

        public static Term plus(String label, BigDecimal value) {
            return new Term(label, value, false);
        }

        public static Term plus(String label, long count) {
            return new Term(label, BigDecimal.valueOf(count), false);
        }

        public static Term minus(String label, BigDecimal value) {
            return new Term(label, value, true);
        }

        BigDecimal signed() {
            return subtracted ? value.negate() : value;
        }
    }

    public ReconciliationEquation {
        if (left.isEmpty() || right.isEmpty()) {
            throw new IllegalArgumentException("an equation needs figures on both sides: " + name);
        }
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    public BigDecimal leftTotal() {
        return sum(left);
    }

    public BigDecimal rightTotal() {
        return sum(right);
    }

    /** Compared by value: 10.0 is 10.00. */
    public boolean holds() {
        return leftTotal().compareTo(rightTotal()) == 0;
    }

    /** Left minus right: what is missing on the right (negative: too much on the right). */
    public BigDecimal difference() {
        return leftTotal().subtract(rightTotal());
    }

    /** The equation in words: {@code usage lines read = stored + duplicates + rejected}. */
    public String formula() {
        return words(left) + " = " + words(right);
    }

    /** The same with the figures: {@code 1204 = 1180 + 1 + 23}. */
    public String figures() {
        return numbers(left) + " = " + numbers(right);
    }

    /** The value of the figure of that label, on either side. */
    public BigDecimal value(String label) {
        return Stream.concat(left.stream(), right.stream()).filter(t -> t.label().equals(label))
                .map(Term::value).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no figure '" + label + "' in " + formula()));
    }

    private static BigDecimal sum(List<Term> terms) {
        return terms.stream().map(Term::signed).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String words(List<Term> terms) {
        return join(terms, Term::label);
    }

    private static String numbers(List<Term> terms) {
        return join(terms, t -> t.value().toPlainString());
    }

    private static String join(List<Term> terms, Function<Term, String> text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            if (i == 0) {
                out.append(t.subtracted() ? "-" : "").append(text.apply(t));
            } else {
                out.append(t.subtracted() ? " - " : " + ").append(text.apply(t));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return name + ": " + formula() + ": " + figures() + (holds() ? "" : " (off by " + difference().toPlainString() + ")");
    }
}
