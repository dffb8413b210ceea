package ca.isp.billing.domain;

import static ca.isp.billing.domain.VoiceRates.RES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-worked rating of single calls with the table of {@link VoiceRates} and no included minutes:
 * increments, connection fee, minimum charge, longest prefix, time bands, effective dates,
 * unanswered calls and rating gaps. Amount = fee + billed s x price / 60, at least the minimum,
 * rounded once, half up.
 */
class CallRaterTest {

    /** A call and what it gives: "RATED prefix band billed-seconds amount", "GAP reason" or "UNBILLED reason". */
    record Case(String name, Call call, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // --- increments
                c("60/60: 61 s is 2 minutes", call("15145550100", "2026-10-01T10:00", 61), "RATED 1514 DAY 120 0.04"),
                //   120 x 0.02 / 60 = 0.04
                c("60/60: a whole minute", call("15145550100", "2026-10-01T10:00", 60), "RATED 1514 DAY 60 0.02"),
                c("30/6: 61 s is 30 + 36 = 66 s", call("33123456789", "2026-10-01T10:00", 61), "RATED 33 DAY 66 0.28"),
                //   0.15 + 66 x 0.12 / 60 = 0.15 + 0.132 = 0.282 -> 0.28
                c("30/6: 5 s counts the first 30 s", call("33123456789", "2026-10-01T10:00", 5), "RATED 33 DAY 30 0.21"),
                //   0.15 + 30 x 0.12 / 60 = 0.15 + 0.06 = 0.21
                c("30/6: 30 s exactly", call("33123456789", "2026-10-01T10:00", 30), "RATED 33 DAY 30 0.21"),
                c("30/6: 31 s is 36 s", call("33123456789", "2026-10-01T10:00", 31), "RATED 33 DAY 36 0.22"),
                //   0.15 + 36 x 0.12 / 60 = 0.15 + 0.072 = 0.222 -> 0.22
                c("1/1: to the second", call("442071234567", "2026-10-05T10:00", 200), "RATED 44 DAY 200 0.30"),
                //   200 x 0.09 / 60 = 0.30
                c("1/1: half a cent rounds up", call("442071234567", "2026-10-05T10:00", 10), "RATED 44 DAY 10 0.02"),
                //   10 x 0.09 / 60 = 0.015 -> 0.02

                // --- connection fee and minimum charge
                c("connection fee", call("19005550100", "2026-10-01T10:00", 90), "RATED 1900 DAY 120 4.48"),
                //   0.50 + 120 x 1.99 / 60 = 0.50 + 3.98 = 4.48
                c("minimum charge", call("33612345678", "2026-10-01T10:00", 10), "RATED 336 DAY 30 0.50"),
                //   0.15 + 30 x 0.25 / 60 = 0.15 + 0.125 = 0.275 < 0.50 -> 0.50
                c("above the minimum", call("33612345678", "2026-10-01T10:00", 121), "RATED 336 DAY 126 0.68"),
                //   30 + 16 x 6 = 126 s; 0.15 + 126 x 0.25 / 60 = 0.15 + 0.525 = 0.675 -> 0.68
                c("answered, no talk time: fee and minimum", call("33612345678", "2026-10-01T10:00", 0),
                        "RATED 336 DAY 0 0.50"),
                //   0 s billed; 0.15 < 0.50 -> 0.50
                c("answered, no talk time, no fee: 0.00 by its rate", call("15145550100", "2026-10-01T10:00", 0),
                        "RATED 1514 DAY 0 0.00"),

                // --- longest prefix
                c("336 beats 33", call("33612345678", "2026-10-01T10:00", 60), "RATED 336 DAY 60 0.50"),
                //   0.15 + 60 x 0.25 / 60 = 0.40 < 0.50 -> 0.50
                c("33 when 336 does not match", call("33512345678", "2026-10-01T10:00", 60), "RATED 33 DAY 60 0.27"),
                //   0.15 + 60 x 0.12 / 60 = 0.27
                c("1 for the rest of North America", call("12125550100", "2026-10-01T10:00", 90), "RATED 1 DAY 120 0.10"),
                //   120 x 0.05 / 60 = 0.10
                c("dialled with + and separators", call("+1 (514) 555-0100", "2026-10-01T10:00", 60),
                        "RATED 1514 DAY 60 0.02"),

                // --- time bands: the band at the call's start, for the whole call
                c("evening", call("15145550100", "2026-10-01T19:30", 300), "RATED 1514 EVENING 300 0.05"),
                //   5 x 0.01
                c("07:59:59 is still evening", call("15145550100", "2026-10-02T07:59:59", 60), "RATED 1514 EVENING 60 0.01"),
                c("08:00 is day", call("15145550100", "2026-10-02T08:00", 60), "RATED 1514 DAY 60 0.02"),
                c("a day call running into the evening stays day", call("15145550100", "2026-10-01T17:59", 600),
                        "RATED 1514 DAY 600 0.20"),
                //   10 x 0.02, though 9 of its minutes are after 18:00
                c("weekend: no WEEKEND rate at 1514, its ANY rate", call("15145550100", "2026-10-03T12:00", 120),
                        "RATED 1514 WEEKEND 120 0.03"),
                //   2 x 0.015 = 0.03
                c("a band with no rate at the prefix is a gap, never the shorter prefix",
                        call("19005550100", "2026-10-01T20:00", 60),
                        "GAP table RES, prefix 1900 has no rate for band EVENING or ANY on 2026-10-01"),

                // --- effective dates (inclusive)
                c("old UK price on its last day", call("442071234567", "2026-10-15T23:59", 200), "RATED 44 EVENING 200 0.30"),
                //   the band is EVENING (23:59 on a Thursday) but 44 only has ANY: 200 x 0.09 / 60 = 0.30
                c("new UK price from its first day", call("442071234567", "2026-10-16T00:00", 200),
                        "RATED 44 EVENING 200 0.23"),
                //   200 x 0.07 / 60 = 0.2333 -> 0.23
                c("a longer prefix not yet in effect is not used", call("442071234567", "2026-10-19T10:00", 600),
                        "RATED 44 DAY 600 0.70"),
                //   600 x 0.07 / 60 = 0.70
                c("the longer prefix from its first day", call("442071234567", "2026-10-20T10:00", 600),
                        "RATED 4420 DAY 600 0.50"),
                //   600 x 0.05 / 60 = 0.50
                c("an ended rate on its last day", call("4930123456", "2026-10-10T10:00", 60), "RATED 49 WEEKEND 60 0.10"),
                c("an ended rate with nothing after it is a gap", call("4930123456", "2026-10-11T10:00", 60),
                        "GAP no rate in table RES for 4930123456 on 2026-10-11"),

                // --- not billed, and gaps
                c("unanswered is not billed", unanswered("19005550100", "2026-10-01T20:00"), "UNBILLED not answered"),
                c("unanswered to nowhere is not billed either", unanswered("74951234567", "2026-10-01T10:00"),
                        "UNBILLED not answered"),
                c("no prefix matches: gap", call("74951234567", "2026-10-01T10:00", 60),
                        "GAP no rate in table RES for 74951234567 on 2026-10-01"),
                c("not a number: gap", call("s", "2026-10-01T10:00", 60), "GAP destination 's' is not a phone number"),
                c("a + inside is not a number", call("1514+5550100", "2026-10-01T10:00", 60),
                        "GAP destination '1514+5550100' is not a phone number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ratesTheCall(Case c) {
        assertThat(describe(CallRater.rate(c.call(), RES))).isEqualTo(c.expected());
    }

    @Test
    void aPlanWithNoRateTableMakesGaps() {
        assertThat(describe(CallRater.rate(call("15145550100", "2026-10-01T10:00", 60), null)))
                .isEqualTo("GAP no rate table");
    }

    @ParameterizedTest(name = "{0}/{1}: {2} s talked -> {3} s billed")
    @CsvSource({
            // first/next, talk, billed
            "60, 60, 0, 0",      // no talk time, nothing
            "60, 60, 1, 60",
            "60, 60, 60, 60",
            "60, 60, 61, 120",
            "60, 60, 3600, 3600",
            "30, 6, 1, 30",
            "30, 6, 30, 30",
            "30, 6, 31, 36",     // 30 + 6
            "30, 6, 61, 66",     // 30 + 6 x 6 (31 s after the first 30: 6 blocks)
            "30, 6, 66, 66",
            "30, 6, 67, 72",
            "1, 1, 1, 1",
            "1, 1, 61, 61",
            "60, 1, 61, 61",     // a minute first, then by the second
            "60, 1, 59, 60",
            "6, 30, 7, 36"})     // 6 + 30
    void incrementsCountEveryStartedBlock(int first, int next, long talk, long billed) {
        assertThat(new BillingIncrement(first, next).billedSeconds(talk)).isEqualTo(billed);
    }

    @Test
    void tablesRefuseAmbiguousRates() {
        VoiceRate uk = VoiceRates.rate("44", "UK", "ANY", "0.09", VoiceRates.SECOND, null, null, false, null,
                "2026-10-15");
        VoiceRate overlapping = VoiceRates.rate("44", "UK", "ANY", "0.07", VoiceRates.SECOND, null, null, false,
                "2026-10-15", null);
        assertThatThrownBy(() -> new RateTable("RES", List.of(uk, overlapping), VoiceRates.BANDS))
                .hasMessage("table RES, prefix 44, band ANY: two rates in effect on the same days "
                        + "(always..2026-10-15 and 2026-10-15..on)");
        VoiceRate night = VoiceRates.rate("44", "UK", "NIGHT", "0.07", VoiceRates.SECOND, null, null, false, null, null);
        assertThatThrownBy(() -> new RateTable("RES", List.of(night), VoiceRates.BANDS))
                .hasMessage("table RES, prefix 44: band NIGHT is not a band of the table (DAY, EVENING, WEEKEND, or ANY)");
        VoiceRate otherTable = new VoiceRate("BIZ", "44", null, "ANY", BigDecimal.ONE, VoiceRates.SECOND, null, null,
                false, null, null);
        assertThatThrownBy(() -> new RateTable("RES", List.of(otherTable), VoiceRates.BANDS))
                .hasMessageContaining("is of table BIZ, not RES");
    }

    @Test
    void bandsRefuseOverlapsAndWindowsPastMidnight() {
        assertThatThrownBy(() -> new TimeBands(List.of(
                new BandWindow("DAY", "Day", "Jour", VoiceRates.WEEKDAYS, VoiceRates.t("08:00"), VoiceRates.t("18:00")),
                new BandWindow("EVENING", "Evening", "Soir", java.util.EnumSet.of(java.time.DayOfWeek.FRIDAY),
                        VoiceRates.t("17:00"), null))))
                .hasMessage("bands DAY and EVENING overlap: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY] 08:00-18:00"
                        + " and [FRIDAY] 17:00-24:00");
        assertThatThrownBy(() -> new BandWindow("EVENING", "Evening", "Soir", VoiceRates.WEEKDAYS,
                VoiceRates.t("18:00"), VoiceRates.t("08:00")))
                .hasMessage("band EVENING: 18:00-08:00 does not end after it starts (past midnight: two windows)");
        assertThatThrownBy(() -> new BandWindow("ANY", "Any", "Tout", VoiceRates.WEEKDAYS, VoiceRates.t("00:00"), null))
                .hasMessageContaining("other than ANY");
    }

    @Test
    void ratesRefuseBadValues() {
        assertThatThrownBy(() -> VoiceRates.rate("+33", "France", "ANY", "0.12", VoiceRates.SIXTY, null, null, false,
                null, null)).hasMessage("table RES: a prefix is 1 to 15 digits: +33");
        assertThatThrownBy(() -> VoiceRates.rate("33", "France", "ANY", "0.12345", VoiceRates.SIXTY, null, null, false,
                null, null)).hasMessageContaining("per_minute must be >= 0 with at most 4 decimals");
        assertThatThrownBy(() -> VoiceRates.rate("33", "France", "ANY", "0.12", VoiceRates.SIXTY, "0.001", null, false,
                null, null)).hasMessageContaining("connection_fee must be >= 0 with at most 2 decimals");
        assertThatThrownBy(() -> VoiceRates.rate("33", "France", "ANY", "0.12", VoiceRates.SIXTY, null, null, false,
                "2026-10-02", "2026-10-01")).hasMessageContaining("effective_to 2026-10-01 is before effective_from");
        assertThatThrownBy(() -> new BillingIncrement(0, 6)).hasMessageContaining("increments are 1 to 3600 seconds");
    }

    static String describe(CallRating rating) {
        if (rating instanceof RatedCall rated) {
            return "RATED " + rated.rate().prefix() + " " + rated.band() + " " + rated.billedSeconds() + " "
                    + rated.fullAmount();
        }
        if (rating instanceof RatingGap gap) {
            return "GAP " + gap.reason();
        }
        return "UNBILLED " + ((UnbilledCall) rating).reason();
    }

    static Call call(String destination, String start, long talkSeconds) {
        return Call.answered("c", destination, start, talkSeconds);
    }

    static Call unanswered(String destination, String start) {
        return Call.unanswered("c", destination, start);
    }

    static Case c(String name, Call call, String expected) {
        return new Case(name, call, expected);
    }
}
