package ca.isp.billing.domain;

/** The levels of the tax hierarchy, from the widest to the narrowest. */
public enum JurisdictionLevel {
    COUNTRY, REGION, COUNTY, CITY, DISTRICT
}
