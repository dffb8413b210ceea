package ca.isp.billing.demo;

import java.math.BigDecimal;

/** A tax the demo ISP collects: one row of tax-rates.csv. */
record DemoTaxRate(String country, String region, String taxCode, String nameEn, String nameFr,
                   BigDecimal rate, String registration) {
}
