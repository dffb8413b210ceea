package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * What an invoice's usage summary shows, charged or not: per subscription, the data of the usage
 * the invoice billed against its plan's allowance, and per time band the calls and their billed
 * duration. The figures are the charge step's own: GB are DataCharger's decimal GB of the rated
 * bytes (upload + download, as the rating stored them), the allowance is what DataCharger and
 * UsageCharger bill against.
 *
 * <p>Calls are counted and timed as the charge lines count and time them, so that a band's summary
 * and its charge line say the same ("Calls (Day): 5 calls, 23 min 35 s" in both):
 * <ul>
 * <li>a call of a plan with a rate table is what {@link CallRater} makes of it, as VoiceCharger
 * bills it: a {@link RatedCall} is one call of its time band, of its seconds billed in the rate's
 * increments (30/6: 61 s of talk is 66 s), also when they are 0 (a call answered with no talk
 * time: its connection fee or minimum is charged, and the charge line counts it); an
 * {@link UnbilledCall} (not answered) is no call, as it is none of the charge line's;</li>
 * <li>a call of a plan without a rate table is billed per started minute (UsageRater, UsageCharger):
 * one call of no band, of its started minutes x 60 s; a call of no started minute (0 s) is billed
 * nothing and is no call.</li>
 * </ul>
 * The duration is written as the charge lines write it ({@link #callsText}: "23 min 35 s", "25 min").
 * The summary adds up a band's calls over the invoice's subscriptions and usage periods (a charge
 * line is one subscription's period), and shows them also when they cost nothing (a band whose
 * calls were all included has no charge line).
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
     * and their seconds billed (in the rates' increments, or started minutes x 60), by the rule above.
     */
    public record Calls(String bandEn, String bandFr, long count, long billedSeconds) {

        public Calls {
            if (count < 0 || billedSeconds < 0) {
                throw new IllegalArgumentException("negative calls: " + count + " calls, " + billedSeconds + " s");
            }
        }

        public String band(Language language) {
            return language == Language.FR ? bandFr : bandEn;
        }

        /** These calls and {@code other}'s, in this band. */
        public Calls plus(Calls other) {
            return new Calls(bandEn, bandFr, count + other.count, billedSeconds + other.billedSeconds);
        }

        /** "5 calls" / "5 appels", as the charge line counts them. */
        public String countText(Language language) {
            return UsageWording.callCount(count, language);
        }

        /** "23 min 35 s", as the charge line writes the seconds billed. */
        public String durationText(Language language) {
            return UsageWording.duration(billedSeconds, language);
        }
    }

    /** "5 calls, 23 min 35 s" / "5 appels, 23 min 35 s": a charge line's words after "Calls (Day): ". */
    public static String callsText(Calls calls, Language language) {
        return calls.countText(language) + ", " + calls.durationText(language);
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
