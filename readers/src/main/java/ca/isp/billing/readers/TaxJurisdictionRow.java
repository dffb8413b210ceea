package ca.isp.billing.readers;

/**
 * One line of the tax-jurisdictions file: the postal codes postalFrom to postalTo of a country
 * lie in region and in the county, city and district named (codes, null when none); with a
 * street, an override for that one address (postalFrom is then its whole postal code).
 */
public record TaxJurisdictionRow(String country, String region, String postalFrom, String postalTo, String street,
                                 String county, String city, String district) {
}
