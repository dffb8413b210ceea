package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.DeliveryPreference;
import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.Language;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The accounts file (import accounts). */
public final class AccountFormat implements RowFormat<AccountRow> {

    /** Any next bill date: for the header, and tests of other things; the import reads {@link #within}. */
    public static final AccountFormat INSTANCE = new AccountFormat(DateWindow.ANY, Language.EN);

    /** Column sizes of table account (service_line2 is not stored; it is sized like billing_line2). */
    private static final Map<String, Integer> MAX_LENGTHS = Map.ofEntries(
            Map.entry("account_number", 20), Map.entry("name", 200), Map.entry("email", 254),
            Map.entry("billing_line1", 200), Map.entry("billing_line2", 200), Map.entry("billing_city", 100),
            Map.entry("billing_region", 10), Map.entry("billing_postal_code", 20),
            Map.entry("service_line1", 200), Map.entry("service_line2", 200), Map.entry("service_city", 100),
            Map.entry("service_county", 100), Map.entry("service_region", 10),
            Map.entry("service_postal_code", 20), Map.entry("penalty_class", 20));

    private static final List<String> COLUMNS = List.of(
            "account_number", "name", "customer_type", "language", "email", "delivery",
            "billing_line1", "billing_line2", "billing_city", "billing_region", "billing_postal_code",
            "billing_country", "service_line1", "service_line2", "service_city", "service_county",
            "service_region", "service_postal_code", "service_country", "next_bill_date", "bill_day", "bill_day_from",
            "penalty_class");

    private static final List<String> REQUIRED = List.of(
            "account_number", "name", "customer_type", "delivery",
            "billing_line1", "billing_city", "billing_region", "billing_postal_code", "billing_country",
            "service_line1", "service_city", "service_region", "service_country",
            "next_bill_date");

    private final DateWindow nextBillDates;
    private final Language defaultLanguage;

    private AccountFormat(DateWindow nextBillDates, Language defaultLanguage) {
        this.nextBillDates = nextBillDates;
        this.defaultLanguage = defaultLanguage;
    }

    /** Refuses a next bill date outside the window (1900 would bill 1,500 months at once). */
    public static AccountFormat within(DateWindow nextBillDates) {
        return new AccountFormat(nextBillDates, Language.EN);
    }

    /** A blank language is the company's default ({@code default_language} of company.properties). */
    public AccountFormat withDefaultLanguage(Language language) {
        return new AccountFormat(nextBillDates, language);
    }

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
    public AccountRow parse(Row row) {
        String accountNumber = row.identifier("account_number", Identifier.CODE);
        String name = row.required("name");
        CustomerType customerType = row.oneOf("customer_type", CustomerType.class);
        // en, fr or bilingual (both side by side on the invoice); blank: the company's default
        Language language = row.optional("language") == null ? defaultLanguage
                : row.oneOf("language", Language.class);
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
        LocalDate nextBillDate = row.within("next_bill_date", row.date("next_bill_date"), nextBillDates);
        // the day billed on (1-31; 31 is the last day of a shorter month)
        Integer billDay = row.optionalIntBetween("bill_day", 1, 31);
        LocalDate billDayFrom = row.within("bill_day_from", row.optionalDate("bill_day_from"), nextBillDates);
        // blank: the company's default penalty class
        String penaltyClass = row.optional("penalty_class") == null ? null
                : row.identifier("penalty_class", Identifier.CODE).toUpperCase(Locale.ROOT);
        return new AccountRow(accountNumber, name, customerType, language, email, delivery,
                billing, service, nextBillDate, billDay, billDayFrom, penaltyClass);
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
