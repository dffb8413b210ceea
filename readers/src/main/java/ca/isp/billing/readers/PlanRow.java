package ca.isp.billing.readers;

import java.math.BigDecimal;

/**
 * One line of the plans file. Kind is INTERNET or VOIP; includedGb null means unlimited;
 * perMinute null means calls are included.
 */
public record PlanRow(String planCode, String nameEn, String nameFr, String kind, BigDecimal monthlyPrice,
                      int periodMonths, BigDecimal includedGb, BigDecimal overagePerGb, BigDecimal perMinute) {
}
