package ca.isp.billing.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentConditionTest {

    private static final InvoiceSegment QUEBEC_FIBRE = new InvoiceSegment(Set.of("fibre-1g", "VOICE"), "qc",
            "Residential", Language.FR);

    @Test
    void everyWordMustHoldAndTheValuesOfAWordAreAlternatives() {
        assertThat(SegmentCondition.parse(List.of()).matches(QUEBEC_FIBRE)).isTrue();
        // any of the invoice's plans, in any case
        assertThat(SegmentCondition.parse(List.of("plan=FIBRE-500,Fibre-1G")).matches(QUEBEC_FIBRE)).isTrue();
        assertThat(SegmentCondition.parse(List.of("plan=FIBRE-500")).matches(QUEBEC_FIBRE)).isFalse();
        assertThat(SegmentCondition.parse(List.of("province=ON,QC", "type=RESIDENTIAL", "language=fr,bilingual"))
                .matches(QUEBEC_FIBRE)).isTrue();
        // one word failing is enough
        assertThat(SegmentCondition.parse(List.of("province=QC", "type=BUSINESS")).matches(QUEBEC_FIBRE)).isFalse();
        assertThat(SegmentCondition.parse(List.of("language=en")).matches(QUEBEC_FIBRE)).isFalse();
        // an invoice whose segment is unknown but for its language: only conditions on the language reach it
        assertThat(SegmentCondition.parse(List.of("province=QC")).matches(InvoiceSegment.of(Language.FR))).isFalse();
        assertThat(SegmentCondition.parse(List.of("language=fr")).matches(InvoiceSegment.of(Language.FR))).isTrue();
    }

    @Test
    void aTypoIsRefusedNotTakenAsEveryInvoice() {
        assertThatThrownBy(() -> SegmentCondition.parse(List.of("provnce=QC"))).hasMessageContaining("'provnce=QC' is not a condition");
        assertThatThrownBy(() -> SegmentCondition.parse(List.of("QC"))).hasMessageContaining("'QC' is not a condition");
        assertThatThrownBy(() -> SegmentCondition.parse(List.of("plan="))).hasMessage("plan= has no value");
        assertThatThrownBy(() -> SegmentCondition.parse(List.of("language=english")))
                .hasMessage("language=english is not en, fr or bilingual");
        assertThatThrownBy(() -> SegmentCondition.parse(List.of("type=A", "type=B"))).hasMessage("type= is given twice");
    }
}
