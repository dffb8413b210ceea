package ca.isp.billing.readers;

import java.math.BigDecimal;

/**
 * One line of the plans file. Kind is INTERNET or VOIP; includedGb null means unlimited;
 * perMinute null means calls are included. termPrice is what a whole term of periodMonths costs
 * (what is billed); monthlyPrice is the file's, or the term price per month when only that is given.
 */
public record PlanRow(String planCode, String nameEn, String nameFr, String kind, BigDecimal monthlyPrice,
                      int periodMonths, BigDecimal includedGb, BigDecimal overagePerGb, BigDecimal perMinute,
                      BigDecimal termPrice, boolean billsWhileSuspended) {

    /** A plan priced by the month, not billed while suspended. */
    public PlanRow(String planCode, String nameEn, String nameFr, String kind, BigDecimal monthlyPrice,
                   int periodMonths, BigDecimal includedGb, BigDecimal overagePerGb, BigDecimal perMinute) {
        this(planCode, nameEn, nameFr, kind, monthlyPrice, periodMonths, includedGb, overagePerGb, perMinute,
                monthlyPrice.multiply(BigDecimal.valueOf(periodMonths)), false);
    }
}
