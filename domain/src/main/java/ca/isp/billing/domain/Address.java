package ca.isp.billing.domain;

/** A postal address. Region is the province or state code, country ISO 3166 alpha-2. */
public record Address(String line1, String line2, String city, String county, String region,
                      String postalCode, String country) {
}
