package ca.isp.billing.readers;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The tax-exemptions file (import tax-exemptions): an account's exemption certificate, the tax
 * codes it covers separated by spaces (blank: every tax) and the last day it is valid (blank:
 * no expiry).
 */
public final class TaxExemptionFormat implements RowFormat<TaxExemptionRow> {

    public static final TaxExemptionFormat INSTANCE = new TaxExemptionFormat();


    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "account_number", 20, "certificate", 40, "tax_codes", 100);

    private static final List<String> COLUMNS = List.of("account_number", "certificate", "tax_codes", "expires_on");

    private static final List<String> REQUIRED = List.of("account_number", "certificate");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public Map<String, Integer> maxLengths() {
        return MAX_LENGTHS;
    }

    @Override
    public TaxExemptionRow parse(Row row) {
        String account = row.identifier("account_number", Identifier.CODE);
        String certificate = row.identifier("certificate", Identifier.CODE);
        String codes = row.optional("tax_codes");
        List<String> taxCodes = codes == null ? List.of() : Arrays.stream(codes.split("\\s+")).toList();
        LocalDate expiresOn = row.optionalDate("expires_on");
        if (expiresOn != null && (expiresOn.getYear() < 2000 || expiresOn.getYear() > 2100)) {
            throw new FieldException("expires_on", "not a plausible expiry (2000 to 2100): " + Row.quote(expiresOn));
        }
        return new TaxExemptionRow(account, certificate, taxCodes, expiresOn);
    }
}
