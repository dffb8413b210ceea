package ca.isp.billing.jobs.importing;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.AccountStatus;
import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.readers.AccountFormat;
import ca.isp.billing.readers.AccountRow;

/**
 * Accounts by account number. A new account starts ACTIVE on the file's next_bill_date; after
 * that next_bill_date is the pipeline's to move, so it is never compared or updated.
 */
final class AccountUpsert extends Upsert<AccountRow> {

    private static final String INSERT = """
            INSERT INTO account (account_number, name, customer_type, language, email, delivery,
                billing_line1, billing_line2, billing_city, billing_region, billing_postal_code, billing_country,
                service_line1, service_city, service_county, service_region, service_postal_code, service_country,
                next_bill_date, status)
            VALUES (:account_number, :name, :customer_type, :language, :email, :delivery,
                :billing_line1, :billing_line2, :billing_city, :billing_region, :billing_postal_code, :billing_country,
                :service_line1, :service_city, :service_county, :service_region, :service_postal_code, :service_country,
                :next_bill_date, :status)""";

    private static final String UPDATE = """
            UPDATE account SET name = :name, customer_type = :customer_type, language = :language, email = :email,
                delivery = :delivery, billing_line1 = :billing_line1, billing_line2 = :billing_line2,
                billing_city = :billing_city, billing_region = :billing_region,
                billing_postal_code = :billing_postal_code, billing_country = :billing_country,
                service_line1 = :service_line1, service_city = :service_city, service_county = :service_county,
                service_region = :service_region, service_postal_code = :service_postal_code,
                service_country = :service_country
            WHERE account_number = :account_number""";

    AccountUpsert(NamedParameterJdbcTemplate jdbc, DateWindow nextBillDates) {
        super(jdbc, AccountFormat.within(nextBillDates), "account_number", INSERT, UPDATE);
    }

    @Override
    String key(AccountRow row) {
        return row.accountNumber();
    }

    @Override
    Map<String, Map<String, Object>> readStored(List<AccountRow> rows) {
        // next_bill_date is not read, so never compared (nor updated)
        return storedValues("""
                SELECT account_number, name, customer_type, language, email, delivery,
                    billing_line1, billing_line2, billing_city, billing_region, billing_postal_code, billing_country,
                    service_line1, service_city, service_county, service_region, service_postal_code, service_country
                FROM account WHERE account_number IN (:keys)""",
                keys(rows, AccountRow::accountNumber), values -> (String) values.get("account_number"));
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
                .addValue("next_bill_date", a.nextBillDate())
                // a new account starts in good standing; the delinquency step owns it afterwards
                .addValue("status", AccountStatus.ACTIVE.name());
    }
}
