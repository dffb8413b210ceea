package ca.isp.billing.readers;

import ca.isp.billing.domain.PenaltyClass;

/** One line of the penalty-classes file: a class, checked by its own rules. */
public record PenaltyClassRow(PenaltyClass penaltyClass) {
}
