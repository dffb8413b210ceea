package ca.isp.billing.domain;

import static ca.isp.billing.domain.VoiceRates.RES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked periods of calls with the table of {@link VoiceRates}: included minutes used in call
 * order, calls partly included, lines by time band in both languages; and properties: charging calls
 * one by one gives the same money as all at once, and the lines add up to the calls.
 */
class VoiceChargerTest {

    static final BillingPeriod OCTOBER = BillingPeriod.ofMonths(LocalDate.parse("2026-10-01"), 1);

    private final VoiceCharger charger = new VoiceCharger();

    // a month of calls, given out of order on purpose: they are taken in the order they were made
    static final List<Call> MONTH = List.of(
            Call.answered("d", "15145550100", "2026-10-03T09:00", 90),     // Sat: WEEKEND, 1514 ANY, 120 s
            Call.answered("b", "33123456789", "2026-10-01T11:00", 120),    // Thu DAY, France, not included, 120 s
            Call.answered("a", "15145550100", "2026-10-01T10:00", 240),    // Thu DAY, 1514, 240 s
            Call.unanswered("e", "19005550100", "2026-10-04T10:00"),       // not billed
            Call.answered("f", "74951234567", "2026-10-05T10:00", 60),     // no rate: a gap
            Call.answered("c", "12125550100", "2026-10-02T10:00", 301));   // Fri DAY, 1 ANY, 301 s -> 360 s

    @Test
    void includedMinutesAreUsedInCallOrder() {
        VoiceCharges charges = charge(MONTH, 10);

        assertThat(charges.charges()).extracting(charge -> charge.rated().call().callId(), CallCharge::includedSeconds,
                CallCharge::chargedSeconds, CallCharge::amount).containsExactly(
                tuple("a", 240L, 0L, new BigDecimal("0.00")),   // 600 s included: 240 used, 360 left; wholly included
                tuple("b", 0L, 120L, new BigDecimal("0.39")),   // France draws nothing: 0.15 + 120 x 0.12 / 60 = 0.39
                tuple("c", 360L, 0L, new BigDecimal("0.00")),   // 360 s billed, 360 left: all of it, 0 left
                tuple("d", 0L, 120L, new BigDecimal("0.03")));  // none left: 120 x 0.015 / 60 = 0.03
        assertThat(charges.left()).isEqualTo(new IncludedMinutes(600, 600));
        assertThat(charges.total()).isEqualTo(new BigDecimal("0.42"));
        assertThat(charges.unbilled()).extracting(unbilled -> unbilled.call().callId()).containsExactly("e");
        assertThat(charges.gaps()).extracting(gap -> gap.call().callId(), RatingGap::reason)
                .containsExactly(tuple("f", "no rate in table RES for 74951234567 on 2026-10-05"));
    }

    @Test
    void aCallPartlyIncludedPaysTheRestWithItsFeeAndMinimum() {
        VoiceCharges charges = charge(MONTH, 5);

        assertThat(charges.charges()).extracting(charge -> charge.rated().call().callId(), CallCharge::includedSeconds,
                CallCharge::chargedSeconds, CallCharge::amount).containsExactly(
                tuple("a", 240L, 0L, new BigDecimal("0.00")),   // 300 s included: 240 used, 60 left
                tuple("b", 0L, 120L, new BigDecimal("0.39")),
                tuple("c", 60L, 300L, new BigDecimal("0.25")),  // 60 included, 300 charged: 300 x 0.05 / 60 = 0.25
                tuple("d", 0L, 120L, new BigDecimal("0.03")));
    }

