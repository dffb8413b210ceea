package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

class UsageSummaryTest {

    @Test
    void usedGbIsTheChargesDecimalGbToThreeDecimals() {
        // 12,345,678,901 bytes / 10^9 = 12.345678901 GB -> 12.346 (half up, 3 decimals)
        UsageSummary.Data data = new UsageSummary.Data("NET-50", "Net 50", "Net 50", new BigInteger("12345678901"),
                new BigDecimal("50"));
        assertThat(data.usedGb()).isEqualByComparingTo("12.346");
        // 60,000,000,000 bytes = 60 GB exactly (the charge bills 60 - 50 = 10 GB of it)
        assertThat(new UsageSummary.Data("NET-50", "", "", new BigInteger("60000000000"), null).usedGb())
                .isEqualByComparingTo("60.000");
    }

    @Test
    void includedGbIsWhatTheChargeBillsAgainst() {
        Plan net50 = new Plan("NET-50", "Net 50", "Net 50", PlanKind.INTERNET, new BigDecimal("50.00"), 1,
                new BigDecimal("50"), new BigDecimal("2.00"), null);
        Plan unlimited = new Plan("NET-UNL", "Net", "Net", PlanKind.INTERNET, new BigDecimal("40.00"), 1, null, null,
                null);
        // a plan without components: its included_gb (UsageCharger's rule, DataTariff.of)
        assertThat(UsageSummary.includedGb(DataTariff.of(net50))).isEqualByComparingTo("50");
        // unlimited: nothing to compare with
        assertThat(UsageSummary.includedGb(DataTariff.of(unlimited))).isNull();
        // stepped bands from 100 GB: the first 100 GB are included
        DataTariff stepped = new DataTariff("STEP", List.of(ConsumptionComponent.stepped("DATA", "Data", "Données",
                List.of(new GbBand(new BigDecimal("100"), new BigDecimal("2.00")),
                        new GbBand(new BigDecimal("200"), new BigDecimal("1.00"))))));
        assertThat(UsageSummary.includedGb(stepped)).isEqualByComparingTo("100");
        // included per day: no period allowance to show
        DataTariff daily = new DataTariff("DAY", List.of(ConsumptionComponent.perDay("DATA", "Data", "Données",
                new BigDecimal("2"), new BigDecimal("1.00"))));
        assertThat(UsageSummary.includedGb(daily)).isNull();
    }

    @Test
    void emptyOnlyWithoutDataAndCalls() {
        assertThat(UsageSummary.NONE.isEmpty()).isTrue();
        assertThat(new UsageSummary(List.of(), List.of(new UsageSummary.Calls(null, null, 2, BigInteger.valueOf(3))))
                .isEmpty()).isFalse();
    }
}
