package ca.isp.billing.jobs.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The progress of a long step: the same figures as a terminal line rewritten in place and as a
 * plain log line, and the reporter that shows one or the other, never both.
 */
class ProgressLineTest {

    @Test
    void terminalLineHasDoneOfToDoRateAndTimeLeftAndStartsWithACarriageReturn() {
        // 1,234 of 10,000 in 3 s: 1234 / 3 = 411.33/s; 12% (1234 * 100 / 10000 = 12.34, whole
        // percent down); left: 8,766 / 411.33 = 21.3 s, rounded up: 22 s
        assertThat(ProgressLine.terminal("render", 1234, 10_000, Duration.ofSeconds(3), 0))
                .isEqualTo("\rrender       1,234 / 10,000 (12%)  411.3/s  about 22 s left");
        // no total counted beforehand: done and rate only
        assertThat(ProgressLine.terminal("charge", 500, 0, Duration.ofSeconds(4), 0))
                .isEqualTo("\rcharge       500  125.0/s");
        // done
        assertThat(ProgressLine.terminal("rate", 200, 200, Duration.ofSeconds(2), 0))
                .isEqualTo("\rrate         200 / 200 (100%)  100.0/s  done");
    }

    @Test
    void aShorterLineIsPaddedToWipeTheLongerOneBefore() {
        String line = ProgressLine.terminal("rate", 1, 10, Duration.ofSeconds(1), 60);
        assertThat(line).startsWith("\r").hasSize(61);
        assertThat(line.substring(1).stripTrailing()).isEqualTo("rate         1 / 10 (10%)  1.0/s  about 9 s left");
    }

    @Test
    void logLineIsKeyValueWithoutCarriageReturnOrThousandsSeparators() {
        assertThat(ProgressLine.log("render", 1234, 10_000, Duration.ofSeconds(3)))
                .isEqualTo("event=progress step=render done=1234 total=10000 percent=12 rate=411.3/s left=22s");
        assertThat(ProgressLine.log("charge", 500, 0, Duration.ofSeconds(4)))
                .isEqualTo("event=progress step=charge done=500 rate=125.0/s");
    }

    @Test
    void timeLeftInWordsAnOperatorReadsAtAGlance() {
        assertThat(ProgressLine.human(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(ProgressLine.human(Duration.ofSeconds(200))).isEqualTo("3 min 20 s");
        assertThat(ProgressLine.human(Duration.ofMinutes(125))).isEqualTo("2 h 05 min");
    }

    @Test
    void onATerminalLinesAreRewrittenInPlaceAndNothingIsLogged() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> logged = new ArrayList<>();
        AtomicLong clock = new AtomicLong();
        ProgressReporter reporter = new ProgressReporter("rate", 100, true, new PrintStream(printed, true,
                StandardCharsets.UTF_8), logged::add, Duration.ofSeconds(30), clock::get);
        clock.set(Duration.ofSeconds(1).toNanos());
        reporter.add(40); // shown: a quarter second has passed
        clock.set(Duration.ofMillis(1100).toNanos());
        reporter.add(10); // not shown: 100 ms since the last line
        clock.set(Duration.ofSeconds(2).toNanos());
        reporter.finish(100);

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(logged).isEmpty();
        assertThat(out.split("\r", -1)).hasSize(3); // "" before the first \r, then two lines
        assertThat(out).contains("\rrate         40 / 100 (40%)  40.0/s  about 2 s left")
                .contains("\rrate         100 / 100 (100%)  50.0/s  done").endsWith(System.lineSeparator());
        assertThat(out).doesNotContain("event=progress");
    }

    @Test
    void withoutATerminalPlainLinesAreLoggedEveryIntervalAndNothingIsPrinted() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> logged = new ArrayList<>();
        AtomicLong clock = new AtomicLong();
        ProgressReporter reporter = new ProgressReporter("handoff", 1000, false, new PrintStream(printed, true,
                StandardCharsets.UTF_8), logged::add, Duration.ofSeconds(30), clock::get);
        clock.set(Duration.ofSeconds(10).toNanos());
        reporter.add(100); // not yet 30 s
        clock.set(Duration.ofSeconds(30).toNanos());
        reporter.add(200); // 30 s: one line, 300 done at 10/s, 700 left = 70 s
        clock.set(Duration.ofSeconds(40).toNanos());
        reporter.add(100); // 10 s since: none
        clock.set(Duration.ofSeconds(50).toNanos());
        reporter.finish(1000);

        assertThat(printed.size()).isZero();
        assertThat(logged).containsExactly(
                "event=progress step=handoff done=300 total=1000 percent=30 rate=10.0/s left=70s",
                "event=progress step=handoff done=1000 total=1000 percent=100 rate=20.0/s left=0s");
    }
}
