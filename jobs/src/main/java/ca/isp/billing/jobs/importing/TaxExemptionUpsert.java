package ca.isp.billing.jobs.importing;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.readers.TaxExemptionFormat;
import ca.isp.billing.readers.TaxExemptionRow;

/** Accounts' exemption certificates by account and certificate number. */
final class TaxExemptionUpsert extends Upsert<TaxExemptionRow> {

    private static final String INSERT = """
            INSERT INTO tax_exemption (account_id, certificate, tax_codes, expires_on)
            VALUES (:account_id, :certificate, :tax_codes, :expires_on)""";

    private static final String UPDATE = """
            UPDATE tax_exemption SET tax_codes = :tax_codes, expires_on = :expires_on
            WHERE account_id = :account_id AND certificate = :certificate""";

    private Map<String, Long> accounts;

    TaxExemptionUpsert(NamedParameterJdbcTemplate jdbc) {
        super(jdbc, TaxExemptionFormat.INSTANCE, "certificate", INSERT, UPDATE);
    }

    @Override
    String key(TaxExemptionRow r) {
        return r.accountNumber() + "/" + r.certificate();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<TaxExemptionRow> rows) {
        accounts = idsByKey("SELECT account_number AS k, id FROM account WHERE account_number IN (:keys)",
                keys(rows, TaxExemptionRow::accountNumber));
        List<Object[]> keys = rows.stream().map(r -> new Object[]{r.accountNumber(), r.certificate()}).toList();
        return storedValues("""
                SELECT a.account_number, e.certificate, e.tax_codes, e.expires_on
                FROM tax_exemption e JOIN account a ON a.id = e.account_id
                WHERE (a.account_number, e.certificate) IN (:keys)""",
                keys, v -> v.get("account_number") + "/" + v.get("certificate"));
    }

    @Override
    Refusal unknownReference(TaxExemptionRow r) {
        if (!accounts.containsKey(r.accountNumber())) {
            return new Refusal("account_number", "unknown account '" + r.accountNumber() + "' (import accounts first)");
        }
        return null;
    }

    @Override
    MapSqlParameterSource params(TaxExemptionRow r) {
        return new MapSqlParameterSource()
                .addValue("account_id", accounts.get(r.accountNumber())).addValue("certificate", r.certificate())
                .addValue("tax_codes", String.join(" ", r.taxCodes())).addValue("expires_on", r.expiresOn());
    }
}
