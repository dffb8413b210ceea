package ca.isp.billing.demo;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A tax the demo ISP collects: one row of tax-rates.csv, of the region itself (jurisdiction "")
 * or of a county or city, in force from effectiveFrom to effectiveTo (null: still in force).
 */
record DemoTaxRate(String country, String region, String taxCode, String nameEn, String nameFr,
                   BigDecimal rate, String registration, String jurisdiction, LocalDate effectiveFrom,
                   LocalDate effectiveTo) {

    /** A rate of the region itself, in force since effectiveFrom. */
    DemoTaxRate(String country, String region, String taxCode, String nameEn, String nameFr, BigDecimal rate,
                String registration, LocalDate effectiveFrom) {
        this(country, region, taxCode, nameEn, nameFr, rate, registration, "", effectiveFrom, null);
    }
}
