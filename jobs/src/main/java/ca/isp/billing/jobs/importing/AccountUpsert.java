package ca.isp.billing.jobs.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.AccountStatus;
import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.Language;
import ca.isp.billing.readers.AccountFormat;
import ca.isp.billing.readers.AccountRow;

/**
 * Accounts by account number. A new account starts ACTIVE on the file's next_bill_date, which is
 * also its billing start (service before it was billed by the previous system), billed on the
 * file's bill_day or else the day of next_bill_date. After that next_bill_date is the pipeline's to
 * move, so it is never compared or updated; a different bill_day is a bill-day change from the
 * row's bill_day_from (required then), kept in account_bill_day_change.
 */
final class AccountUpsert extends Upsert<AccountRow> {

    private static final String INSERT = """
            INSERT INTO account (account_number, name, customer_type, language, email, delivery,
                billing_line1, billing_line2, billing_city, billing_region, billing_postal_code, billing_country,
                service_line1, service_city, service_county, service_region, service_postal_code, service_country,
                next_bill_date, status, bill_day, billing_start, penalty_class)
            VALUES (:account_number, :name, :customer_type, :language, :email, :delivery,
                :billing_line1, :billing_line2, :billing_city, :billing_region, :billing_postal_code, :billing_country,
                :service_line1, :service_city, :service_county, :service_region, :service_postal_code, :service_country,
                :next_bill_date, :status, :first_bill_day, :next_bill_date, :penalty_class)""";

    private static final String UPDATE = """
            UPDATE account SET name = :name, customer_type = :customer_type, language = :language, email = :email,
                delivery = :delivery, billing_line1 = :billing_line1, billing_line2 = :billing_line2,
                billing_city = :billing_city, billing_region = :billing_region,
                billing_postal_code = :billing_postal_code, billing_country = :billing_country,
                service_line1 = :service_line1, service_city = :service_city, service_county = :service_county,
                service_region = :service_region, service_postal_code = :service_postal_code,
                service_country = :service_country, penalty_class = :penalty_class
            WHERE account_number = :account_number""";

    /** The stored rows of the batch, read by readStored. */
    private Map<String, Map<String, Object>> stored;
    /** The penalty classes imported, read by readStored. */
    private Set<String> penaltyClasses = Set.of();
    /** Bill-day changes of the batch, written by afterWrites. */
    private final List<MapSqlParameterSource> billDayChanges = new ArrayList<>();

    AccountUpsert(NamedParameterJdbcTemplate jdbc, DateWindow nextBillDates, Language defaultLanguage) {
        super(jdbc, AccountFormat.within(nextBillDates).withDefaultLanguage(defaultLanguage), "account_number",
                INSERT, UPDATE);
    }

    @Override
    String key(AccountRow row) {
        return row.accountNumber();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<AccountRow> rows) {
        // next_bill_date is not read, so never compared (nor updated); bill_day is the day in force
        // after the latest change
        billDayChanges.clear();
        stored = storedValues("""
                SELECT id, account_number, COALESCE((SELECT c.bill_day FROM account_bill_day_change c
                    WHERE c.account_id = account.id ORDER BY c.effective_from DESC LIMIT 1), bill_day) AS bill_day,
                    name, customer_type, language, email, delivery,
                    billing_line1, billing_line2, billing_city, billing_region, billing_postal_code, billing_country,
                    service_line1, service_city, service_county, service_region, service_postal_code, service_country,
                    penalty_class
                FROM account WHERE account_number IN (:keys)""",
                keys(rows, AccountRow::accountNumber), values -> (String) values.get("account_number"));
        penaltyClasses = Set.copyOf(jdbc.getJdbcTemplate().queryForList("SELECT code FROM penalty_class", String.class));
        return stored;
    }

    /** A penalty class must be imported before accounts name it. */
    @Override
    Refusal unknownReference(AccountRow a) {
        if (a.penaltyClass() != null && !penaltyClasses.contains(a.penaltyClass())) {
            return new Refusal("penalty_class", "unknown penalty class '" + a.penaltyClass()
                    + "' (import penalty-classes first)");
        }
        return null;
    }

    /** A new bill day for an existing account needs the date it takes effect. */
    @Override
    Refusal clash(AccountRow a) {
        Map<String, Object> values = stored.get(a.accountNumber());
        if (values != null && a.billDay() != null && a.billDayFrom() == null
                && ((Number) values.get("bill_day")).intValue() != a.billDay()) {
            return new Refusal("bill_day_from", "required to change the bill day from " + values.get("bill_day")
                    + " to " + a.billDay() + ": the date the new bill day takes effect");
        }
        return null;
    }

    /** A new bill day is a change from bill_day_from, written by afterWrites. */
    @Override
    Change change(AccountRow a, MapSqlParameterSource params, Map<String, Object> values) {
        Change change = super.change(a, params, values);
        if (values != null && a.billDay() != null && ((Number) values.get("bill_day")).intValue() != a.billDay()) {
            billDayChanges.add(new MapSqlParameterSource("account", ((Number) values.get("id")).longValue())
                    .addValue("from", a.billDayFrom()).addValue("day", a.billDay()));
            return change == Change.UNCHANGED ? Change.UPDATE_ELSEWHERE : change;
        }
        return change;
    }

    @Override
    void afterWrites(MapSqlParameterSource[] inserts) {
        MapSqlParameterSource[] batch = billDayChanges.toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("DELETE FROM account_bill_day_change WHERE account_id = :account AND effective_from = :from",
                batch);
        jdbc.batchUpdate("""
                INSERT INTO account_bill_day_change (account_id, effective_from, bill_day)
                VALUES (:account, :from, :day)""", batch);
    }

    @Override
    MapSqlParameterSource params(AccountRow a) {
        Address b = a.billingAddress();
        Address s = a.serviceAddress();
        return new MapSqlParameterSource()
                .addValue("account_number", a.accountNumber()).addValue("name", a.name())
                .addValue("customer_type", a.customerType().name()).addValue("language", a.language().code())
                .addValue("email", a.email()).addValue("delivery", a.delivery().name())
                .addValue("billing_line1", b.line1()).addValue("billing_line2", b.line2())
                .addValue("billing_city", b.city()).addValue("billing_region", b.region())
                .addValue("billing_postal_code", b.postalCode()).addValue("billing_country", b.country())
                .addValue("service_line1", s.line1()).addValue("service_city", s.city())
                .addValue("service_county", s.county()).addValue("service_region", s.region())
                .addValue("service_postal_code", s.postalCode()).addValue("service_country", s.country())
                .addValue("next_bill_date", a.nextBillDate()).addValue("penalty_class", a.penaltyClass())
                // not named bill_day: compared by change(), only when the file gives one
                .addValue("first_bill_day", a.billDay() != null ? a.billDay() : a.nextBillDate().getDayOfMonth())
                // a new account starts in good standing; the delinquency step owns it afterwards
                .addValue("status", AccountStatus.ACTIVE.name());
    }
}
