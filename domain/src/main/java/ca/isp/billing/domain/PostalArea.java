package ca.isp.billing.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of the tax-jurisdictions table: the postal codes from {@code postalFrom} to
 * {@code postalTo} (inclusive; first three characters in Canada, five-digit ZIP codes in the US)
 * lie in {@code region} and in the local jurisdictions listed (county, city, district). With a
 * {@code street}, it is an override for one full address: the whole postal code and the
 * street line must both match.
 */
public record PostalArea(String country, String region, String postalFrom, String postalTo, String street,
                         List<Jurisdiction> locals) {

    public PostalArea {
        Objects.requireNonNull(country, "postal area country");
        Objects.requireNonNull(region, "postal area region");
        Objects.requireNonNull(postalFrom, "postal area postal_from");
        postalTo = postalTo == null || postalTo.isEmpty() ? postalFrom : postalTo;
        street = street == null || street.isBlank() ? null : normalizeStreet(street);
        locals = List.copyOf(locals);
        if (street == null && postalTo.compareTo(postalFrom) < 0) {
            throw new IllegalArgumentException("postal_to " + postalTo + " is before postal_from " + postalFrom);
        }
    }

    public boolean isOverride() {
        return street != null;
    }

    boolean covers(String area) {
        return area.compareTo(postalFrom) >= 0 && area.compareTo(postalTo) <= 0;
    }

    long width() {
        return PostalCodes.ordinal(postalTo) - PostalCodes.ordinal(postalFrom);
    }

    /** Upper case, punctuation dropped, spaces collapsed: "123  W. 34th St." -> "123 W 34TH ST". */
    public static String normalizeStreet(String street) {
        return street.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ").trim().replaceAll("\\s+", " ");
    }
}
