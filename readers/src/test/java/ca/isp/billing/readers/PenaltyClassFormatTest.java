package ca.isp.billing.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import ca.isp.billing.domain.LineType;
import ca.isp.billing.domain.PenaltyClass;
import ca.isp.billing.domain.PenaltyMethod;

class PenaltyClassFormatTest {

    private static final List<String> COLUMNS = PenaltyClassFormat.INSTANCE.columns();

    private static Row row(String... values) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            positions.put(COLUMNS.get(i), i);
        }
        return new Row(2, positions, values);
    }

    @Test
    void readsAGreaterOfClass() {
        PenaltyClass c = PenaltyClassFormat.INSTANCE.parse(row("commercial", "greater_of", "2", "15.00", "20.00",
                "75.00", "10", "50.00", "RECURRING|usage", "yes")).penaltyClass();
        assertThat(c).isEqualTo(new PenaltyClass("COMMERCIAL", PenaltyMethod.GREATER_OF, new BigDecimal("2"),
                new BigDecimal("15.00"), new BigDecimal("20.00"), new BigDecimal("75.00"), 10, new BigDecimal("50.00"),
                EnumSet.of(LineType.RECURRING, LineType.USAGE), true));
    }

    @Test
    void blankMoneyIsZeroAndChargesIsWhatTheCustomerBuys() {
        PenaltyClass c = PenaltyClassFormat.INSTANCE.parse(row("RES", "PERCENT", "1.5", "", "", "", "5", "", "CHARGES",
                "")).penaltyClass();
        assertThat(c.flatFee()).isEqualTo(new BigDecimal("0.00"));
        assertThat(c.maximumFee()).isNull();
        assertThat(c.penalisedKinds()).isEqualTo(PenaltyClass.CHARGES);
        assertThat(c.eachPeriod()).isFalse();
    }

    @ParameterizedTest(name = "{0}={1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "percent;;required (above 0) for method PERCENT",
            "percent;150;not a percentage from 0 to 100 (1.5 for 1.5%): '150'",
            "grace_days;400;must be from 0 to 365: '400'",
            "maximum_fee;1.00;below minimum_fee 20.00: '1.00'",
            "flat_fee;20000.00;not a fee from 0.00 to 10000.00: '20000.00'",
            "penalised_kinds;RECURRING|TAXES;'TAXES'",
            "each_period;maybe;not one of yes, no: 'maybe'",
            "method;DOUBLE;not one of PERCENT, FLAT, GREATER_OF: 'DOUBLE'"})
    void refusesImplausibleValuesNamingTheField(String field, String value, String reason) {
        String[] values = {"C", "PERCENT", "2", "15.00", "20.00", "75.00", "10", "50.00", "RECURRING", "no"};
        values[COLUMNS.indexOf(field)] = value == null ? "" : value;
        assertThatThrownBy(() -> PenaltyClassFormat.INSTANCE.parse(row(values)))
                .isInstanceOf(FieldException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((FieldException) e).field()).isEqualTo(field));
    }
}
