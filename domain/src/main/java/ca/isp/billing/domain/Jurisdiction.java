package ca.isp.billing.domain;

import java.util.Objects;

/**
 * One taxing authority: a country, a province or state (REGION), or a county, city or special
 * district inside a region, named by its {@code code} (NYC, MCTD, COOK). A region's code is the
 * region itself, a country's the country.
 */
public record Jurisdiction(String country, String region, JurisdictionLevel level, String code) {

    public Jurisdiction {
        Objects.requireNonNull(country, "jurisdiction country");
        Objects.requireNonNull(region, "jurisdiction region");
        Objects.requireNonNull(level, "jurisdiction level");
        Objects.requireNonNull(code, "jurisdiction code");
    }

    public static Jurisdiction country(String country) {
        return new Jurisdiction(country, "", JurisdictionLevel.COUNTRY, country);
    }

    public static Jurisdiction region(String country, String region) {
        return new Jurisdiction(country, region, JurisdictionLevel.REGION, region);
    }

    /** The code a tax rate names it by: empty for the province or state itself, else the local code. */
    public String rateCode() {
        return level == JurisdictionLevel.REGION || level == JurisdictionLevel.COUNTRY ? "" : code;
    }

    /** CA/QC for a region, US/NY/NYC for a local jurisdiction, CA for a country. */
    public String key() {
        return switch (level) {
            case COUNTRY -> country;
            case REGION -> country + "/" + region;
            default -> country + "/" + region + "/" + code;
        };
    }

    @Override
    public String toString() {
        return level + " " + key();
    }
}
