package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a returned payment (NSF cheque, chargeback) takes back when it returns all or part of a
 * payment. The rule, in order:
 * <ol>
 * <li>the amount may not exceed what is left of the payment unreversed (its amount less the
 * reversals before), so two partial reversals of one payment add up to at most the payment;</li>
 * <li>the credit the payment left on the account (its unapplied money) is taken back first: no
 * invoice needs reopening for money no invoice used;</li>
 * <li>then the invoices it paid are reopened, the most recent first (latest invoice date, then
 * the highest invoice number), each for at most what the payment still pays on it: the oldest
 * debt, which the payment paid first, is the last to open again (it ages into late fees first).</li>
 * </ol>
 * A whole reversal is the same rule with the whole amount: every invoice reopened, the credit taken.
 */
public final class PaymentReversal {

    /** What a payment pays on one invoice now (its allocation, less earlier partial reversals). */
    public record Paid(long invoiceId, String invoiceNumber, LocalDate invoiceDate, BigDecimal amount) {
        public Paid {
            Objects.requireNonNull(invoiceDate, "invoice date");
        }
    }

    /** An invoice reopened for {@code amount}. */
    public record Reopened(long invoiceId, BigDecimal amount) {
    }

    /** The credit taken back and the invoices reopened; their sum is the reversal's amount. */
    public record Outcome(BigDecimal creditTaken, List<Reopened> reopened) {
    }

    private PaymentReversal() {
    }

    /** Null when the amount may be reversed; else why not, in words. */
    public static String refusal(BigDecimal paymentAmount, BigDecimal reversedBefore, BigDecimal amount) {
        if (amount.signum() <= 0) {
            return "a reversal takes back a positive amount, not " + Money.round(amount).toPlainString();
        }
        BigDecimal left = paymentAmount.subtract(reversedBefore);
        if (amount.compareTo(left) > 0) {
            return "payment was " + Money.round(paymentAmount).toPlainString()
                    + (reversedBefore.signum() > 0 ? ", " + Money.round(reversedBefore).toPlainString()
                    + " reversed already" : "") + ": at most " + Money.round(left).toPlainString()
                    + " is left to reverse, not " + Money.round(amount).toPlainString();
        }
        return null;
    }

    /**
     * Why a reversal cannot take back {@code amount} from what the payment still holds on the
     * account (its credit and what it pays on invoices), or null when it can. Money of the payment
     * that left the account another way (a closed account's credit refunded) is out of a
     * reversal's reach: the line is refused for an operator rather than taken from nowhere.
     */
    public static String beyondReach(BigDecimal amount, BigDecimal unapplied, List<Paid> paid) {
        BigDecimal held = Money.round(unapplied).max(Money.ZERO);
        for (Paid invoice : paid) {
            held = held.add(Money.round(invoice.amount()));
        }
        if (Money.round(amount).compareTo(held) > 0) {
            return "the payment holds only " + held.toPlainString() + " on the account now (credit and invoices it"
                    + " pays; the rest left it, e.g. refunded at closing): a reversal of "
                    + Money.round(amount).toPlainString() + " cannot be taken from it";
        }
        return null;
    }

    /**
     * @param amount    the reversal's amount, already checked by {@link #refusal} and {@link #beyondReach}
     * @param unapplied the credit the payment left that no invoice has used
     * @param paid      what the payment pays on each invoice now
     */
    public static Outcome takeBack(BigDecimal amount, BigDecimal unapplied, List<Paid> paid) {
        BigDecimal left = Money.round(amount);
        BigDecimal credit = left.min(Money.round(unapplied)).max(Money.ZERO);
        left = left.subtract(credit);
        List<Paid> newestFirst = new ArrayList<>(paid);
        newestFirst.sort(Comparator.comparing(Paid::invoiceDate).thenComparing(Paid::invoiceNumber,
                Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
        List<Reopened> reopened = new ArrayList<>();
        for (Paid invoice : newestFirst) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal take = left.min(invoice.amount());
            if (take.signum() > 0) {
                reopened.add(new Reopened(invoice.invoiceId(), take));
                left = left.subtract(take);
            }
        }
        if (left.signum() != 0) {
            throw new IllegalStateException("the payment pays " + left.toPlainString()
                    + " less than the reversal takes back: its allocations do not add up");
        }
        return new Outcome(credit, List.copyOf(reopened));
    }
}
