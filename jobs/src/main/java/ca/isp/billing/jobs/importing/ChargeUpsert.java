package ca.isp.billing.jobs.importing;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.readers.ChargeFormat;
import ca.isp.billing.readers.ChargeRow;

/**
 * One-time charges and credits by charge_ref, billed on the account's next invoice. A ref
 * already imported is left alone (it may be billed already): the same file twice bills nothing
 * more, and a correction is a new line (a credit) with its own ref.
 */
final class ChargeUpsert extends Upsert<ChargeRow> {

    private static final String INSERT = """
            INSERT INTO one_time_charge (charge_ref, account_id, charge_date, amount, description_en, description_fr,
                reason)
            VALUES (:charge_ref, :account_id, :charge_date, :amount, :description_en, :description_fr, :reason)""";

    private Map<String, Long> accounts;

    ChargeUpsert(NamedParameterJdbcTemplate jdbc, DateWindow dates) {
        super(jdbc, ChargeFormat.within(dates), "charge_ref", INSERT, null); // never updated, see change
    }

    @Override
    String key(ChargeRow row) {
        return row.chargeRef();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<ChargeRow> rows) {
        accounts = idsByKey("SELECT account_number AS k, id FROM account WHERE account_number IN (:keys)",
                keys(rows, ChargeRow::accountNumber));
        return storedValues("SELECT charge_ref, id FROM one_time_charge WHERE charge_ref IN (:keys)",
                keys(rows, ChargeRow::chargeRef), values -> (String) values.get("charge_ref"));
    }

    @Override
    Refusal unknownReference(ChargeRow c) {
        return accounts.containsKey(c.accountNumber()) ? null
                : new Refusal("account_number", "unknown account '" + c.accountNumber() + "' (import accounts first)");
    }

    @Override
    MapSqlParameterSource params(ChargeRow c) {
        return new MapSqlParameterSource()
                .addValue("charge_ref", c.chargeRef()).addValue("account_id", accounts.get(c.accountNumber()))
                .addValue("charge_date", c.chargeDate()).addValue("amount", c.amount())
                .addValue("description_en", c.descriptionEn()).addValue("description_fr", c.descriptionFr())
                .addValue("reason", c.reason());
    }

    /** Imported once, then left alone: never compared, never updated. */
    @Override
    Change change(ChargeRow c, MapSqlParameterSource params, Map<String, Object> stored) {
        return stored == null ? Change.INSERT : Change.UNCHANGED;
    }
}
