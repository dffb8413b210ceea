package ca.isp.billing.readers;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The digit-by-digit reading of a switch's local time gives the formatter's answer, or leaves it to the formatter. */
class LocalTimesTest {

    @Test
    void aPlainTimeIsReadAsTheFormatterReadsIt() {
        for (String text : new String[] {"2025-11-02 01:10:00", "2026-01-01 00:00:00", "1999-12-28 23:59:59",
                "0001-02-28 12:34:56", "2024-02-09 09:08:07"}) {
            assertThat(LocalTimes.plainSpaced(text)).as(text).isEqualTo(LocalDateTime.parse(text, LocalTimes.SPACED));
        }
    }

    @Test
    void whatIsNotPlainlyATimeGoesToTheFormatter() {
        // day 29 to 31 and hour 24 are the formatter's (smart) rules; the rest its refusals
        for (String text : new String[] {"2025-02-29 10:00:00", "2025-01-31 10:00:00", "2025-11-02 24:00:00",
                "2025-13-02 01:10:00", "2025-11-02 01:60:00", "2025-11-02 01:10:60", "2025-11-02T01:10:00",
                "2025-11-2 01:10:00", "2025-11-02 01:10", "2025-1a-02 01:10:00", "+2025-11-02 01:10:00", ""}) {
            assertThat(LocalTimes.plainSpaced(text)).as(text).isNull();
        }
    }

    @Test
    void theCandidatesAndRefusalsAreUnchanged() {
        ZoneId montreal = ZoneId.of("America/Montreal");
        assertThat(LocalTimes.candidates("start", "2025-11-02 01:10:00", montreal)).hasSize(2);
        assertThat(LocalTimes.candidates("start", "2025-11-03 01:10:00", montreal)).hasSize(1);
        assertThat(LocalTimes.candidates("start", "2025-02-30 10:00:00", montreal))
                .containsExactly(LocalDateTime.parse("2025-02-30 10:00:00", LocalTimes.SPACED).atZone(montreal).toInstant());
        assertThatThrownBy(() -> LocalTimes.candidates("start", "2025-03-09 02:30:00", montreal))
                .isInstanceOf(FieldException.class);
        assertThatThrownBy(() -> LocalTimes.candidates("start", "2025-11-02 01:10", montreal))
                .isInstanceOf(FieldException.class).hasMessageContaining("not a time (YYYY-MM-DD HH:MM:SS)");
        assertThatThrownBy(() -> LocalDateTime.parse("2025-11-02 01:10", LocalTimes.SPACED))
                .isInstanceOf(DateTimeParseException.class);
    }
}
