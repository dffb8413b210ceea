package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UsageChargerTest {

    private static final BillingPeriod OCTOBER = BillingPeriod.ofMonths(LocalDate.parse("2026-10-01"), 1);

    private final UsageCharger charger = new UsageCharger();

    static Stream<Arguments> dataCases() {
        // included GB, price per GB, bytes used, quantity shown (GB over), amount
        return Stream.of(
                arguments("250", "1.50", 312_456_000_000L, "62.456", "93.68"), // (312.456 - 250) * 1.50 = 93.684 -> 93.68
                arguments("100", "2.25", 100_500_000_000L, "0.500", "1.13"),   // 0.5 * 2.25 = 1.125 -> 1.13 (half up)
                arguments("250", "1.50", 250_123_456_789L, "0.123", "0.19"),   // 0.123456789 * 1.50 = 0.18518 -> 0.19
                                                                               // (from the exact GB, not 0.123 * 1.50 = 0.18)
                arguments("0", "10.00", 1_000_000_000L, "1.000", "10.00"),     // 1 * 10.00 = 10.00, nothing included
                arguments("50.5", "3.00", 51_000_000_000L, "0.500", "1.50"));  // (51 - 50.5) * 3.00 = 1.50
    }

    @ParameterizedTest(name = "{0} GB included, {2} bytes")
    @MethodSource("dataCases")
    void chargesDataOverTheAllowance(String includedGb, String perGb, long bytes, String quantity, String amount) {
        Plan plan = internet(new BigDecimal(includedGb), new BigDecimal(perGb));

        List<InvoiceLine> lines = charger.charge(subscription(), plan, OCTOBER, bytes, 0, Language.EN);

        assertThat(lines).hasSize(1);
        InvoiceLine line = lines.get(0);
        assertThat(line.type()).isEqualTo(LineType.USAGE);
        assertThat(line.lineKey()).isEqualTo("USAGE:DATA:S1:2026-10-01");
        assertThat(line.periodStart()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(line.periodEnd()).isEqualTo(LocalDate.parse("2026-10-31"));
        assertThat(line.quantity()).isEqualTo(new BigDecimal(quantity));
        assertThat(line.unit()).isEqualTo("GB");
        assertThat(line.unitPrice()).isEqualTo(new BigDecimal(perGb));
        assertThat(line.amount()).isEqualTo(new BigDecimal(amount));
    }

    @Test
    void totalsBeyondALongAreChargedExactly() {
        // two sessions of 2^63 - 1 bytes: 18,446,744,073,709,551,614 bytes = 18,446,744,073.709551614 GB;
        // 50 included, 18,446,744,023.709551614 over x 2.00 = 36,893,488,047.419103228 -> 36,893,488,047.42
        BigInteger bytes = BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TWO);
        Plan plan = internet(new BigDecimal("50"), new BigDecimal("2.00"));

        List<InvoiceLine> lines = charger.charge(subscription(), plan, OCTOBER, bytes, BigInteger.ZERO, Language.EN);

        assertThat(lines).extracting(InvoiceLine::quantity, InvoiceLine::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("18446744023.710"),
                        new BigDecimal("36893488047.42")));
        // calls: 2 x (2^63 - 1) minutes at 0.05 = 922,337,203,685,477,580.70
        List<InvoiceLine> calls = charger.charge(phoneSubscription(), phone(new BigDecimal("0.05")), OCTOBER,
                BigInteger.ZERO, bytes, Language.EN);
        assertThat(calls.get(0).amount()).isEqualTo(new BigDecimal("922337203685477580.70"));
    }

    @Test
    void noDataLineWithinTheAllowanceOrOnUnlimitedPlans() {
        Plan capped = internet(new BigDecimal("250"), new BigDecimal("1.50"));
        Plan unlimited = internet(null, null);

        // Exactly 250 GB is within 250 GB.
        assertThat(charger.charge(subscription(), capped, OCTOBER, 250_000_000_000L, 0, Language.EN)).isEmpty();
        assertThat(charger.charge(subscription(), unlimited, OCTOBER, 9_000_000_000_000L, 0, Language.EN)).isEmpty();
    }

    @Test
    void noDataLineOfZero() {
        // 500 GB included, 0.00 a GB over: 612 GB used, 112 over x 0.00 = 0.00 -> no line (found on a demo invoice)
        Plan freeOverage = internet(new BigDecimal("500"), new BigDecimal("0.00"));
        assertThat(charger.charge(subscription(), freeOverage, OCTOBER, 612_000_000_000L, 0, Language.FR)).isEmpty();
        // 250 GB included, 1.50 a GB: 250.003 GB used, 0.003 over x 1.50 = 0.0045 -> 0.00 -> no line
        Plan capped = internet(new BigDecimal("250"), new BigDecimal("1.50"));
        assertThat(charger.charge(subscription(), capped, OCTOBER, 250_003_000_000L, 0, Language.EN)).isEmpty();
        // 250.004 GB: 0.004 x 1.50 = 0.006 -> 0.01, a line
        assertThat(charger.charge(subscription(), capped, OCTOBER, 250_004_000_000L, 0, Language.EN))
                .extracting(InvoiceLine::amount).containsExactly(new BigDecimal("0.01"));
    }

    @Test
    void noVoiceLineOfZero() {
        // 0.00 a minute: 42 minutes x 0.00 = 0.00 -> no line
        assertThat(charger.charge(phoneSubscription(), phone(new BigDecimal("0.00")), OCTOBER, 0, 42, Language.EN))
                .isEmpty();
    }

    @Test
    void dataLineIsDescribedInTheAccountsLanguage() {
        Plan plan = internet(new BigDecimal("250"), new BigDecimal("1.50"));

        InvoiceLine en = charger.charge(subscription(), plan, OCTOBER, 312_456_000_000L, 0, Language.EN).get(0);
        InvoiceLine fr = charger.charge(subscription(), plan, OCTOBER, 312_456_000_000L, 0, Language.FR).get(0);

        assertThat(en.description()).isEqualTo("Data over allowance: 312.456 GB used, 250 GB included");
        assertThat(fr.description()).isEqualTo("Données hors forfait : 312,456 Go utilisés, 250 Go inclus");
        assertThat(fr.reason()).isEqualTo("Plan FIBRE-250 includes 250 GB; 312456000000 bytes used "
                + "2026-10-01..2026-10-31 = 312.456 GB, 62.456 GB over at 1.50/GB = 93.68");
    }

    @Test
    void largeNumbersUseTheLocalesGrouping() {
        Plan plan = internet(new BigDecimal("1000"), new BigDecimal("1.00"));

        InvoiceLine en = charger.charge(subscription(), plan, OCTOBER, 1_234_500_000_000L, 0, Language.EN).get(0);
        InvoiceLine fr = charger.charge(subscription(), plan, OCTOBER, 1_234_500_000_000L, 0, Language.FR).get(0);

        assertThat(en.description()).isEqualTo("Data over allowance: 1,234.5 GB used, 1,000 GB included");
        assertThat(spaces(fr.description())).isEqualTo("Données hors forfait : 1 234,5 Go utilisés, 1 000 Go inclus");
        assertThat(en.amount()).isEqualTo(new BigDecimal("234.50")); // (1234.5 - 1000) * 1.00 = 234.50
    }

    static Stream<Arguments> voiceCases() {
        // price per minute, minutes, amount
        return Stream.of(
                arguments("0.05", 123L, "6.15"),    // 123 * 0.05 = 6.15
                arguments("0.035", 3L, "0.11"),     // 3 * 0.035 = 0.105 -> 0.11 (half up)
                arguments("0.029", 1L, "0.03"),     // 1 * 0.029 = 0.029 -> 0.03
                arguments("0.04", 2500L, "100.00")); // 2500 * 0.04 = 100.00
    }

    @ParameterizedTest(name = "{1} min at {0}")
    @MethodSource("voiceCases")
    void chargesCallsPerMinute(String perMinute, long minutes, String amount) {
        Plan plan = phone(new BigDecimal(perMinute));

        List<InvoiceLine> lines = charger.charge(phoneSubscription(), plan, OCTOBER, 0, minutes, Language.EN);

        assertThat(lines).hasSize(1);
        InvoiceLine line = lines.get(0);
        assertThat(line.type()).isEqualTo(LineType.USAGE);
        assertThat(line.lineKey()).isEqualTo("USAGE:VOICE:S2:2026-10-01");
        assertThat(line.quantity()).isEqualTo(BigDecimal.valueOf(minutes));
        assertThat(line.unit()).isEqualTo("min");
        assertThat(line.unitPrice()).isEqualTo(new BigDecimal(perMinute));
        assertThat(line.amount()).isEqualTo(new BigDecimal(amount));
        assertThat(line.periodEnd()).isEqualTo(LocalDate.parse("2026-10-31"));
    }

    @Test
    void callLineIsDescribedInTheAccountsLanguage() {
        Plan plan = phone(new BigDecimal("0.05"));

        assertThat(charger.charge(phoneSubscription(), plan, OCTOBER, 0, 123, Language.EN).get(0).description())
                .isEqualTo("Calls: 123 minutes");
        assertThat(charger.charge(phoneSubscription(), plan, OCTOBER, 0, 123, Language.FR).get(0).description())
                .isEqualTo("Appels : 123 minutes");
        assertThat(charger.charge(phoneSubscription(), plan, OCTOBER, 0, 1, Language.EN).get(0).description())
                .isEqualTo("Calls: 1 minute");
        assertThat(spaces(charger.charge(phoneSubscription(), plan, OCTOBER, 0, 2500, Language.FR).get(0)
                .description())).isEqualTo("Appels : 2 500 minutes");
    }

    @Test
    void noCallLineWhenCallsAreIncludedOrThereAreNone() {
        assertThat(charger.charge(phoneSubscription(), phone(null), OCTOBER, 0, 500, Language.EN)).isEmpty();
        assertThat(charger.charge(phoneSubscription(), phone(new BigDecimal("0.05")), OCTOBER, 0, 0, Language.EN))
                .isEmpty();
    }

    @Test
    void planWithDataAndCallsGivesDataThenVoice() {
        Plan bundle = new Plan("BUNDLE", "Bundle", "Forfait groupé", PlanKind.INTERNET, new BigDecimal("79.99"), 1,
                new BigDecimal("100"), new BigDecimal("2.00"), new BigDecimal("0.05"));
        Subscription subscription = new Subscription("S3", "BUNDLE", "user3", LocalDate.parse("2026-01-01"), null);

        List<InvoiceLine> lines = charger.charge(subscription, bundle, OCTOBER, 101_000_000_000L, 10, Language.EN);

        assertThat(lines).extracting(InvoiceLine::lineKey)
                .containsExactly("USAGE:DATA:S3:2026-10-01", "USAGE:VOICE:S3:2026-10-01");
        assertThat(lines).extracting(InvoiceLine::amount)
                .containsExactly(new BigDecimal("2.00"),  // (101 - 100) * 2.00 = 2.00
                                 new BigDecimal("0.50")); // 10 * 0.05 = 0.50
    }

    @Test
    void rejectsNegativeUsageAndTheWrongPlan() {
        Plan plan = internet(new BigDecimal("250"), new BigDecimal("1.50"));

        assertThatThrownBy(() -> charger.charge(subscription(), plan, OCTOBER, -1, 0, Language.EN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative usage");
        assertThatThrownBy(() -> charger.charge(phoneSubscription(), plan, OCTOBER, 0, 0, Language.EN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subscription S2 is on plan VOIP, not FIBRE-250");
    }

    private static Plan internet(BigDecimal includedGb, BigDecimal perGb) {
        return new Plan("FIBRE-250", "Fibre 250", "Fibre 250", PlanKind.INTERNET, new BigDecimal("59.99"), 1,
                includedGb, perGb, null);
    }

    private static Plan phone(BigDecimal perMinute) {
        return new Plan("VOIP", "Home phone", "Téléphonie", PlanKind.VOIP, new BigDecimal("19.99"), 1,
                null, null, perMinute);
    }

    private static Subscription subscription() {
        return new Subscription("S1", "FIBRE-250", "user1", LocalDate.parse("2026-01-01"), null);
    }

    private static Subscription phoneSubscription() {
        return new Subscription("S2", "VOIP", "5145550100", LocalDate.parse("2026-01-01"), null);
    }

    /** The JDK's French locale groups digits with a no-break or narrow no-break space. */
    private static String spaces(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }
}
