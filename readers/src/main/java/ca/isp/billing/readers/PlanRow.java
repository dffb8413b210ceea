package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of the plans file. Kind is INTERNET or VOIP; includedGb null means unlimited;
 * perMinute null means calls are included. termPrice is what a whole term of periodMonths costs
 * (what is billed); monthlyPrice is the file's, or the term price per month when only that is given.
 * taxClass null means the kind's (TaxClass.ofPlanKind); glAccount null means the company's revenue
 * account (the accounting export). includedMinutes null means none: the minutes included each usage
 * period for calls rated with the plan's rate table. priceFrom null means a changed term price
 * applies to terms from the import's day on.
 */
public record PlanRow(String planCode, String nameEn, String nameFr, String kind, BigDecimal monthlyPrice,
                      int periodMonths, BigDecimal includedGb, BigDecimal overagePerGb, BigDecimal perMinute,
                      BigDecimal termPrice, boolean billsWhileSuspended, String taxClass,
                      String glAccount, Integer includedMinutes, LocalDate priceFrom) {

    /** A plan priced by the month, not billed while suspended, of its kind's tax class. */
    public PlanRow(String planCode, String nameEn, String nameFr, String kind, BigDecimal monthlyPrice,
                   int periodMonths, BigDecimal includedGb, BigDecimal overagePerGb, BigDecimal perMinute) {
        this(planCode, nameEn, nameFr, kind, monthlyPrice, periodMonths, includedGb, overagePerGb, perMinute,
                monthlyPrice.multiply(BigDecimal.valueOf(periodMonths)), false, null, null, null, null);
    }
}
