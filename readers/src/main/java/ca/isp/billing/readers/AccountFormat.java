package ca.isp.billing.readers;

import ca.isp.billing.domain.DeliveryPreference;
import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.Language;

import java.util.List;
import java.util.Locale;

/** The accounts file (import accounts). */
public final class AccountFormat implements RowFormat<AccountRow> {

    public static final AccountFormat INSTANCE = new AccountFormat();

    static final int MAX_ACCOUNT_NUMBER_LENGTH = 20;

    private static final List<String> COLUMNS = List.of(
            "account_number", "name", "customer_type", "language", "email", "delivery",
            "billing_line1", "billing_line2", "billing_city", "billing_region", "billing_postal_code",
            "billing_country", "service_line1", "service_line2", "service_city", "service_county",
            "service_region", "service_postal_code", "service_country", "next_bill_date");

    private static final List<String> REQUIRED = List.of(
            "account_number", "name", "customer_type", "language", "delivery",
            "billing_line1", "billing_city", "billing_region", "billing_postal_code", "billing_country",
            "service_line1", "service_city", "service_region", "service_country",
            "next_bill_date");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public AccountRow parse(Row row) {
        String accountNumber = row.required("account_number");
        if (accountNumber.length() > MAX_ACCOUNT_NUMBER_LENGTH) {
            throw new FieldException("account_number",
                    "longer than " + MAX_ACCOUNT_NUMBER_LENGTH + " characters: " + Row.quote(accountNumber));
        }
        String name = row.required("name");
        CustomerType customerType = row.oneOf("customer_type", CustomerType.class);
        Language language = row.oneOf("language", Language.class);
        String email = row.optional("email");
        DeliveryPreference delivery = row.oneOf("delivery", DeliveryPreference.class);
        if (email == null && delivery.byEmail()) {
            throw new FieldException("email", "required when delivery is " + delivery);
        }
        if (email != null && !looksLikeEmail(email)) {
            throw new FieldException("email", "not an email address: " + Row.quote(email));
        }
        // billing is where the invoice is mailed: county plays no part there
        Address billing = new Address(row.required("billing_line1"), row.optional("billing_line2"),
                row.required("billing_city"), null, region(row, "billing_region"),
                row.required("billing_postal_code"), row.countryCode("billing_country"));
        // service is where tax is decided: county matters (US), postal code may be unknown
        Address service = new Address(row.required("service_line1"), row.optional("service_line2"),
                row.required("service_city"), row.optional("service_county"), region(row, "service_region"),
                row.optional("service_postal_code"), row.countryCode("service_country"));
        return new AccountRow(accountNumber, name, customerType, language, email, delivery,
                billing, service, row.date("next_bill_date"));
    }

    /** Region codes are upper case (QC, NY) so they match the tax-rates file whatever the spelling. */
    static String region(Row row, String column) {
        return row.required(column).toUpperCase(Locale.ROOT);
    }

    /** One @ with text on both sides and no spaces; the mail server has the final word. */
    private static boolean looksLikeEmail(String email) {
        int at = email.indexOf('@');
        return at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1
                && email.chars().noneMatch(Character::isWhitespace);
    }
}
