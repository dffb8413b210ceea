package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanChargerTest {

    private static final Plan FIBRE = new Plan("FIBRE-100", "Fibre 100", "Fibre 100 résidentiel", PlanKind.INTERNET,
            new BigDecimal("49.99"), 1, null, null, null);
    private static final Plan PHONE = new Plan("VOIP-BASIC", "Home phone", "Téléphonie résidentielle", PlanKind.VOIP,
            new BigDecimal("24.99"), 1, null, null, new BigDecimal("0.05"));
    private static final Plan ODD = new Plan("ODD", "Odd price", "Prix impair", PlanKind.INTERNET,
            new BigDecimal("10.05"), 1, null, null, null);
    private static final Plan QUARTERLY = new Plan("FIBRE-Q", "Fibre quarterly", "Fibre trimestrielle",
            PlanKind.INTERNET, new BigDecimal("45.00"), 3, null, null, null);
    private static final Map<String, Plan> PLANS = Map.of(FIBRE.code(), FIBRE, PHONE.code(), PHONE, ODD.code(), ODD,
            QUARTERLY.code(), QUARTERLY);

    private final PlanCharger charger = new PlanCharger();

    static Stream<Arguments> monthlyCases() {
        // label, plan, next bill date (= cycle date), start, end, first day, last day, quantity, amount
        return Stream.of(
                arguments("full month", "FIBRE-100", "2026-11-01", "2026-01-15", null,
                        "2026-11-01", "2026-11-30", "1", "49.99"),            // 49.99 in full
                arguments("starts mid-period", "FIBRE-100", "2026-11-01", "2026-11-19", null,
                        "2026-11-19", "2026-11-30", "0.4000", "20.00"),       // 49.99 * 12 / 30 = 19.996 -> 20.00
                arguments("ends mid-period", "FIBRE-100", "2026-11-01", "2025-03-01", "2026-11-12",
                        "2026-11-01", "2026-11-12", "0.4000", "20.00"),       // 49.99 * 12 / 30 = 19.996 -> 20.00
                arguments("starts and ends inside", "FIBRE-100", "2026-11-01", "2026-11-10", "2026-11-19",
                        "2026-11-10", "2026-11-19", "0.3333", "16.66"),       // 49.99 * 10 / 30 = 16.6633 -> 16.66
                arguments("last day only", "FIBRE-100", "2026-11-01", "2026-11-30", null,
                        "2026-11-30", "2026-11-30", "0.0333", "1.67"),        // 49.99 * 1 / 30 = 1.66633 -> 1.67
                arguments("ends on first day", "FIBRE-100", "2026-11-01", "2026-06-01", "2026-11-01",
                        "2026-11-01", "2026-11-01", "0.0333", "1.67"),        // 49.99 * 1 / 30 = 1.66633 -> 1.67
                arguments("February, 28 days", "FIBRE-100", "2026-02-01", "2026-02-15", null,
                        "2026-02-15", "2026-02-28", "0.5000", "25.00"),       // 49.99 * 14 / 28 = 24.995 -> 25.00 (half up)
                arguments("February, full", "FIBRE-100", "2026-02-01", "2025-12-01", null,
                        "2026-02-01", "2026-02-28", "1", "49.99"),            // 49.99 in full, whatever the month's length
                arguments("31-day month", "FIBRE-100", "2026-12-01", "2026-12-22", null,
                        "2026-12-22", "2026-12-31", "0.3226", "16.13"),       // 49.99 * 10 / 31 = 16.1258 -> 16.13
                arguments("half a cent rounds up", "ODD", "2026-11-01", "2026-11-16", null,
                        "2026-11-16", "2026-11-30", "0.5000", "5.03"));       // 10.05 * 15 / 30 = 5.025 -> 5.03 (half even would give 5.02)
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("monthlyCases")
    void chargesMonthlyPlansForTheActiveDaysOfThePeriod(String label, String planCode, String billDate, String start,
                                                        String end, String first, String last, String quantity,
                                                        String amount) {
        Subscription subscription = new Subscription("S1", planCode, "user1", d(start), end == null ? null : d(end));

        ChargeResult result = charger.charge(d(billDate), d(billDate), List.of(subscription), PLANS, Language.EN);

        assertThat(result.lines()).hasSize(1);
        InvoiceLine line = result.lines().get(0);
        assertThat(line.type()).isEqualTo(LineType.RECURRING);
        assertThat(line.periodStart()).isEqualTo(d(first));
        assertThat(line.periodEnd()).isEqualTo(d(last));
        assertThat(line.quantity()).isEqualTo(new BigDecimal(quantity));
        assertThat(line.unit()).isEqualTo("month");
        assertThat(line.unitPrice()).isEqualTo(PLANS.get(planCode).monthlyPrice());
        assertThat(line.amount()).isEqualTo(new BigDecimal(amount));
        assertThat(line.lineKey()).isEqualTo("RECURRING:S1:" + first);
    }

    @Test
    void fullMonthLineIsDescribedByThePlanName() {
        Subscription subscription = new Subscription("S1", "FIBRE-100", "user1", d("2026-01-15"), null);

        InvoiceLine line = charger.charge(d("2026-11-01"), d("2026-11-01"), List.of(subscription), PLANS, Language.EN)
                .lines().get(0);

        assertThat(line.description()).isEqualTo("Fibre 100");
        assertThat(line.reason()).isEqualTo("Plan FIBRE-100 billed in advance for 2026-11-01..2026-11-30");
    }

    @Test
    void proratedLineSaysHowManyDaysInEitherLanguage() {
        Subscription subscription = new Subscription("S1", "FIBRE-100", "user1", d("2026-11-19"), null);

        InvoiceLine en = charger.charge(d("2026-11-01"), d("2026-11-01"), List.of(subscription), PLANS, Language.EN)
                .lines().get(0);
        InvoiceLine fr = charger.charge(d("2026-11-01"), d("2026-11-01"), List.of(subscription), PLANS, Language.FR)
                .lines().get(0);

        assertThat(en.description()).isEqualTo("Fibre 100 (prorated, 12 of 30 days)");
        assertThat(fr.description()).isEqualTo("Fibre 100 résidentiel (au prorata, 12 jours sur 30)");
        assertThat(fr.reason()).startsWith("Plan FIBRE-100 billed in advance for 2026-11-19..2026-11-30");
        assertThat(fr.amount()).isEqualTo(en.amount());
    }

    @Test
    void subscriptionsOutsideThePeriodAreNotCharged() {
        Subscription ended = new Subscription("S1", "FIBRE-100", "user1", d("2026-01-01"), d("2026-10-31"));
        Subscription future = new Subscription("S2", "FIBRE-100", "user2", d("2026-12-01"), null);

        ChargeResult result = charger.charge(d("2026-11-01"), d("2026-11-05"), List.of(ended, future), PLANS,
                Language.EN);

        assertThat(result.lines()).isEmpty();
        assertThat(result.periodsBilled()).containsExactly(new BillingPeriod(d("2026-11-01"), d("2026-12-01")));
        assertThat(result.newNextBillDate()).isEqualTo(d("2026-12-01"));
    }

    @Test
    void notDueYetBillsNothing() {
        Subscription subscription = new Subscription("S1", "FIBRE-100", "user1", d("2026-01-01"), null);

        ChargeResult result = charger.charge(d("2026-11-01"), d("2026-10-31"), List.of(subscription), PLANS,
                Language.EN);

        assertThat(result.lines()).isEmpty();
        assertThat(result.periodsBilled()).isEmpty();
        assertThat(result.newNextBillDate()).isEqualTo(d("2026-11-01"));
    }

    @Test
    void catchesUpTwoMissedPeriodsInPeriodThenSubscriptionOrder() {
        Subscription phone = new Subscription("S2", "VOIP-BASIC", "5145550100", d("2026-09-16"), null);
        Subscription fibre = new Subscription("S1", "FIBRE-100", "user1", d("2026-01-01"), null);

        // The caller's order (S2, S1) must not matter.
        ChargeResult result = charger.charge(d("2026-09-01"), d("2026-10-20"), List.of(phone, fibre), PLANS,
                Language.EN);

        assertThat(result.periodsBilled()).containsExactly(
                new BillingPeriod(d("2026-09-01"), d("2026-10-01")),
                new BillingPeriod(d("2026-10-01"), d("2026-11-01")));
        assertThat(result.newNextBillDate()).isEqualTo(d("2026-11-01"));
        assertThat(result.lines()).extracting(InvoiceLine::lineKey).containsExactly(
                "RECURRING:S1:2026-09-01",
                "RECURRING:S2:2026-09-16",
                "RECURRING:S1:2026-10-01",
                "RECURRING:S2:2026-10-01");
        assertThat(result.lines()).extracting(InvoiceLine::amount).containsExactly(
                new BigDecimal("49.99"),   // September in full
                new BigDecimal("12.50"),   // 24.99 * 15 / 30 = 12.495 -> 12.50 (half up)
                new BigDecimal("49.99"),   // October in full
                new BigDecimal("24.99"));  // October in full
    }

    @Test
    void periodsAreCountedFromTheBillDateSoMonthEndsDoNotDrift() {
        ChargeResult result = charger.charge(d("2026-01-31"), d("2026-03-31"), List.of(), PLANS, Language.EN);

        // Jan 31 + 1 month = Feb 28, + 2 months = Mar 31 (not Mar 28), + 3 months = Apr 30.
        assertThat(result.periodsBilled()).containsExactly(
                new BillingPeriod(d("2026-01-31"), d("2026-02-28")),
                new BillingPeriod(d("2026-02-28"), d("2026-03-31")),
                new BillingPeriod(d("2026-03-31"), d("2026-04-30")));
        assertThat(result.newNextBillDate()).isEqualTo(d("2026-04-30"));
    }

    @Test
    void threeMonthTermIsChargedOnlyInTheAccountPeriodWhereItStarts() {
        // Terms from 2026-07-10: 07-10..10-09, 10-10..2027-01-09; the second starts in October.
        Subscription quarterly = new Subscription("S3", "FIBRE-Q", "user3", d("2026-07-10"), null);

        ChargeResult result = charger.charge(d("2026-09-01"), d("2026-11-01"), List.of(quarterly), PLANS,
                Language.EN);

        assertThat(result.periodsBilled()).hasSize(3); // September, October, November
        assertThat(result.lines()).hasSize(1);
        InvoiceLine line = result.lines().get(0);
        assertThat(line.lineKey()).isEqualTo("RECURRING:S3:2026-10-10");
        assertThat(line.periodStart()).isEqualTo(d("2026-10-10"));
        assertThat(line.periodEnd()).isEqualTo(d("2027-01-09"));
        assertThat(line.quantity()).isEqualTo(new BigDecimal("3"));
        assertThat(line.unitPrice()).isEqualTo(new BigDecimal("45.00"));
        assertThat(line.amount()).isEqualTo(new BigDecimal("135.00")); // 45.00 * 3 = 135.00
        assertThat(line.description()).isEqualTo("Fibre quarterly");
        assertThat(line.reason()).startsWith("Plan FIBRE-Q billed in advance for 2026-10-10..2027-01-09");
    }

    @Test
    void termCutShortByTheEndDateIsProratedByDaysOfTheTerm() {
        // Term 2026-10-10..2027-01-09 = 22 + 30 + 31 + 9 = 92 days; active 10-10..11-30 = 22 + 30 = 52 days.
        Subscription quarterly = new Subscription("S4", "FIBRE-Q", "user4", d("2026-10-10"), d("2026-11-30"));

        ChargeResult result = charger.charge(d("2026-10-01"), d("2026-11-01"), List.of(quarterly), PLANS,
                Language.FR);

        assertThat(result.lines()).hasSize(1);
        InvoiceLine line = result.lines().get(0);
        assertThat(line.periodStart()).isEqualTo(d("2026-10-10"));
        assertThat(line.periodEnd()).isEqualTo(d("2026-11-30"));
        assertThat(line.amount()).isEqualTo(new BigDecimal("76.30"));     // 135.00 * 52 / 92 = 76.3043 -> 76.30
        assertThat(line.quantity()).isEqualTo(new BigDecimal("1.6957"));  // 3 * 52 / 92 = 1.69565 -> 1.6957 months
        assertThat(line.description()).isEqualTo("Fibre trimestrielle (au prorata, 52 jours sur 92)");
    }

    @Test
    void termStartingAfterTheServiceEndedIsNotCharged() {
        // Active in October until 10-05, but the next term would start 10-10.
        Subscription quarterly = new Subscription("S5", "FIBRE-Q", "user5", d("2026-07-10"), d("2026-10-05"));

        ChargeResult result = charger.charge(d("2026-10-01"), d("2026-10-01"), List.of(quarterly), PLANS,
                Language.EN);

        assertThat(result.lines()).isEmpty();
    }

    @Test
    void unknownPlanIsAnError() {
        Subscription subscription = new Subscription("S9", "GONE", "user9", d("2026-01-01"), null);

        assertThatThrownBy(() -> charger.charge(d("2026-11-01"), d("2026-11-01"), List.of(subscription), PLANS,
                Language.EN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subscription S9 refers to unknown plan GONE");
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
