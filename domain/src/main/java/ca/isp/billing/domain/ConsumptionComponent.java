package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One priced piece of a plan's data, billed in arrears as its own invoice line. The GB below the
 * first band are included; the others cost the price of the band they fall in (one band: a fixed
 * price per GB; several: stepped ranges). {@link DataMetering} says whether the period's GB or each
 * day's GB are priced. {@code minimum}: a period (PER_PERIOD) or a day (PER_DAY) with GB beyond the
 * included ones costs at least this. {@code cap}: the most the component charges for a period.
 * Both are optional (null) and in cents.
 */
public record ConsumptionComponent(String code, String nameEn, String nameFr, DataMetering metering,
                                   List<GbBand> bands, BigDecimal minimum, BigDecimal cap) {

    /** Keeps a line key ("USAGE:DATA:subscription:code:period") within its column. */
    public static final int MAX_CODE = 20;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_CODE + "}");

    public ConsumptionComponent {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a component code is 1 to " + MAX_CODE
                    + " of A-Z a-z 0-9 . _ - (it is part of a line key): " + code);
        }
        Objects.requireNonNull(nameEn, () -> "component " + code + ": name_en is required");
        Objects.requireNonNull(nameFr, () -> "component " + code + ": name_fr is required");
        Objects.requireNonNull(metering, () -> "component " + code + ": metering is required");
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("component " + code + ": at least one band is required");
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).fromGb().compareTo(bands.get(i - 1).fromGb()) <= 0) {
                throw new IllegalArgumentException("component " + code + ": bands must start at increasing GB: "
                        + bands.get(i - 1).fromGb() + " then " + bands.get(i).fromGb());
            }
        }
        checkCents(code, "minimum", minimum);
        checkCents(code, "cap", cap);
        if (minimum != null && cap != null && cap.compareTo(minimum) < 0) {
            throw new IllegalArgumentException("component " + code + ": cap " + cap + " is below the minimum " + minimum);
        }
    }

    /** Included GB, then one price per GB for the period: today's "included GB + overage per GB". */
    public static ConsumptionComponent fixed(String code, String nameEn, String nameFr, BigDecimal includedGb,
                                             BigDecimal pricePerGb) {
        return new ConsumptionComponent(code, nameEn, nameFr, DataMetering.PER_PERIOD,
                List.of(new GbBand(includedGb, pricePerGb)), null, null);
    }

    /** A price per GB by ranges of the period's GB; the GB below the first range are included. */
    public static ConsumptionComponent stepped(String code, String nameEn, String nameFr, List<GbBand> bands) {
        return new ConsumptionComponent(code, nameEn, nameFr, DataMetering.PER_PERIOD, bands, null, null);
    }

    /** Each day on its own: the GB of a day beyond {@code includedGbPerDay} at one price. */
    public static ConsumptionComponent perDay(String code, String nameEn, String nameFr, BigDecimal includedGbPerDay,
                                              BigDecimal pricePerGb) {
        return new ConsumptionComponent(code, nameEn, nameFr, DataMetering.PER_DAY,
                List.of(new GbBand(includedGbPerDay, pricePerGb)), null, null);
    }

    public ConsumptionComponent withMinimum(BigDecimal newMinimum) {
        return new ConsumptionComponent(code, nameEn, nameFr, metering, bands, newMinimum, cap);
    }

    public ConsumptionComponent withCap(BigDecimal newCap) {
        return new ConsumptionComponent(code, nameEn, nameFr, metering, bands, minimum, newCap);
    }

    /** The GB a period (or a day) uses before any is priced. */
    public BigDecimal includedGb() {
        return bands.get(0).fromGb();
    }

    /** The GB of {@code usedGb} beyond the included ones. */
    public BigDecimal billableGb(BigDecimal usedGb) {
        BigDecimal over = usedGb.subtract(includedGb());
        return over.signum() > 0 ? over : BigDecimal.ZERO;
    }

    /** Each band's GB x its price, exact (not rounded, no minimum, no cap). */
    public BigDecimal price(BigDecimal usedGb) {
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < bands.size(); i++) {
            GbBand band = bands.get(i);
            if (usedGb.compareTo(band.fromGb()) <= 0) {
                break;
            }
            BigDecimal to = i + 1 < bands.size() ? bands.get(i + 1).fromGb().min(usedGb) : usedGb;
            exact = exact.add(to.subtract(band.fromGb()).multiply(band.pricePerGb()));
        }
        return exact;
    }

    /** The one price per GB when there is one band; null for stepped ranges. */
    public BigDecimal singlePricePerGb() {
        return bands.size() == 1 ? bands.get(0).pricePerGb() : null;
    }

    public String name(Language language) {
        return language == Language.FR ? nameFr : nameEn;
    }

    private static void checkCents(String code, String what, BigDecimal amount) {
        if (amount != null && (amount.signum() < 0 || amount.stripTrailingZeros().scale() > Money.SCALE)) {
            throw new IllegalArgumentException("component " + code + ": " + what
                    + " must be >= 0 with at most 2 decimals: " + amount);
        }
    }
}
