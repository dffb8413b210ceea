package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A general-ledger journal: entries of lines, each entry one invoice or payment. Double entry
 * holds when every entry's debits equal its credits in its currency; a journal that does not is
 * refused whole, naming the entries, never evened out with a balancing line of its own.
 */
public final class Journal {

    private final List<JournalLine> lines;

    private Journal(List<JournalLine> lines) {
        this.lines = List.copyOf(lines);
    }

    /** The journal of these lines, or {@link UnbalancedJournalException} naming each entry that does not balance. */
    public static Journal balanced(List<JournalLine> lines) {
        List<String> unbalanced = unbalancedEntries(lines);
        if (!unbalanced.isEmpty()) {
            throw new UnbalancedJournalException(unbalanced);
        }
        return new Journal(lines);
    }

    /**
     * The entries of these lines whose debits differ from their credits, with the difference.
     * Every line of an entry must be among them (a journal written a page of entries at a time
     * checks each page).
     */
    public static List<String> unbalancedEntries(List<JournalLine> lines) {
        Map<String, BigDecimal> byEntry = new LinkedHashMap<>();
        for (JournalLine line : lines) {
            byEntry.merge(line.sourceType() + " " + line.sourceRef() + " " + line.currency(), line.amount(),
                    BigDecimal::add);
        }
        List<String> unbalanced = new ArrayList<>();
        byEntry.forEach((entry, difference) -> {
            if (difference.signum() != 0) {
                unbalanced.add(entry + " (debits - credits = " + difference + ")");
            }
        });
        return unbalanced;
    }

    /**
     * What a journal posts, summed as its lines go by: a journal written a page at a time keeps
     * only these figures, never every line of a cycle.
     */
    public static final class Totals {
        private long lines;
        private final Map<String, BigDecimal> debits = new TreeMap<>();
        private final Map<String, BigDecimal> credits = new TreeMap<>();
        private final Map<String, BigDecimal> net = new TreeMap<>();

        public void add(JournalLine l) {
            lines++;
            debits.merge(l.currency(), l.debit(), BigDecimal::add);
            credits.merge(l.currency(), l.credit(), BigDecimal::add);
            net.merge(l.currency() + " " + l.glAccount(), l.amount(), BigDecimal::add);
        }

        public long lineCount() {
            return lines;
        }

        /** As {@link Journal#debits()}. */
        public Map<String, BigDecimal> debits() {
            return debits;
        }

        public Map<String, BigDecimal> credits() {
            return credits;
        }

        /** As {@link Journal#netByAccount()}. */
        public Map<String, BigDecimal> netByAccount() {
            return net;
        }
    }

    public List<JournalLine> lines() {
        return lines;
    }

    /** Debits per currency; equal to {@link #credits()} in each currency, as every entry balances. */
    public Map<String, BigDecimal> debits() {
        Map<String, BigDecimal> total = new TreeMap<>();
        lines.forEach(l -> total.merge(l.currency(), l.debit(), BigDecimal::add));
        return total;
    }

    public Map<String, BigDecimal> credits() {
        Map<String, BigDecimal> total = new TreeMap<>();
        lines.forEach(l -> total.merge(l.currency(), l.credit(), BigDecimal::add));
        return total;
    }

    /** Net amount (debit positive) per currency and GL account: what the entries post to each account. */
    public Map<String, BigDecimal> netByAccount() {
        Map<String, BigDecimal> total = new TreeMap<>();
        lines.forEach(l -> total.merge(l.currency() + " " + l.glAccount(), l.amount(), BigDecimal::add));
        return total;
    }

    /** Debits and credits of some entries differ: the journal is not written. */
    public static final class UnbalancedJournalException extends IllegalStateException {

        public UnbalancedJournalException(List<String> entries) {
            super("the journal does not balance, " + entries.size() + " entries: "
                    + String.join("; ", entries.subList(0, Math.min(entries.size(), 10)))
                    + (entries.size() > 10 ? "; ..." : ""));
        }
    }
}
