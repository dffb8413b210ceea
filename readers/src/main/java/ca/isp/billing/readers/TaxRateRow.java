package ca.isp.billing.readers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of the tax-rates file: one tax of one jurisdiction (the region itself when
 * jurisdiction is empty) from effectiveFrom (null: always) to effectiveTo (null: no end),
 * inclusive; rate is a fraction (0.09975). glAccount null: the company's tax-payable account.
 */
public record TaxRateRow(String country, String region, String taxCode, String nameEn, String nameFr,
                         BigDecimal rate, String registration, String jurisdiction, LocalDate effectiveFrom,
                         LocalDate effectiveTo, String glAccount) {

    /** A rate of the region itself, in force since always (the first format of the file). */
    public TaxRateRow(String country, String region, String taxCode, String nameEn, String nameFr,
                      BigDecimal rate, String registration) {
        this(country, region, taxCode, nameEn, nameFr, rate, registration, "", null, null, null);
    }
}
