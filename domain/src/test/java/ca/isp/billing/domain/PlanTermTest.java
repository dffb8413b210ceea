package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PlanTermTest {

    @Test
    void thePriceIsThePriceOfTheWholeTerm() {
        PlanTerm annual = new PlanTerm("Y", "Yearly", "Annuel", new BigDecimal("2399.95"), 12, false);

        assertThat(annual.price()).isEqualTo("2399.95");
    }

    @Test
    void refusesATermOtherThan1_2_3_6Or12MonthsAndMoreThanCents() {
        assertThatThrownBy(() -> new PlanTerm("P", "P", "P", BigDecimal.TEN, 4, false))
                .hasMessage("plan P: a term is 1, 2, 3, 6 or 12 months, not 4");
        assertThatThrownBy(() -> new PlanTerm("P", "P", "P", new BigDecimal("9.999"), 1, false))
                .hasMessage("plan P: price must be >= 0 with at most 2 decimals: 9.999");
    }
}
