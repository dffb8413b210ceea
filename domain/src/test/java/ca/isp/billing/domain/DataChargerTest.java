package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-worked data rating: included GB, overage per GB, stepped bands, caps, minimums per period
 * and per day. 1 GB = 1,000,000,000 bytes. Each case gives the component, the bytes by day of
 * October 2026, the GB billed (beyond the included ones, 3 decimals) and the amount.
 */
class DataChargerTest {

    static final BillingPeriod OCTOBER = BillingPeriod.ofMonths(LocalDate.parse("2026-10-01"), 1);
    static final long GB = 1_000_000_000L;

    private final DataCharger charger = new DataCharger();

    record Case(String name, ConsumptionComponent component, DailyBytes usage, String billableGb, String amount) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final ConsumptionComponent OVER_250 = fixed("250", "1.50");
    static final ConsumptionComponent STEPS = ConsumptionComponent.stepped("DATA", "Data", "Données", List.of(
            GbBand.from("100", "2.00"), GbBand.from("200", "1.00"), GbBand.from("500", "0.50")));

    static Stream<Case> cases() {
        return Stream.of(
                // --- included GB and one price per GB
                c("over the allowance", OVER_250, on(1, 312_456_000_000L), "62.456", "93.68"),
                //   (312.456 - 250) x 1.50 = 93.684 -> 93.68
                c("exactly the allowance", OVER_250, on(1, 250 * GB), "0.000", "0.00"),
                c("nothing included", fixed("0", "10.00"), on(1, GB), "1.000", "10.00"),
                //   1 x 10.00
                c("half a cent rounds up", fixed("100", "2.25"), on(1, 100_500_000_000L), "0.500", "1.13"),
                //   0.5 x 2.25 = 1.125 -> 1.13
                c("priced from the exact GB, not the shown ones", OVER_250, on(1, 250_123_456_789L), "0.123", "0.19"),
                //   0.123456789 x 1.50 = 0.1851851835 -> 0.19 (0.123 x 1.50 = 0.18 would be wrong)
                c("days add up before pricing", OVER_250, on(1, 200 * GB).plus(d(2), 40 * GB).plus(d(31), 20 * GB),
                        "10.000", "15.00"),
                //   200 + 40 + 20 = 260 GB; 10 x 1.50 = 15.00

                // --- stepped bands: from 100 GB 2.00, from 200 GB 1.00, from 500 GB 0.50
                c("stepped, three bands", STEPS, on(1, 650 * GB), "550.000", "575.00"),
                //   100 x 2.00 + 300 x 1.00 + 150 x 0.50 = 200 + 300 + 75 = 575.00
                c("stepped, first band only", STEPS, on(1, 150_500_000_000L), "50.500", "101.00"),
                //   50.5 x 2.00 = 101.00
                c("stepped, at a band's end", STEPS, on(1, 200 * GB), "100.000", "200.00"),
                //   100 x 2.00; nothing yet at 1.00
                c("stepped, a byte past a band's end", STEPS, on(1, 200 * GB + 1_000_000L), "100.001", "200.00"),
                //   100 x 2.00 + 0.001 x 1.00 = 200.001 -> 200.00
                c("stepped, within the included 100 GB", STEPS, on(1, 99 * GB), "0.000", "0.00"),

                // --- caps: the most a component charges for the period
                c("capped", OVER_250.withCap(new BigDecimal("50.00")), on(1, 312_456_000_000L), "62.456", "50.00"),
                //   93.684 > 50.00 -> 50.00
                c("below the cap", OVER_250.withCap(new BigDecimal("50.00")), on(1, 260 * GB), "10.000", "15.00"),
                //   10 x 1.50 = 15.00 < 50.00
                c("stepped and capped", STEPS.withCap(new BigDecimal("400.00")), on(1, 650 * GB), "550.000", "400.00"),
                //   575.00 > 400.00 -> 400.00

                // --- minimum for the period
                c("raised to the minimum", fixed("0", "0.10").withMinimum(new BigDecimal("5.00")), on(1, 12 * GB),
                        "12.000", "5.00"),
                //   12 x 0.10 = 1.20 < 5.00 -> 5.00
                c("above the minimum", fixed("0", "0.10").withMinimum(new BigDecimal("5.00")), on(1, 100 * GB),
                        "100.000", "10.00"),
                //   100 x 0.10 = 10.00
                c("no minimum within the included GB", fixed("10", "0.10").withMinimum(new BigDecimal("5.00")),
                        on(1, 8 * GB), "0.000", "0.00"),
                c("minimum from the first byte beyond", fixed("10", "0.10").withMinimum(new BigDecimal("5.00")),
                        on(1, 10 * GB + 1_000_000L), "0.001", "5.00"),
                //   0.001 x 0.10 = 0.0001 < 5.00 -> 5.00
                c("a fixed charge for a period of use", fixed("0", "0").withMinimum(new BigDecimal("10.00")),
                        on(9, 1), "0.000", "10.00"),
                //   1 byte: 0.000000001 GB x 0 = 0 < 10.00 -> 10.00 (quantity shows 0.000)
                c("no use, no minimum", fixed("0", "0").withMinimum(new BigDecimal("10.00")), DailyBytes.none(),
                        "0.000", "0.00"),

                // --- per day: each day priced and held to its minimum on its own
                c("per-day minimum", perDay("0", "1.00").withMinimum(new BigDecimal("0.50")),
                        on(1, 200_000_000L).plus(d(2), 3 * GB).plus(d(3), 0).plus(d(4), 500_000_000L), "3.700", "4.00"),
                //   Oct 1: 0.2 x 1.00 = 0.20 -> 0.50; Oct 2: 3.00; Oct 3: no use, nothing;
                //   Oct 4: 0.5 x 1.00 = 0.50, not below; 0.50 + 3.00 + 0.50 = 4.00
                c("per-day included GB and minimum", perDay("1", "2.00").withMinimum(new BigDecimal("1.00")),
                        on(1, 800_000_000L).plus(d(2), 1_250_000_000L).plus(d(3), 4 * GB), "3.250", "7.00"),
                //   Oct 1: 0.8 GB within the day's 1 GB: nothing, no minimum; Oct 2: 0.25 x 2.00 = 0.50 -> 1.00;
                //   Oct 3: 3 x 2.00 = 6.00; 1.00 + 6.00 = 7.00; billed GB 0.25 + 3 = 3.25
                c("per day, rounded once for the period", perDay("0", "0.01"),
                        on(1, 333_333_333L).plus(d(2), 333_333_333L).plus(d(3), 333_333_334L), "1.000", "0.01"),
                //   0.00333333333 + 0.00333333333 + 0.00333333334 = 0.01 exactly; per day rounded it would be 0.00
                c("per day, capped for the period", perDay("0", "5.00").withCap(new BigDecimal("20.00")),
                        on(1, 2 * GB).plus(d(2), 3 * GB), "5.000", "20.00"),
                //   10.00 + 15.00 = 25.00 > 20.00 -> 20.00
                c("per day, stepped within each day", new ConsumptionComponent("DAILY", "Daily data", "Données quotidiennes",
                        DataMetering.PER_DAY, List.of(GbBand.from("0", "1.00"), GbBand.from("2", "0.25")), null, null),
                        on(1, 3 * GB).plus(d(2), 3 * GB), "6.000", "4.50"));
                //   each day: 2 x 1.00 + 1 x 0.25 = 2.25; two days 4.50 (as one period it would be 2.00 + 4 x 0.25 = 3.00)
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ratesTheComponent(Case c) {
        DataCharge charge = charger.rate(c.component(), OCTOBER, c.usage());

        assertThat(charge.amount()).isEqualTo(new BigDecimal(c.amount()));
        assertThat(charge.billableGb().setScale(3, java.math.RoundingMode.HALF_UP)).isEqualTo(new BigDecimal(c.billableGb()));

        List<InvoiceLine> lines = charger.charge("S1", new DataTariff("P", List.of(c.component())), OCTOBER, c.usage(),
                Language.EN);
        if (charge.isZero()) {
            assertThat(lines).isEmpty();
        } else {
            assertThat(lines).singleElement().satisfies(line -> {
                assertThat(line.type()).isEqualTo(LineType.USAGE);
                assertThat(line.amount()).isEqualTo(new BigDecimal(c.amount()));
                assertThat(line.quantity()).isEqualTo(new BigDecimal(c.billableGb()));
                assertThat(line.unit()).isEqualTo("GB");
                assertThat(line.periodStart()).isEqualTo(OCTOBER.start());
                assertThat(line.periodEnd()).isEqualTo(OCTOBER.lastDay());
            });
        }
    }

    @Test
    void eachComponentIsItsOwnLineInTheTariffsOrder() {
        ConsumptionComponent daily = perDay("0", "0.50").withMinimum(new BigDecimal("1.00"));
        DataTariff tariff = new DataTariff("BIZ", List.of(OVER_250, daily));

        List<InvoiceLine> lines = charger.charge("S9", tariff, OCTOBER, on(1, 300 * GB).plus(d(2), GB), Language.EN);

        assertThat(lines).extracting(InvoiceLine::lineKey, InvoiceLine::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("USAGE:DATA:S9:DATA:2026-10-01", new BigDecimal("76.50")),
                //   301 GB: 51 x 1.50 = 76.50
                org.assertj.core.groups.Tuple.tuple("USAGE:DATA:S9:DAILY:2026-10-01", new BigDecimal("151.00")));
                //   Oct 1: 300 x 0.50 = 150.00; Oct 2: 0.50 -> 1.00; 151.00
    }

    @Test
    void totalsBeyondALongAreExact() {
        // 2 x (2^63 - 1) bytes = 18,446,744,073.709551614 GB; (that - 50) x 2.00 = 36,893,488,047.419103228 -> .42
        BigInteger bytes = BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TWO);
        DataCharge charge = charger.rate(fixed("50", "2.00"), OCTOBER, DailyBytes.none().plus(d(1), bytes));

        assertThat(charge.amount()).isEqualTo(new BigDecimal("36893488047.42"));
    }

