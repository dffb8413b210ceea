package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ca.isp.billing.domain.ReconciliationEquation.Term;

/**
 * Proof after a run that every record is accounted for: usage lines read against records stored,
 * stored against rated, rated against billed, payments read against applied, invoices against
 * issued and held, deliveries against their outcomes, and per currency the ledger rolled forward
 * from its opening balance to a closing balance taken from the invoices and payments themselves.
 * Each figure is counted where it truly lives (the readers' line counts, the tables' rows), so a
 * record lost between two places breaks the equation that joins them.
 */
public final class Reconciliation {

    private final List<ReconciliationEquation> equations;

    public Reconciliation(List<ReconciliationEquation> equations) {
        this.equations = List.copyOf(equations);
    }

    /** Usage lines read (the readers' count at ingest) = records stored (rows now) + duplicates + rejected. */
    public static ReconciliationEquation usageRead(long linesRead, long stored, long duplicates, long rejected) {
        return new ReconciliationEquation("usage read", List.of(Term.plus("usage lines read", linesRead)),
                List.of(Term.plus("stored", stored), Term.plus("duplicates", duplicates), Term.plus("rejected", rejected)));
    }

    /** Records stored = rated + unmatched + rating gaps: a record still NEW was missed by the rate step. */
    public static ReconciliationEquation usageStored(long stored, long rated, long unmatched, long ratingGaps) {
        return new ReconciliationEquation("usage stored", List.of(Term.plus("usage stored", stored)),
                List.of(Term.plus("rated", rated), Term.plus("unmatched", unmatched), Term.plus("rating gaps", ratingGaps)));
    }

    /** Rated = billed (on an invoice that exists) + left for later (rated, on no invoice yet). */
    public static ReconciliationEquation usageRated(long rated, long billed, long leftForLater) {
        return new ReconciliationEquation("usage rated", List.of(Term.plus("usage rated", rated)),
                List.of(Term.plus("billed", billed), Term.plus("left for later", leftForLater)));
    }

    /**
     * Payment lines read = applied (wholly taken by invoices) + credit left (stored, money left on the
     * account no invoice has taken yet) + duplicates + rejected + suspense (money for no known
     * account or invoice, not assigned yet, or reversed while there) + reversals (returned payments).
     */
    public static ReconciliationEquation paymentsRead(long linesRead, long applied, long creditLeft, long duplicates,
                                                      long rejected, long suspense, long reversals) {
        return new ReconciliationEquation("payments read", List.of(Term.plus("payment lines read", linesRead)),
                List.of(Term.plus("applied", applied), Term.plus("credit left", creditLeft),
                        Term.plus("duplicates", duplicates), Term.plus("rejected", rejected),
                        Term.plus("suspense", suspense), Term.plus("reversals", reversals)));
    }

    /**
     * The money of the payment files as their reader accepted it: received - reversed = paid to
     * accounts (payments, those assigned from suspense included) + in suspense - reversals stored.
     * Amounts as the files give them (a file is one bank's deposit, in one currency).
     */
    public static ReconciliationEquation paymentMoney(BigDecimal received, BigDecimal reversed, BigDecimal toAccounts,
                                                      BigDecimal inSuspense, BigDecimal reversals) {
        return new ReconciliationEquation("payment money",
                List.of(Term.plus("money received", Money.round(received)), Term.minus("reversed", Money.round(reversed))),
                List.of(Term.plus("paid to accounts", Money.round(toAccounts)),
                        Term.plus("in suspense", Money.round(inSuspense)),
                        Term.minus("reversals", Money.round(reversals))));
    }

    /**
     * The cycle's invoices = issued (with their ledger entry) + voided (issued, then cancelled by a
     * credit note) + held, one figure per reason (held 0: none).
     */
    public static ReconciliationEquation invoices(long invoices, long issued, long voided, Map<String, Long> heldByReason) {
        List<Term> right = new ArrayList<>();
        right.add(Term.plus("issued", issued));
        right.add(Term.plus("voided", voided));
        if (heldByReason.isEmpty()) {
            right.add(Term.plus("held", 0));
        }
        new TreeMap<>(heldByReason).forEach((reason, n) -> right.add(Term.plus("held (" + reason + ")", n)));
        return new ReconciliationEquation("invoices", List.of(Term.plus("invoices", invoices)), right);
    }

    /** Deliveries of the cycle's invoices = sent + pending + failed + needs attention. */
    public static ReconciliationEquation deliveries(long deliveries, long sent, long pending, long failed, long attention,
                                                    long voided) {
        return new ReconciliationEquation("deliveries", List.of(Term.plus("deliveries", deliveries)),
                List.of(Term.plus("sent", sent), Term.plus("pending", pending), Term.plus("failed", failed),
                        Term.plus("needs attention", attention), Term.plus("voided", voided)));
    }

    /**
     * Opening balance + invoices - payments - credits + reversals = closing balance, in one
     * currency. Late fees are in the invoices that bill them, never added on their own.
     */
    public static ReconciliationEquation ledger(String currency, BigDecimal opening, BigDecimal invoices,
                                                BigDecimal payments, BigDecimal credits, BigDecimal reversals,
                                                BigDecimal closing) {
        return new ReconciliationEquation("ledger " + currency,
                List.of(Term.plus("opening balance", Money.round(opening)), Term.plus("invoices", Money.round(invoices)),
                        Term.minus("payments", Money.round(payments)), Term.minus("credits", Money.round(credits)),
                        Term.plus("reversals", Money.round(reversals))),
                List.of(Term.plus("closing balance", Money.round(closing))));
    }

    /**
     * The reason an invoice is held without the account that makes it particular
     * ({@code account 1001: no tax rates for CA/QC} -> {@code no tax rates for CA/QC}), so holds
     * group by reason.
     */
    public static String holdReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return "no reason given";
        }
        if (reason.startsWith("account ")) {
            int colon = reason.indexOf(": ");
            if (colon > 0) {
                return reason.substring(colon + 2);
            }
        }
        return reason;
    }

    public List<ReconciliationEquation> equations() {
        return equations;
    }

    /** The equation of that name ({@code usage read}, {@code ledger CAD}, ...). */
    public ReconciliationEquation equation(String name) {
        return equations.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no equation '" + name + "'"));
    }

    public List<ReconciliationEquation> broken() {
        return equations.stream().filter(e -> !e.holds()).toList();
    }

    public boolean holds() {
        return broken().isEmpty();
    }

    /** The table for people: each equation in words, its figures, and whether it holds. */
    public String table() {
        StringBuilder out = new StringBuilder();
        for (ReconciliationEquation e : equations) {
            out.append(String.format("  %-14s %-15s %s%n", e.holds() ? "holds" : "DOES NOT HOLD", e.name(), e.formula()));
            out.append(String.format("  %-14s %-15s %s%s%n", "", "", e.figures(),
                    e.holds() ? "" : "   (off by " + e.difference().toPlainString() + ")"));
        }
        List<ReconciliationEquation> broken = broken();
        out.append(broken.isEmpty() ? "  every equation holds\n"
                : String.format("  %d of %d equations do not hold%n", broken.size(), equations.size()));
        return out.toString();
    }
}
