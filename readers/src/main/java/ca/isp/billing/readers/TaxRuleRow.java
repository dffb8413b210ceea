package ca.isp.billing.readers;

/** One line of the tax-rules file: whether a tax of a region applies to a tax class. */
public record TaxRuleRow(String country, String region, String taxCode, String taxClass, boolean taxable) {
}
