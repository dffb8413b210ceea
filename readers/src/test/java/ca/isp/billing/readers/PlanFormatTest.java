package ca.isp.billing.readers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.stream.Stream;

import static ca.isp.billing.readers.TestFiles.assertRejected;
import static ca.isp.billing.readers.TestFiles.ok;
import static ca.isp.billing.readers.TestFiles.readOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PlanFormatTest {

    private static final TestRecord INTERNET = TestRecord.of(
            "plan_code", "DSL-25",
            "name_en", "DSL 25 Mbps, 200 GB",
            "name_fr", "DSL 25 Mb/s, 200 Go",
            "kind", "internet",
            "monthly_price", "39.9",
            "period_months", "1",
            "included_gb", "200",
            "overage_per_gb", "2.5",
            "per_minute", "",
            "term_price", "",
            "bills_while_suspended", "",
            "included_minutes", "",
            "price_from", "");

    @TempDir
    Path dir;

    @Test
    void readsAnInternetPlanWithAnAllowance() throws IOException {
        PlanRow plan = ok(readOne(dir, PlanFormat.INSTANCE, INTERNET));

        // money is widened to cents without rounding: 39.9 -> 39.90, 2.5 -> 2.50
        assertThat(plan).isEqualTo(new PlanRow("DSL-25", "DSL 25 Mbps, 200 GB", "DSL 25 Mb/s, 200 Go", "INTERNET",
                new BigDecimal("39.90"), 1, new BigDecimal("200"), new BigDecimal("2.50"), null));
    }

    @Test
    void readsAnUnlimitedYearlyPlan() throws IOException {
        TestRecord record = INTERNET.with("included_gb", "").with("overage_per_gb", "")
                .with("period_months", "12").with("monthly_price", "0");

        PlanRow plan = ok(readOne(dir, PlanFormat.INSTANCE, record));

        assertThat(plan.includedGb()).isNull();
        assertThat(plan.overagePerGb()).isNull();
        assertThat(plan.periodMonths()).isEqualTo(12);
        // a free plan is allowed: 0 -> 0.00
        assertThat(plan.monthlyPrice()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void readsAVoipPlanWithAPricePerMinuteFinerThanACent() throws IOException {
        TestRecord record = INTERNET.with("kind", "VOIP").with("included_gb", "").with("overage_per_gb", "")
                .with("per_minute", "0.0125");

        PlanRow plan = ok(readOne(dir, PlanFormat.INSTANCE, record));

        assertThat(plan.kind()).isEqualTo("VOIP");
        // 0.0125 keeps its 4 decimals: 1.25 cents a minute, rounded only on the call's total
        assertThat(plan.perMinute()).isEqualTo(new BigDecimal("0.0125"));
    }

    @Test
    void anAnnualPlanIsEnteredAtThePriceOfItsWholeTerm() throws IOException {
        PlanRow plan = ok(readOne(dir, PlanFormat.INSTANCE, INTERNET.with("monthly_price", "")
                .with("period_months", "12").with("term_price", "2399.95").with("bills_while_suspended", "YES")));

        // billed 2,399.95 a year; the monthly price is only shown: 2,399.95 / 12 = 199.9958 -> 200.00
        assertThat(plan.termPrice()).isEqualByComparingTo("2399.95");
        assertThat(plan.monthlyPrice()).isEqualByComparingTo("200.00");
        assertThat(plan.billsWhileSuspended()).isTrue();
    }

    @Test
    void withoutATermPriceATermIsTheMonthlyPriceTimesItsMonths() throws IOException {
        PlanRow plan = ok(readOne(dir, PlanFormat.INSTANCE, INTERNET.with("monthly_price", "59.99")
                .with("period_months", "3")));

        // 59.99 x 3 = 179.97
        assertThat(plan.termPrice()).isEqualByComparingTo("179.97");
        assertThat(plan.billsWhileSuspended()).isFalse();
    }

    @Test
    void theCeilingsThemselvesAreAccepted() throws IOException {
        PlanRow plan = ok(readOne(dir, PlanFormat.INSTANCE, INTERNET.with("monthly_price", "100000.00")
                .with("period_months", "12").with("included_gb", "1000000").with("overage_per_gb", "1000.00")));

        assertThat(plan.monthlyPrice()).isEqualByComparingTo("100000.00");
        assertThat(plan.periodMonths()).isEqualTo(12);
        // 100,000.00 x 12, the most a term may cost
        assertThat(plan.termPrice()).isEqualByComparingTo("1200000.00");
    }

    @Test
    void aVoipPlanMayIncludeMinutesForItsRateTable() throws IOException {
        TestRecord record = INTERNET.with("kind", "VOIP").with("included_gb", "").with("overage_per_gb", "")
                .with("included_minutes", "300");

        assertThat(ok(readOne(dir, PlanFormat.INSTANCE, record)).includedMinutes()).isEqualTo(300);
        // left out: none
        assertThat(ok(readOne(dir, PlanFormat.INSTANCE, INTERNET)).includedMinutes()).isNull();
    }

    @Test
    void aNewPriceMayBeDatedAndAnImplausibleDayIsRefused() throws IOException {
        assertThat(ok(readOne(dir, PlanFormat.INSTANCE, INTERNET.with("price_from", "2027-01-01"))).priceFrom())
                .isEqualTo(java.time.LocalDate.of(2027, 1, 1));
        // the import's window: a price from 1900 is a typo
        PlanFormat importing = PlanFormat.within(new ca.isp.billing.domain.DateWindow(
                java.time.LocalDate.of(2020, 1, 1), java.time.LocalDate.of(2030, 12, 31)));
        assertRejected(readOne(dir, importing, INTERNET.with("price_from", "1900-01-01")), "price_from",
                "outside the plausible window 2020-01-01..2030-12-31: '1900-01-01'");
    }

    @Test
    void aPlanNamesItsRevenueAccountOrLeavesItToTheCompanyDefault() throws IOException {
        assertThat(ok(readOne(dir, PlanFormat.INSTANCE, INTERNET.plus("gl_account", "4010-NET"))).glAccount())
                .isEqualTo("4010-NET");
        assertThat(ok(readOne(dir, PlanFormat.INSTANCE, INTERNET.plus("gl_account", ""))).glAccount()).isNull();
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                arguments("plan_code", "", "required but empty"),
                arguments("name_en", "", "required but empty"),
                arguments("name_fr", "", "required but empty"),
                arguments("kind", "IPTV", "not one of INTERNET, VOIP: 'IPTV'"),
                arguments("monthly_price", "-1.00", "must not be negative: '-1.00'"),
                arguments("monthly_price", "39.999", "more than 2 decimals: '39.999'"),
                arguments("monthly_price", "", "required but empty"),
                arguments("period_months", "0", "must be at least 1: '0'"),
                arguments("period_months", "1.5", "not a whole number: '1.5'"),
                arguments("included_gb", "-10", "must not be negative: '-10'"),
                arguments("included_gb", "lots", "not a decimal number (like 0.5): 'lots'"),
                arguments("overage_per_gb", "", "required when included_gb is set"),
                arguments("overage_per_gb", "-2.50", "must not be negative: '-2.50'"),
                arguments("overage_per_gb", "2.505", "more than 2 decimals: '2.505'"),
                arguments("per_minute", "0.01255", "more than 4 decimals: '0.01255'"),
                arguments("per_minute", "100.0001", "above the plausible maximum 100.00: '100.0001'"),
                arguments("per_minute", "-0.01", "must not be negative: '-0.01'"),
                // ceilings no ISP reaches, so a slipped digit is caught (and a term still fits an invoice)
                arguments("monthly_price", "99999999999999.99", "above the plausible maximum 100000.00: '99999999999999.99'"),
                arguments("monthly_price", "100000.01", "above the plausible maximum 100000.00: '100000.01'"),
                arguments("period_months", "36", "a term is 1, 2, 3, 6 or 12 months: '36'"),
                arguments("period_months", "4", "a term is 1, 2, 3, 6 or 12 months: '4'"),
                arguments("term_price", "-1.00", "must not be negative: '-1.00'"),
                arguments("term_price", "2399.955", "more than 2 decimals: '2399.955'"),
                arguments("term_price", "1200000.01", "above the plausible maximum 1200000.00: '1200000.01'"),
                arguments("bills_while_suspended", "maybe", "not one of YES, NO: 'maybe'"),
                arguments("period_months", "99999999999", "too large: '99999999999'"),
                arguments("included_gb", "1000000.001", "above the plausible maximum 1000000: '1000000.001'"),
                arguments("included_gb", "0.0005", "more than 3 decimals: '0.0005'"),
                arguments("overage_per_gb", "1000.01", "above the plausible maximum 1000.00: '1000.01'"),
                // included minutes: at most every minute of a 31-day month (31 x 24 x 60 = 44,640)
                arguments("included_minutes", "-1", "must be from 0 to 44640: '-1'"),
                arguments("included_minutes", "44641", "must be from 0 to 44640: '44641'"),
                arguments("included_minutes", "1.5", "not a whole number: '1.5'"),
                arguments("price_from", "2027-02-30", "not a date (YYYY-MM-DD): '2027-02-30'"),
                arguments("plan_code", "FIBRE/100", "'/' is not allowed (A-Z, a-z, 0-9 and . _ - only): 'FIBRE/100'"),
                arguments("name_fr", "F".repeat(101), "longer than 100 characters: '" + "F".repeat(40) + "…' (101 characters)"),
                // a GL account becomes a journal cell: an identifier, never a formula
                arguments("gl_account", "=4010", "'=' is not allowed (A-Z, a-z, 0-9 and . _ - only): '=4010'"),
                arguments("gl_account", "4".repeat(21), "longer than 20 characters: '" + "4".repeat(21) + "'"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("rejections")
    void rejects(String column, String value, String reason) throws IOException {
        TestRecord record = column.equals("gl_account") ? INTERNET.plus(column, value) : INTERNET.with(column, value);
        assertRejected(readOne(dir, PlanFormat.INSTANCE, record), column, reason);
    }
}
