package ca.isp.billing.readers;

import java.math.BigDecimal;

/**
 * One line of the plans file. Kind is INTERNET or VOIP; includedGb null means unlimited;
 * perMinute null means calls are included. taxClass null means the kind's (TaxClass.ofPlanKind).
 */
public record PlanRow(String planCode, String nameEn, String nameFr, String kind, BigDecimal monthlyPrice,
                      int periodMonths, BigDecimal includedGb, BigDecimal overagePerGb, BigDecimal perMinute,
                      String taxClass) {

    /** A plan with its kind's tax class. */
    public PlanRow(String planCode, String nameEn, String nameFr, String kind, BigDecimal monthlyPrice,
                   int periodMonths, BigDecimal includedGb, BigDecimal overagePerGb, BigDecimal perMinute) {
        this(planCode, nameEn, nameFr, kind, monthlyPrice, periodMonths, includedGb, overagePerGb, perMinute, null);
    }
}
