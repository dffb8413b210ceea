package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Money received on a written-off account after its open invoices took their share: a bad-debt
 * recovery. It goes to the written-off amounts oldest first (due date, invoice number, then the
 * order the invoice was written off in), so the account's written-off total goes down by what was
 * recovered; what is left beyond the written-off total stays a credit on the account, as any
 * overpayment.
 */
public final class BadDebtRecovery {

    /** What is still written off of one write-off of an invoice (its amount less what was recovered of it). */
    public record WrittenOff(long writeOffId, long invoiceId, String invoiceNumber, LocalDate dueDate, int sequence,
                             BigDecimal outstanding) {
    }

    /** Recovered of one write-off. */
    public record Recovered(long writeOffId, long invoiceId, BigDecimal amount) {
    }

    /** The recoveries (oldest first) and what is left as a credit. */
    public record Result(List<Recovered> recovered, BigDecimal left) {

        public BigDecimal total() {
            return Money.sum(recovered.stream().map(Recovered::amount).toList());
        }
    }

    private static final Comparator<WrittenOff> OLDEST_FIRST = Comparator.comparing(WrittenOff::dueDate)
            .thenComparing(WrittenOff::invoiceNumber).thenComparingInt(WrittenOff::sequence);

    private BadDebtRecovery() {
    }

    /** Applies {@code amount} (0 or more, cents) to the written-off amounts, oldest first. */
    public static Result recover(BigDecimal amount, List<WrittenOff> writtenOff) {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a recovery is 0 or more: " + amount);
        }
        BigDecimal left = amount.setScale(Money.SCALE, RoundingMode.UNNECESSARY);
        List<WrittenOff> oldestFirst = new ArrayList<>(writtenOff);
        oldestFirst.sort(OLDEST_FIRST);
        List<Recovered> recovered = new ArrayList<>();
        for (WrittenOff w : oldestFirst) {
            if (left.signum() == 0) {
                break;
            }
            if (w.outstanding().signum() <= 0) {
                continue;
            }
            BigDecimal taken = left.min(w.outstanding()).setScale(Money.SCALE, RoundingMode.UNNECESSARY);
            recovered.add(new Recovered(w.writeOffId(), w.invoiceId(), taken));
            left = left.subtract(taken);
        }
        return new Result(recovered, left);
    }

    /** The write-offs still outstanding after a recovery, for the next payment of the same account. */
    public static List<WrittenOff> remaining(List<WrittenOff> writtenOff, Result result) {
        List<WrittenOff> left = new ArrayList<>();
        for (WrittenOff w : writtenOff) {
            BigDecimal taken = Money.sum(result.recovered().stream().filter(r -> r.writeOffId() == w.writeOffId())
                    .map(Recovered::amount).toList());
            BigDecimal still = w.outstanding().subtract(taken);
            if (still.signum() > 0) {
                left.add(new WrittenOff(w.writeOffId(), w.invoiceId(), w.invoiceNumber(), w.dueDate(), w.sequence(), still));
            }
        }
        return left;
    }
}