    @Test
    void aPartlyIncludedCallWithAMinimumPaysTheMinimum() {
        VoiceRate mobile = new VoiceRate("M", "1", null, "ANY", new BigDecimal("0.05"), VoiceRates.SIXTY,
                new BigDecimal("0.10"), new BigDecimal("0.25"), true, null, null);
        RateTable table = new RateTable("M", List.of(mobile), TimeBands.NONE);
        List<Call> calls = List.of(Call.answered("a", "15145550100", "2026-10-01T10:00", 100),
                Call.answered("b", "15145550100", "2026-10-01T11:00", 30));

        VoiceCharges charges = charger.charge("S2", new VoiceTariff("MOBILE", "M", 1), table, OCTOBER, calls,
                Language.EN);

        assertThat(charges.charges()).extracting(CallCharge::includedSeconds, CallCharge::chargedSeconds,
                CallCharge::amount).containsExactly(
                tuple(60L, 60L, new BigDecimal("0.25")),   // 120 s billed, 60 included: 0.10 + 60 x 0.05 / 60 = 0.15 -> 0.25
                tuple(0L, 60L, new BigDecimal("0.25")));   // 0.10 + 0.05 = 0.15 -> 0.25
        assertThat(charges.lines()).singleElement().satisfies(line -> {
            assertThat(line.description()).isEqualTo("Calls: 2 calls, 3 min, 1 min included");
            assertThat(line.lineKey()).isEqualTo("USAGE:VOICE:S2:ANY:2026-10-01");
            assertThat(line.amount()).isEqualTo(new BigDecimal("0.50"));
        });
    }

    @Test
    void linesGiveCallsAndMinutesByBandInTheAccountsLanguage() {
        VoiceCharges en = charge(MONTH, 10);
        VoiceCharges fr = charger.charge("S1", new VoiceTariff("VOIP", "RES", 10), RES, OCTOBER, MONTH, Language.FR);

        // DAY: a 240 + b 120 + c 360 = 720 s = 12 min, 600 s = 10 min included, 0.00 + 0.39 + 0.00 = 0.39
        // WEEKEND: d 120 s = 2 min, 0.03
        assertThat(en.lines()).extracting(InvoiceLine::lineKey, InvoiceLine::description, InvoiceLine::quantity,
                InvoiceLine::amount).containsExactly(
                tuple("USAGE:VOICE:S1:DAY:2026-10-01", "Calls (Day): 3 calls, 12 min, 10 min included",
                        new BigDecimal("12.0000"), new BigDecimal("0.39")),
                tuple("USAGE:VOICE:S1:WEEKEND:2026-10-01", "Calls (Weekend): 1 call, 2 min",
                        new BigDecimal("2.0000"), new BigDecimal("0.03")));
        assertThat(fr.lines()).extracting(InvoiceLine::description).containsExactly(
                "Appels (Jour) : 3 appels, 12 min, dont 10 min incluses",
                "Appels (Fin de semaine) : 1 appel, 2 min");
        assertThat(en.lines().get(0).reason()).isEqualTo("Plan VOIP, table RES, band DAY, calls 2026-10-01..2026-10-31:"
                + " 3 calls, 720 s billed in the rates' increments, 600 s included, 120 s charged; the calls' amounts,"
                + " each rounded to the cent, add up to 0.39");
        assertThat(en.lines()).allSatisfy(line -> {
            assertThat(line.unit()).isEqualTo("min");
            assertThat(line.unitPrice()).isNull(); // several destinations, several prices
            assertThat(line.periodEnd()).isEqualTo(LocalDate.parse("2026-10-31"));
        });
    }

    @Test
    void minutesAndSecondsAreWrittenOut() {
        List<Call> calls = List.of(Call.answered("a", "33123456789", "2026-10-01T10:00", 61),   // 66 s
                Call.answered("b", "33123456789", "2026-10-01T11:00", 3));                      // 30 s
        VoiceCharges charges = charge(calls, 0);

        // 66 + 30 = 96 s = 1 min 36 s = 1.6 min; 0.28 + 0.21 = 0.49
        assertThat(charges.lines()).extracting(InvoiceLine::description, InvoiceLine::quantity, InvoiceLine::amount)
                .containsExactly(tuple("Calls (Day): 2 calls, 1 min 36 s", new BigDecimal("1.6000"),
                        new BigDecimal("0.49")));
    }

