package ca.isp.billing.readers;

import java.time.LocalDate;
import java.util.List;

/** One line of the tax-exemptions file: an account's certificate, the taxes it covers (empty: all), its expiry. */
public record TaxExemptionRow(String accountNumber, String certificate, List<String> taxCodes, LocalDate expiresOn) {
}
