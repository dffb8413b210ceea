package ca.isp.billing.domain;

/** No tax rates are known for a service address's country and region, so its invoice cannot be taxed. */
public class UnknownJurisdictionException extends RuntimeException {

    private final String country;
    private final String region;

    public UnknownJurisdictionException(String country, String region) {
        super("no tax rates for " + country + "/" + region);
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
