package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.isp.billing.domain.SessionUsage.Reading;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionUsageTest {

    private static final Instant T0 = Instant.parse("2025-11-01T20:00:00Z");

    private static Reading interim(int minutes, long up, long down) {
        return new Reading(T0.plusSeconds(60L * minutes), false, up, down, 60L * minutes);
    }

    private static Reading stop(int minutes, long up, long down) {
        return new Reading(T0.plusSeconds(60L * minutes), true, up, down, 60L * minutes);
    }

    @Test
    void theUsageIsTheLastCountersNeverTheirSum() {
        // 1, 2, 3, 4, 5 GB cumulative: 5 GB used, not 15
        long gb = 1_000_000_000L;
        List<Reading> readings = List.of(interim(5, gb, 10 * gb), interim(10, 2 * gb, 20 * gb),
                interim(15, 3 * gb, 30 * gb), interim(20, 4 * gb, 40 * gb), stop(25, 5 * gb, 50 * gb));

        Reading last = SessionUsage.last(readings);

        assertThat(last.uploadBytes()).isEqualTo(5 * gb);
        assertThat(last.downloadBytes()).isEqualTo(50 * gb);
        assertThat(last.seconds()).isEqualTo(1500);
    }

    @Test
    void theStopIsFinalWhateverArrivesAfterIt() {
        Reading stop = stop(12, 3_000_017, 61_234_567);
        // the Stop retransmitted, then an interim of before the Stop that was delayed on the way
        List<Reading> readings = List.of(interim(5, 1_000_000, 20_000_000), stop,
                stop(12, 3_000_017, 61_234_567), interim(11, 2_800_000, 60_000_000));

        assertThat(SessionUsage.last(readings)).isSameAs(stop);
    }

    @Test
    void aStopWithSmallerCountersThanAnInterimStillWins() {
        // the NAS's final word, even if odd: the interim after the Stop (later in time) is not taken
        Reading stop = stop(10, 100, 200);

        assertThat(SessionUsage.last(List.of(interim(5, 150, 250), stop, interim(15, 900, 900)))).isSameAs(stop);
    }

    @Test
    void withoutAStopTheLatestReadingInTimeWinsNotTheLastReceived() {
        Reading at20 = interim(20, 400, 4_000);
        // the 20-minute interim arrived before the 15-minute one (delayed)
        List<Reading> readings = List.of(interim(10, 200, 2_000), at20, interim(15, 300, 3_000));

        assertThat(SessionUsage.last(readings)).isSameAs(at20);
    }

    @Test
    void twoReadingsAtTheSameTimeTakeTheOneThatCountedMore() {
        Reading more = interim(10, 200, 2_001);

        assertThat(SessionUsage.last(List.of(interim(10, 200, 2_000), more))).isSameAs(more);
        assertThat(SessionUsage.last(List.of(more, interim(10, 200, 2_000)))).isSameAs(more);
    }

    @Test
    void aSessionHasAtLeastOneReadingAndNoNegativeCounter() {
        assertThatThrownBy(() -> SessionUsage.last(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> interim(1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
