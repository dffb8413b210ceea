package ca.isp.billing.domain;

/**
 * The taxes of a service address cannot be known (no tax rates in force for its jurisdictions,
 * a postal code the table does not place, two rates of one tax at once...), so its invoice
 * cannot be taxed: it is held with this reason, never sent untaxed.
 */
public class UnknownJurisdictionException extends RuntimeException {

    private final String country;
    private final String region;

    public UnknownJurisdictionException(String country, String region) {
        this(country, region, "no tax rates for " + country + "/" + region);
    }

    public UnknownJurisdictionException(String country, String region, String reason) {
        super(reason);
        this.country = country;
        this.region = region;
    }

    public String country() {
        return country;
    }

    public String region() {
        return region;
    }
}