    @Test
    void linesSayTheGbUsedAndIncludedInTheAccountsLanguage() {
        DataTariff tariff = new DataTariff("FIBRE-250", List.of(OVER_250));
        InvoiceLine en = charger.charge("S1", tariff, OCTOBER, on(1, 312_456_000_000L), Language.EN).get(0);
        InvoiceLine fr = charger.charge("S1", tariff, OCTOBER, on(1, 312_456_000_000L), Language.FR).get(0);

        assertThat(en.description()).isEqualTo("Data: 312.456 GB used, 250 GB included");
        assertThat(fr.description()).isEqualTo("Données : 312,456 Go utilisés, 250 Go inclus");
        assertThat(en.reason()).isEqualTo("Plan FIBRE-250, component DATA: 312456000000 bytes 2026-10-01..2026-10-31"
                + " = 312.456 GB; 62.456 GB x 1.50 = 93.684 -> 93.68");
        assertThat(en.unitPrice()).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void steppedCappedAndMinimumLinesSaySo() {
        InvoiceLine capped = line(STEPS.withCap(new BigDecimal("400.00")), on(1, 650 * GB), Language.EN);
        assertThat(capped.description()).isEqualTo("Data: 650 GB used, 100 GB included, capped");
        assertThat(capped.reason()).endsWith("= 650 GB; 100 GB x 2.00 + 300 GB x 1.00 + 150 GB x 0.50, capped at 400.00"
                + " = 400 -> 400.00");
        assertThat(capped.unitPrice()).isNull(); // stepped: no one price
        assertThat(line(STEPS.withCap(new BigDecimal("400.00")), on(1, 650 * GB), Language.FR).description())
                .isEqualTo("Données : 650 Go utilisés, 100 Go inclus, plafonné");

        InvoiceLine minimum = line(fixed("0", "0.10").withMinimum(new BigDecimal("5.00")), on(1, 12 * GB), Language.FR);
        assertThat(minimum.description()).isEqualTo("Données : 12 Go utilisés, montant minimum");
        assertThat(minimum.unitPrice()).isNull(); // 12 x 0.10 is not the 5.00 charged
    }

    @Test
    void perDayLinesCountTheDays() {
        ConsumptionComponent daily = new ConsumptionComponent("DAILY", "Daily data", "Données quotidiennes",
                DataMetering.PER_DAY, List.of(GbBand.from("1", "2.00")), new BigDecimal("1.00"), null);
        DailyBytes usage = on(1, 800_000_000L).plus(d(2), 1_250_000_000L).plus(d(3), 4 * GB);

        assertThat(line(daily, usage, Language.EN).description())
                .isEqualTo("Daily data: 6.05 GB used on 3 days, 1 GB included a day, minimum charge on 1 day");
        assertThat(line(daily, usage, Language.FR).description())
                .isEqualTo("Données quotidiennes : 6,05 Go utilisés sur 3 jours, 1 Go inclus par jour, "
                        + "montant minimum sur 1 jour");
        assertThat(line(daily, usage, Language.EN).reason()).isEqualTo("Plan P, component DAILY (per day): 6050000000"
                + " bytes 2026-10-01..2026-10-31 = 6.05 GB on 3 days; each day's GB beyond 1 at 2.00/GB: 3.25 GB,"
                + " 1 day raised to the minimum 1.00 = 7 -> 7.00");
    }

    @Test
    void refusesUsageOutsideThePeriodAndBadComponents() {
        assertThatThrownBy(() -> charger.rate(OVER_250, OCTOBER, DailyBytes.none().plus(LocalDate.parse("2026-11-01"), 1)))
                .hasMessage("data of 2026-11-01 is not in the usage period 2026-10-01..2026-10-31");
        assertThatThrownBy(() -> ConsumptionComponent.stepped("D", "D", "D",
                List.of(GbBand.from("100", "1"), GbBand.from("100", "2"))))
                .hasMessageContaining("bands must start at increasing GB");
        assertThatThrownBy(() -> OVER_250.withMinimum(new BigDecimal("10.00")).withCap(new BigDecimal("5.00")))
                .hasMessageContaining("cap 5.00 is below the minimum 10.00");
        assertThatThrownBy(() -> OVER_250.withMinimum(new BigDecimal("0.001")))
                .hasMessageContaining("at most 2 decimals");
        assertThatThrownBy(() -> ConsumptionComponent.fixed("DATA:1", "D", "D", BigDecimal.ZERO, BigDecimal.ONE))
                .hasMessageContaining("(it is part of a line key): DATA:1");
    }

    /** Property: a plan of today's price list costs the same through the new engine as through UsageCharger. */
    @Test
    void todaysPlansBillWhatUsageChargerBills() {
        UsageCharger today = new UsageCharger();
        for (int seed = 0; seed < 500; seed++) {
            Random random = new Random(seed);
            BigDecimal included = BigDecimal.valueOf(random.nextInt(1_000_000), 3);
            BigDecimal perGb = BigDecimal.valueOf(random.nextInt(1000), 2);
            Plan plan = new Plan("P", "P", "P", PlanKind.INTERNET, new BigDecimal("50.00"), 1, included, perGb, null);
            long bytes = (long) (random.nextDouble() * 2_000 * GB);
            Subscription subscription = new Subscription("S1", "P", "u1", LocalDate.parse("2026-01-01"), null);

            List<InvoiceLine> expected = today.charge(subscription, plan, OCTOBER, bytes, 0, Language.EN);
            List<InvoiceLine> actual = charger.charge("S1", DataTariff.of(plan), OCTOBER, on(random.nextInt(31) + 1, bytes),
                    Language.EN);

            assertThat(actual).as("seed " + seed).extracting(InvoiceLine::amount, InvoiceLine::quantity)
                    .isEqualTo(expected.stream().map(line -> org.assertj.core.groups.Tuple.tuple(line.amount(),
                            line.quantity())).toList());
        }
    }

    /** Property: one price from 0 GB, no minimum, no cap: day by day is exactly the period at once. */
    @Test
    void aLinearPriceIsTheSameDayByDayOrForThePeriod() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            BigDecimal perGb = BigDecimal.valueOf(random.nextInt(100_000), 4);
            Map<LocalDate, BigInteger> days = new TreeMap<>();
            for (int day = 1 + random.nextInt(5); day <= 31; day += 1 + random.nextInt(5)) {
                days.put(d(day), BigInteger.valueOf((long) (random.nextDouble() * 50 * GB)));
            }
            DailyBytes usage = DailyBytes.of(days);

            assertThat(charger.rate(perDay("0", perGb.toPlainString()), OCTOBER, usage).amount()).as("seed " + seed)
                    .isEqualTo(charger.rate(fixed("0", perGb.toPlainString()), OCTOBER, usage).amount());
        }
    }

    private InvoiceLine line(ConsumptionComponent component, DailyBytes usage, Language language) {
        return charger.charge("S1", new DataTariff("P", List.of(component)), OCTOBER, usage, language).get(0);
    }

    static ConsumptionComponent fixed(String includedGb, String perGb) {
        return ConsumptionComponent.fixed("DATA", "Data", "Données", new BigDecimal(includedGb), new BigDecimal(perGb));
    }

    static ConsumptionComponent perDay(String includedGb, String perGb) {
        return ConsumptionComponent.perDay("DAILY", "Daily data", "Données quotidiennes", new BigDecimal(includedGb),
                new BigDecimal(perGb));
    }

    static LocalDate d(int dayOfOctober) {
        return LocalDate.of(2026, 10, dayOfOctober);
    }

    static DailyBytes on(int dayOfOctober, long bytes) {
        return DailyBytes.none().plus(d(dayOfOctober), bytes);
    }

    static Case c(String name, ConsumptionComponent component, DailyBytes usage, String billableGb, String amount) {
        return new Case(name, component, usage, billableGb, amount);
    }
}
