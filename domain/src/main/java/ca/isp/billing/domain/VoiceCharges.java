package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A subscription's calls of one usage period, charged: each rated call with its amount (to store
 * on its usage record), the rating gaps and the calls not billed (for the run report), the
 * included minutes left, and the invoice lines (one per time band).
 */
public record VoiceCharges(List<CallCharge> charges, List<RatingGap> gaps, List<UnbilledCall> unbilled,
                           IncludedMinutes left, List<InvoiceLine> lines) {

    public VoiceCharges {
        charges = List.copyOf(charges);
        gaps = List.copyOf(gaps);
        unbilled = List.copyOf(unbilled);
        lines = List.copyOf(lines);
    }

    /** The sum of the calls' amounts: what the lines add up to. */
    public BigDecimal total() {
        return Money.sum(charges.stream().map(CallCharge::amount).toList());
    }
}
