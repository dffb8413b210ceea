package ca.isp.billing.jobs.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads items page by page in key order ({@code WHERE key > :last ORDER BY key LIMIT :size}),
 * each page loaded with everything the chunk needs in a few queries. The key is usually the
 * row id; the invoice step reads by account number, so numbers are given in that order.
 *
 * <p>It deliberately saves no position: every query selects only work not done yet (by status
 * or date), so a restarted step simply reads again from the start of its range and finds the
 * rest. A saved item count would skip work, because done rows drop out of the query.
 *
 * @param <T> the item
 * @param <K> its key, unique and in the order the query sorts by
 */
public class KeysetPageReader<T, K> implements ItemReader<T> {

    /** Loads the next page after the given key (exclusive), in ascending key order. */
    @FunctionalInterface
    public interface PageLoader<T, K> {
        List<T> load(K after, int pageSize);
    }

    private final PageLoader<T, K> loader;
    private final Function<T, K> keyOf;
    private final int pageSize;
    private final Deque<T> buffer = new ArrayDeque<>();
    private K last;
    private boolean exhausted;

    /**
     * @param first a key below every real key ({@code Long.MIN_VALUE} for ids, {@code ""} for
     *              account numbers), so the first page starts at the beginning
     */
    /**
     * The key before a partition's first id, where a reader of ids from {@code minId} starts:
     * {@code minId - 1}, or {@code Long.MIN_VALUE} itself for the whole range (a partition whose
     * context a kill left empty reads from {@code Long.MIN_VALUE}; {@code minId - 1} would wrap
     * round to {@code Long.MAX_VALUE} and read nothing).
     */
    public static long keyBefore(long minId) {
        return minId == Long.MIN_VALUE ? Long.MIN_VALUE : minId - 1;
    }

    public KeysetPageReader(PageLoader<T, K> loader, Function<T, K> keyOf, K first, int pageSize) {
        this.loader = loader;
        this.keyOf = keyOf;
        this.last = first;
        this.pageSize = pageSize;
    }

    @Override
    public T read() {
        if (buffer.isEmpty() && !exhausted) {
            List<T> page = loader.load(last, pageSize);
            if (page.size() < pageSize) {
                exhausted = true;
            }
            buffer.addAll(page);
        }
        T next = buffer.poll();
        if (next != null) {
            last = keyOf.apply(next);
        }
        return next;
    }
}
