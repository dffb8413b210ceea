package ca.isp.billing.readers;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a file's records on a thread of its own, a few thousand ahead of the caller, so parsing
 * the next records overlaps what the caller does with the last ones (its database batch): on
 * two cores an ingest otherwise parses, then waits for the database, then parses again.
 *
 * <p>The records come in the source's order, each once. A failure of the source (a
 * {@link BadFileException}, an unreadable file) is thrown by {@link #hasNext()} or
 * {@link #next()} where it happened, after the records before it. The source is read at most
 * {@code limit} times, its {@code hasNext()} asked only while fewer were read (a reader whose
 * position moves when it looks ahead stays after the last record given). Once {@link #hasNext()}
 * has answered false, the source is no longer touched by the reading thread and the caller may
 * ask it where it stopped. {@link #close()} stops the reading thread, waits for it, then closes
 * the source when it is {@link Closeable}.
 */
public final class ReadAhead<T> implements Iterator<T>, Closeable {

    /** Records handed over at a time: one hand-over per record would cost more than it saves. */
    private static final int CHUNK = 250;
    /** Chunks read ahead at most: 2,000 records, a few megabytes at worst. */
    private static final int CHUNKS = 8;

    /** The last chunk: the source ended (or reached the limit), or failed. */
    private record End(Throwable failure) {
    }

    private final Iterator<T> source;
    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread reader;
    private volatile boolean stopped;
    private List<T> current = List.of();
    private int index;
    private End end;

    private ReadAhead(Iterator<T> source, long limit, String name) {
        this.source = source;
        this.reader = new Thread(() -> read(limit), "read-ahead " + name);
        this.reader.setDaemon(true);
    }

    /** Starts reading the source, all of it. */
    public static <T> ReadAhead<T> start(Iterator<T> source, String name) {
        return start(source, Long.MAX_VALUE, name);
    }

    /** Starts reading at most {@code limit} records of the source. */
    public static <T> ReadAhead<T> start(Iterator<T> source, long limit, String name) {
        ReadAhead<T> ahead = new ReadAhead<>(source, limit, name);
        ahead.reader.start();
        return ahead;
    }

    private void read(long limit) {
        Throwable failure = null;
        List<T> chunk = new ArrayList<>(CHUNK);
        try {
            long taken = 0;
            while (!stopped && taken < limit && source.hasNext()) {
                chunk.add(source.next());
                taken++;
                if (chunk.size() == CHUNK) {
                    hand(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e; // thrown to the caller where it happened, after the records before it
        }
        if (!chunk.isEmpty()) {
            hand(chunk);
        }
        hand(new End(failure));
    }

    /** Waits for room, unless the caller has stopped reading (then the chunk is dropped). */
    private void hand(Object chunk) {
        try {
            while (!stopped && !chunks.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
                // the caller is busy with its batch: wait for it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean hasNext() {
        while (index == current.size()) {
            if (end != null) {
                if (end.failure() instanceof RuntimeException e) {
                    throw e;
                }
                if (end.failure() instanceof Error e) {
                    throw e;
                }
                return false;
            }
            Object chunk;
            try {
                chunk = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for records read ahead", e);
            }
            if (chunk instanceof End last) {
                join(); // the source is the caller's again
                end = last;
            } else {
                current = (List<T>) chunk;
                index = 0;
            }
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.get(index++);
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        chunks.clear();
        join();
        if (source instanceof Closeable closeable) {
            closeable.close();
        }
    }

    private void join() {
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the reading thread", e);
        }
    }
}
