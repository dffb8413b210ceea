package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * What an invoice's usage summary shows, charged or not: per subscription, the data of the usage
 * the invoice billed against its plan's allowance, and per time band the calls and their billable
 * minutes. The figures are the charge step's own: GB are DataCharger's decimal GB of the rated
 * bytes (upload + download, as the rating stored them), the allowance is what DataCharger and
 * UsageCharger bill against, minutes are the rating's started minutes (UsageRater).
 */
public record UsageSummary(List<Data> data, List<Calls> calls) {

    /** An invoice without usage: nothing to show. */
    public static final UsageSummary NONE = new UsageSummary(List.of(), List.of());

    public UsageSummary {
        data = List.copyOf(Objects.requireNonNull(data, "data"));
        calls = List.copyOf(Objects.requireNonNull(calls, "calls"));
    }

    public boolean isEmpty() {
        return data.isEmpty() && calls.isEmpty();
    }

    /**
     * The data of one subscription: its plan's names, the bytes billed, and the GB included in
     * the usage period ({@code includedGb} null: no allowance to compare with, see {@link #includedGb}).
     */
    public record Data(String planCode, String planNameEn, String planNameFr, BigInteger bytes,
                       BigDecimal includedGb) {

        public Data {
            Objects.requireNonNull(planCode, "planCode");
            Objects.requireNonNull(bytes, "bytes");
            if (bytes.signum() < 0) {
                throw new IllegalArgumentException("plan " + planCode + ": negative data " + bytes);
            }
        }

        /** The GB used as the charge counts them: exact decimal GB, 1 GB = 10^9 bytes, shown to 3 decimals. */
        public BigDecimal usedGb() {
            return DataCharger.gb(bytes).setScale(DataCharger.GB_QUANTITY_DECIMALS, RoundingMode.HALF_UP);
        }

        public String planName(Language language) {
            return language == Language.FR ? planNameFr : planNameEn;
        }
    }

    /**
     * The calls of one time band ({@code bandEn}/{@code bandFr} null: calls without bands): how many,
     * and their billable minutes (every started minute, as rated).
     */
    public record Calls(String bandEn, String bandFr, long count, BigInteger billableMinutes) {

        public Calls {
            Objects.requireNonNull(billableMinutes, "billableMinutes");
        }

        public String band(Language language) {
            return language == Language.FR ? bandFr : bandEn;
        }
    }

    /**
     * The GB a plan includes in a usage period, as the charge bills it: the included GB of the
     * plan's data components metered over the period (DataCharger; a plan without components is
     * its one fixed component, DataTariff.of, the rule of UsageCharger). Null when there is none
     * to compare the period's GB with: unlimited data (no components), or included GB counted per
     * day.
     */
    public static BigDecimal includedGb(DataTariff tariff) {
        Objects.requireNonNull(tariff, "tariff");
        BigDecimal included = null;
        for (ConsumptionComponent component : tariff.components()) {
            if (component.metering() == DataMetering.PER_DAY) {
                return null;
            }
            // every component rates the same bytes: the allowance is the smallest one's
            included = included == null ? component.includedGb() : included.min(component.includedGb());
        }
        return included;
    }
}
