package ca.isp.billing.readers;

import java.math.BigDecimal;

/** One line of the tax-rates file: one tax of one jurisdiction; rate is a fraction (0.09975). */
public record TaxRateRow(String country, String region, String taxCode, String nameEn, String nameFr,
                         BigDecimal rate, String registration) {
}
