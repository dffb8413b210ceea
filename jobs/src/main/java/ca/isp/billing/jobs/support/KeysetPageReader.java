package ca.isp.billing.jobs.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.ToLongFunction;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads items page by page in id order ({@code WHERE id > :lastId ORDER BY id LIMIT :size}),
 * each page loaded with everything the chunk needs in a few queries.
 *
 * <p>It deliberately saves no position: every query selects only work not done yet (by status
 * or date), so a restarted step simply reads again from the start of its range and finds the
 * rest. A saved item count would skip work, because done rows drop out of the query.
 */
public class KeysetPageReader<T> implements ItemReader<T> {

    /** Loads the next page after the given id (exclusive), in ascending id order. */
    @FunctionalInterface
    public interface PageLoader<T> {
        List<T> load(long afterId, int pageSize);
    }

    private final PageLoader<T> loader;
    private final ToLongFunction<T> idOf;
    private final int pageSize;
    private final Deque<T> buffer = new ArrayDeque<>();
    private long lastId = Long.MIN_VALUE;
    private boolean exhausted;

    public KeysetPageReader(PageLoader<T> loader, ToLongFunction<T> idOf, int pageSize) {
        this.loader = loader;
        this.idOf = idOf;
        this.pageSize = pageSize;
    }

    @Override
    public T read() {
        if (buffer.isEmpty() && !exhausted) {
            List<T> page = loader.load(lastId, pageSize);
            if (page.size() < pageSize) {
                exhausted = true;
            }
            buffer.addAll(page);
        }
        T next = buffer.poll();
        if (next != null) {
            lastId = idOf.applyAsLong(next);
        }
        return next;
    }
}
