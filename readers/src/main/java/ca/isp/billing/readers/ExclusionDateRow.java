package ca.isp.billing.readers;

import java.time.LocalDate;

/** One line of the exclusion-dates file: a date collections do not act on, once or every year. */
public record ExclusionDateRow(LocalDate date, boolean yearly, String name) {
}
