package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageRaterTest {

    @ParameterizedTest(name = "{0} s -> {1} min")
    @CsvSource({
            "0, 0",       // no call time, nothing to bill
            "1, 1",       // a started minute counts
            "59, 1",
            "60, 1",
            "61, 2",      // 1 min 1 s starts a second minute
            "3600, 60",
            "3601, 61"})
    void voiceIsBilledPerStartedMinute(long seconds, long minutes) {
        assertThat(UsageRater.billableUnits(UsageType.VOICE, seconds)).isEqualTo(minutes);
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"0", "1", "1500000000", "9223372036854775807"})
    void dataIsBilledAsBytes(long bytes) {
        assertThat(UsageRater.billableUnits(UsageType.DATA, bytes)).isEqualTo(bytes);
    }

    @Test
    void namesTheUnits() {
        assertThat(UsageRater.unit(UsageType.DATA)).isEqualTo("bytes");
        assertThat(UsageRater.unit(UsageType.VOICE)).isEqualTo("minutes");
    }

    @Test
    void negativeQuantityIsAnError() {
        assertThatThrownBy(() -> UsageRater.billableUnits(UsageType.VOICE, -5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VOICE quantity is negative: -5");
    }
}
