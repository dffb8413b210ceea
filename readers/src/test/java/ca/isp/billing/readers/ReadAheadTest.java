package ca.isp.billing.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {

    /** Numbers 0 .. size-1, counting how often it is asked, and on which thread; fails at {@code failAt}. */
    private static final class Numbers implements Iterator<Integer>, Closeable {
        final int size;
        final int failAt;
        final AtomicInteger hasNextCalls = new AtomicInteger();
        volatile int given;
        volatile boolean closed;
        volatile Thread readBy;

        Numbers(int size, int failAt) {
            this.size = size;
            this.failAt = failAt;
        }

        @Override
        public boolean hasNext() {
            hasNextCalls.incrementAndGet();
            readBy = Thread.currentThread();
            return given < size;
        }

        @Override
        public Integer next() {
            if (given == failAt) {
                throw new BadFileException("numbers.csv", "line " + (given + 1) + " cannot be read");
            }
            return given++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void givesEveryRecordOnceInOrderReadOnAnotherThread() throws Exception {
        Numbers source = new Numbers(10_007, -1); // not a multiple of the hand-over size
        List<Integer> got = new ArrayList<>();
        try (ReadAhead<Integer> ahead = ReadAhead.start(source, "numbers")) {
            while (ahead.hasNext()) {
                got.add(ahead.next());
            }
            assertThat(ahead.hasNext()).isFalse();
        }
        assertThat(got).hasSize(10_007);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).isEqualTo(i);
        }
        assertThat(source.readBy).isNotSameAs(Thread.currentThread());
        assertThat(source.closed).isTrue();
    }

    @Test
    void readsNoMoreThanTheLimitAndNeverAsksTheSourceBeyondIt() throws Exception {
        Numbers source = new Numbers(5_000, -1);
        int taken = 0;
        try (ReadAhead<Integer> ahead = ReadAhead.start(source, 1_000, "numbers")) {
            while (ahead.hasNext()) {
                ahead.next();
                taken++;
            }
            // a reader that reads ahead in hasNext() (FreeRadiusDetailReader) keeps its position after record 1,000
            assertThat(source.given).isEqualTo(1_000);
            assertThat(source.hasNextCalls.get()).isEqualTo(1_000);
        }
        assertThat(taken).isEqualTo(1_000);
    }

    @Test
    void aFailureComesAfterTheRecordsBeforeIt() throws Exception {
        Numbers source = new Numbers(3_000, 1_234);
        List<Integer> got = new ArrayList<>();
        try (ReadAhead<Integer> ahead = ReadAhead.start(source, "numbers")) {
            assertThatThrownBy(() -> {
                while (ahead.hasNext()) {
                    got.add(ahead.next());
                }
            }).isInstanceOf(BadFileException.class).hasMessageContaining("line 1235 cannot be read");
        }
        assertThat(got).hasSize(1_234);
        assertThat(got.get(1_233)).isEqualTo(1_233);
        assertThat(source.closed).isTrue();
    }

    @Test
    void closedEarlyItStopsReadingAndClosesTheSource() throws Exception {
        Numbers source = new Numbers(Integer.MAX_VALUE, -1); // would never end
        ReadAhead<Integer> ahead = ReadAhead.start(source, "numbers");
        assertThat(ahead.next()).isEqualTo(0);
        Thread.sleep(100); // the reading thread fills what it may read ahead, then waits
        int readAhead = source.given;
        assertThat(readAhead).isLessThanOrEqualTo(2_000 + 250 + 250);
        ahead.close();
        assertThat(source.closed).isTrue();
        int atClose = source.given;
        Thread.sleep(100);
        assertThat(source.given).isEqualTo(atClose); // nothing read after close
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("read-ahead numbers"));
    }

    @Test
    void closedOnAnInterruptedThreadItStillWaitsForTheReaderAndClosesTheSource() throws Exception {
        Numbers source = new Numbers(Integer.MAX_VALUE, -1);
        ReadAhead<Integer> ahead = ReadAhead.start(source, "interrupted");
        ahead.next();
        Thread.currentThread().interrupt(); // a pause or a stop left the flag set
        try {
            ahead.close();
            assertThat(Thread.currentThread().isInterrupted()).isTrue(); // kept for the caller
        } finally {
            Thread.interrupted();
        }
        assertThat(source.closed).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("read-ahead interrupted"));
        assertThatThrownBy(ahead::hasNext).isInstanceOf(IllegalStateException.class).hasMessageContaining("after close()");
    }

    /** A source that throws what it does not declare (an IOException through a lambda, say). */
    private static final class Sneaky implements Iterator<Integer> {
        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Integer next() {
            throw ReadAheadTest.<RuntimeException>sneaky(new java.io.IOException("disk gone"));
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void aCheckedFailureOfTheSourceReachesTheCallerInsteadOfHangingIt() {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            try (ReadAhead<Integer> ahead = ReadAhead.start(new Sneaky(), "sneaky")) {
                assertThatThrownBy(ahead::hasNext).isInstanceOf(IllegalStateException.class)
                        .hasRootCauseInstanceOf(java.io.IOException.class).hasMessageContaining("disk gone");
            }
        });
    }

    @Test
    void aDetailFileReadAheadStopsWhereTheReaderWouldHave(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append("Tue Nov  4 10:00:").append(String.format("%02d", i)).append(" 2025\n")
                    .append("\tAcct-Status-Type = Start\n\tUser-Name = \"u").append(i).append("\"\n")
                    .append("\tAcct-Session-Id = \"s").append(i).append("\"\n\tNAS-IP-Address = 10.0.0.1\n")
                    .append("\tEvent-Timestamp = ").append(1762250400 + i).append("\n\n");
        }
        Path file = dir.resolve("detail-20251104");
        Files.writeString(file, text);
        FreeRadiusDetailReader.Settings settings = FreeRadiusDetailReader.Settings.of(java.time.ZoneOffset.UTC);

        FilePosition plain;
        try (FreeRadiusDetailReader reader = FreeRadiusDetailReader.open(file, FilePosition.START, settings)) {
            for (int i = 0; i < 10; i++) {
                reader.next();
            }
            plain = reader.position();
        }
        FilePosition ahead;
        try (FreeRadiusDetailReader reader = FreeRadiusDetailReader.open(file, FilePosition.START, settings);
             ReadAhead<Parsed<RadiusRecord>> records = ReadAhead.start(reader, 10, "detail")) {
            int n = 0;
            while (records.hasNext()) {
                assertThat(records.next()).isInstanceOf(Parsed.Ok.class);
                n++;
            }
            assertThat(n).isEqualTo(10);
            ahead = reader.position();
        }
        assertThat(ahead).isEqualTo(plain);
        assertThat(ahead.line()).isEqualTo(10 * 7 + 1); // the 11th record's header
    }
}
