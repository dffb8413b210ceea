package ca.isp.billing.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the jurisdictions of a service address (country, region, then county, city and district
 * from the tax-jurisdictions table), never guessing:
 * <ol>
 * <li>an override for the full address (whole postal code and street line) wins;</li>
 * <li>else the narrowest postal code range that covers the address's code (a single ZIP code
 *     inside a wider range is an exception to it); two ranges as narrow is an error;</li>
 * <li>a row found for another region than the address's is an error (the address is wrong);</li>
 * <li>no row found: if the table has rows for the address's region, its local taxes cannot be
 *     known, an error; if it has none (a province with one rate everywhere), the region applies,
 *     but a Canadian postal code whose first letter names another province is an error;</li>
 * </ol>
 * An error is an {@link UnknownJurisdictionException} with the reason: the invoice is held. An
 * address without a region (a quote given only a postal code) takes its row's, or in Canada the
 * province of its postal code's first letter.
 */
public final class JurisdictionResolver {

    private final List<PostalArea> areas;

    public JurisdictionResolver(List<PostalArea> areas) {
        this.areas = List.copyOf(areas);
    }

    public List<Jurisdiction> resolve(Address service) {
        String country = service.country();
        String region = service.region();
        if (country == null || country.isBlank()) {
            throw new UnknownJurisdictionException(country, region, "the service address has no country");
        }
        PostalArea found = override(service);
        if (found == null) {
            found = narrowestRange(service);
        }
        if (region == null || region.isBlank()) {
            // a quote may give only the postal code: its row, or a Canadian code's first letter, tells the region
            region = found != null ? found.region() : PostalCodes.province(country, service.postalCode());
            if (region == null) {
                throw new UnknownJurisdictionException(country, region, "the service address has no province/state"
                        + " and the tax-jurisdictions table does not place postal code " + service.postalCode());
            }
        }
        if (found == null) {
            // a Canadian code's first letter names its province: a service address that says
            // another is wrong somewhere, and taxing it by either would be a guess (a border
            // exception is entered as a row of the tax-jurisdictions table, which wins above)
            String byCode = PostalCodes.province(country, service.postalCode());
            if (byCode != null && !byCode.equals(region)) {
                throw new UnknownJurisdictionException(country, region, "postal code " + service.postalCode()
                        + " is in " + country + "/" + byCode + " (its first letter), but the service address says "
                        + region);
            }
        }
        List<Jurisdiction> jurisdictions = new ArrayList<>();
        jurisdictions.add(Jurisdiction.country(country));
        jurisdictions.add(Jurisdiction.region(country, region));
        if (found != null) {
            if (!found.region().equals(region)) {
                throw new UnknownJurisdictionException(country, region, "postal code " + service.postalCode()
                        + " is in " + country + "/" + found.region() + " by the tax-jurisdictions table, but the"
                        + " service address says " + region);
            }
            jurisdictions.addAll(found.locals());
        } else if (hasAreasFor(country, region)) {
            throw new UnknownJurisdictionException(country, region, "postal code "
                    + (service.postalCode() == null ? "(none)" : service.postalCode())
                    + " is not in the tax-jurisdictions table for " + country + "/" + region
                    + ", so its local taxes are unknown");
        }
        return jurisdictions;
    }

    private PostalArea override(Address service) {
        if (service.line1() == null) {
            return null;
        }
        String code = PostalCodes.full(service.country(), service.postalCode());
        String street = PostalArea.normalizeStreet(service.line1());
        for (PostalArea area : areas) {
            if (area.isOverride() && area.country().equals(service.country()) && area.postalFrom().equals(code)
                    && area.street().equals(street)) {
                return area;
            }
        }
        return null;
    }

    private PostalArea narrowestRange(Address service) {
        String code = PostalCodes.area(service.country(), service.postalCode());
        if (code == null) {
            return null;
        }
        PostalArea best = null;
        boolean tie = false;
        for (PostalArea area : areas) {
            if (area.isOverride() || !area.country().equals(service.country()) || !area.covers(code)) {
                continue;
            }
            if (best == null || area.width() < best.width()) {
                best = area;
                tie = false;
            } else if (area.width() == best.width()) {
                tie = true;
            }
        }
        if (tie) {
            throw new UnknownJurisdictionException(service.country(), service.region(), "postal code "
                    + service.postalCode() + " is in two ranges of the tax-jurisdictions table as narrow as "
                    + best.postalFrom() + "-" + best.postalTo());
        }
        return best;
    }

    private boolean hasAreasFor(String country, String region) {
        return areas.stream().anyMatch(a -> a.country().equals(country) && a.region().equals(region));
    }
}
