package ca.isp.billing.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a tax applies to a class of line. A rule for the tax and class decides. Without one:
 * <ul>
 * <li>LATE_FEE is not taxed (a late payment charge is not a supply; a province that taxes it says so
 *     with a rule);</li>
 * <li>INTERNET_ACCESS is not taxed in the United States: the Internet Tax Freedom Act (47 U.S.C. 151
 *     note, permanent since 2016) forbids state and local taxes on it;</li>
 * <li>every other class is taxed.</li>
 * </ul>
 */
public final class Taxability {

    private final Map<String, Boolean> rules = new HashMap<>();

    public Taxability(List<TaxabilityRule> rules) {
        for (TaxabilityRule rule : rules) {
            this.rules.put(key(rule.country(), rule.region(), rule.taxCode(), rule.taxClass()), rule.taxable());
        }
    }

    public boolean taxes(TaxRate tax, TaxClass taxClass) {
        Boolean rule = rules.get(key(tax.country(), tax.region(), tax.taxCode(), taxClass));
        if (rule != null) {
            return rule;
        }
        if (taxClass == TaxClass.LATE_FEE) {
            return false;
        }
        return !(taxClass == TaxClass.INTERNET_ACCESS && "US".equals(tax.country()));
    }

    private static String key(String country, String region, String taxCode, TaxClass taxClass) {
        return country + "/" + region + "/" + taxCode + "/" + taxClass;
    }
}
