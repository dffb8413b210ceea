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
 * {@link BadFileException}, an unreadable file, any {@code Throwable}) is thrown by
 * {@link #hasNext()} or {@link #next()} where it happened, after the records before it: the same
 * exception when unchecked, else wrapped. The source is read at most {@code limit} times, its
 * {@code hasNext()} asked only while fewer were read (a reader whose position moves when it looks
 * ahead stays after the last record given). Once {@link #hasNext()} has answered false, the source
 * is no longer touched by the reading thread and the caller may ask it where it stopped.
 * {@link #close()} stops the reading thread, waits for it (also when the caller is interrupted),
 * then closes the source when it is {@link Closeable}.
 *
 * <p>At most {@code CHUNKS + 2} chunks of {@code CHUNK} records are held at once (about 2,500
 * records: each keeps its raw line for the reject file, a few hundred bytes for the equipment's
 * files, at most the 64 KiB a record may have).
 */
public final class ReadAhead<T> implements Iterator<T>, Closeable {

    /** Records handed over at a time: one hand-over per record would cost more than it saves. */
    private static final int CHUNK = 250;
    /** Chunks waiting for the caller at most. */
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
            if (!chunk.isEmpty()) {
                hand(chunk);
            }
        } catch (Throwable e) {
            failure = e; // thrown to the caller where it happened, after the records before it
            if (!chunk.isEmpty()) {
                hand(chunk);
            }
        } finally {
            hand(new End(failure)); // always: the caller waits for it
        }
    }

    /** Waits for room, unless the caller has stopped reading (then the chunk is dropped). */
    private void hand(Object chunk) {
        boolean interrupted = false;
        while (!stopped) {
            try {
                if (chunks.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true; // not the caller's stop: the records still go to the caller
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean hasNext() {
        while (index == current.size()) {
            if (stopped) {
                throw new IllegalStateException("records read ahead asked for after close()");
            }
            if (end != null) {
                Throwable failure = end.failure();
                if (failure instanceof RuntimeException e) {
                    throw e;
                }
                if (failure instanceof Error e) {
                    throw e;
                }
                if (failure != null) {
                    throw new IllegalStateException("reading " + reader.getName() + " failed: " + failure, failure);
                }
                return false;
            }
            Object chunk;
            try {
                chunk = chunks.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for records read ahead", e);
            }
            if (chunk == null) {
                if (!reader.isAlive() && chunks.isEmpty()) {
                    throw new IllegalStateException(reader.getName() + " ended without saying so");
                }
            } else if (chunk instanceof End last) {
                end = last;
                joinUninterruptibly(); // the source is the caller's again
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
        current = List.of();
        index = 0;
        try {
            chunks.clear();
            joinUninterruptibly();
        } finally {
            if (source instanceof Closeable closeable) {
                closeable.close();
            }
        }
    }

    /** Waits for the reading thread to end; an interrupt meanwhile is kept for the caller. */
    private void joinUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