    @Test
    void callsWhollyIncludedGiveNoLine() {
        VoiceCharges charges = charge(List.of(Call.answered("a", "15145550100", "2026-10-01T10:00", 240)), 10);

        assertThat(charges.charges()).hasSize(1);
        assertThat(charges.lines()).isEmpty();
    }

    @Test
    void refusesCallsOutsideThePeriodAndTheWrongTable() {
        assertThatThrownBy(() -> charge(List.of(Call.answered("z", "1514", "2026-11-01T00:00", 1)), 0))
                .hasMessage("call z of 2026-11-01T00:00 is not in the usage period 2026-10-01..2026-10-31");
        assertThatThrownBy(() -> charger.charge("S1", new VoiceTariff("VOIP", "BIZ", 0), RES, OCTOBER, MONTH,
                Language.EN)).hasMessage("plan VOIP rates calls with table BIZ, not RES");
    }

    @Test
    void aPlanWithoutARateTableBillsNothingAndListsEveryAnsweredCall() {
        VoiceCharges charges = charger.charge("S1", new VoiceTariff("VOIP", null, 0), null, OCTOBER, MONTH, Language.EN);

        assertThat(charges.charges()).isEmpty();
        assertThat(charges.lines()).isEmpty();
        assertThat(charges.gaps()).hasSize(5).allSatisfy(gap -> assertThat(gap.reason()).isEqualTo("no rate table"));
        assertThat(charges.unbilled()).hasSize(1);
    }

    /**
     * Property: a period's calls charged one at a time (each with the included minutes the previous
     * left), or in goes of any size, give each call the same amount as all at once, the same total
     * to the cent and the same minutes left; and the lines add up to the calls.
     */
    @Test
    void oneByOneOrInABatchGivesTheSameMoney() {
        List<String> destinations = List.of("15145550100", "12125550100", "19005550100", "33123456789", "33612345678",
                "442071234567", "4930123456", "74951234567", "s");
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            List<Call> calls = new ArrayList<>();
            int count = 1 + random.nextInt(40);
            for (int i = 0; i < count; i++) {
                LocalDateTime start = LocalDateTime.of(2026, 10, 1, 0, 0).plusSeconds(random.nextInt(31 * 86_400));
                String destination = destinations.get(random.nextInt(destinations.size()));
                calls.add(new Call("c" + i, destination, start, random.nextInt(4000), random.nextInt(10) > 0));
            }
            long includedMinutes = random.nextInt(120);
            VoiceCharges batch = charge(calls, includedMinutes);

            List<Call> ordered = new ArrayList<>(calls);
            ordered.sort(Comparator.comparing(Call::start).thenComparing(Call::callId));
            List<CallCharge> oneByOne = new ArrayList<>();
            IncludedMinutes left = IncludedMinutes.of(includedMinutes);
            int i = 0;
            while (i < ordered.size()) {
                int go = 1 + random.nextInt(3); // goes of 1 to 3 calls
                List<Call> part = new ArrayList<>(ordered.subList(i, Math.min(ordered.size(), i + go)));
                Collections.shuffle(part, random);
                VoiceCharges some = charger.charge("S1", "VOIP", RES, OCTOBER, part, left, Language.EN);
                oneByOne.addAll(some.charges());
                left = some.left();
                i += go;
            }

            assertThat(oneByOne).as("seed " + seed).isEqualTo(batch.charges());
            assertThat(Money.sum(oneByOne.stream().map(CallCharge::amount).toList())).as("seed " + seed)
                    .isEqualTo(batch.total());
            assertThat(left).as("seed " + seed).isEqualTo(batch.left());
            assertThat(Money.sum(batch.lines().stream().map(InvoiceLine::amount).toList())).as("seed " + seed)
                    .isEqualTo(batch.total());
            assertThat(batch.charges().size() + batch.gaps().size() + batch.unbilled().size()).isEqualTo(count);
        }
    }

    private VoiceCharges charge(List<Call> calls, long includedMinutes) {
        return charger.charge("S1", new VoiceTariff("VOIP", "RES", includedMinutes), RES, OCTOBER, calls, Language.EN);
    }
}
