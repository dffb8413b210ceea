package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.DeliveryPreference;
import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import static ca.isp.billing.readers.TestFiles.assertRejected;
import static ca.isp.billing.readers.TestFiles.ok;
import static ca.isp.billing.readers.TestFiles.readOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class AccountFormatTest {

    private static final TestRecord GOOD = TestRecord.of(
            "account_number", "100042",
            "name", "Émilie Côté",
            "customer_type", "residential",
            "language", "fr",
            "email", "emilie@example.ca",
            "delivery", "BOTH",
            "billing_line1", "1200, rue Sainte-Catherine",
            "billing_line2", "app. 4",
            "billing_city", "Montréal",
            "billing_region", "qc",
            "billing_postal_code", "H3B 1K9",
            "billing_country", "ca",
            "service_line1", "55 rue des Érables",
            "service_city", "Laval",
            "service_county", "",
            "service_region", "QC",
            "service_postal_code", "",
            "service_country", "CA",
            "next_bill_date", "2026-12-01");

    @TempDir
    Path dir;

    @Test
    void readsAnAccount() throws IOException {
        AccountRow row = ok(readOne(dir, AccountFormat.INSTANCE, GOOD));

        assertThat(row).isEqualTo(new AccountRow("100042", "Émilie Côté", CustomerType.RESIDENTIAL, Language.FR,
                "emilie@example.ca", DeliveryPreference.BOTH,
                new Address("1200, rue Sainte-Catherine", "app. 4", "Montréal", null, "QC", "H3B 1K9", "CA"),
                new Address("55 rue des Érables", null, "Laval", null, "QC", null, "CA"),
                LocalDate.of(2026, 12, 1)));
    }

    @Test
    void bilingualIsALanguageAndABlankOneIsTheCompanysDefault() throws IOException {
        assertThat(ok(readOne(dir, AccountFormat.INSTANCE, GOOD.with("language", "Bilingual"))).language())
                .isEqualTo(Language.BILINGUAL);
        AccountFormat bilingualByDefault = AccountFormat.INSTANCE.withDefaultLanguage(Language.BILINGUAL);
        assertThat(ok(readOne(dir, bilingualByDefault, GOOD.with("language", ""))).language())
                .isEqualTo(Language.BILINGUAL);
        assertThat(ok(readOne(dir, bilingualByDefault, GOOD.without("language"))).language())
                .isEqualTo(Language.BILINGUAL);
        assertThat(ok(readOne(dir, AccountFormat.INSTANCE, GOOD.with("language", ""))).language())
                .isEqualTo(Language.EN);
        // a language given is kept whatever the default
        assertThat(ok(readOne(dir, bilingualByDefault, GOOD)).language()).isEqualTo(Language.FR);
    }

    @Test
    void mailDeliveryNeedsNoEmailAndOptionalColumnsMayBeAbsent() throws IOException {
        TestRecord record = GOOD.with("delivery", "mail").with("customer_type", "COMMERCIAL")
                .without("email").without("billing_line2").without("service_county")
                .without("service_postal_code");

        AccountRow row = ok(readOne(dir, AccountFormat.INSTANCE, record));

        assertThat(row.email()).isNull();
        assertThat(row.delivery()).isEqualTo(DeliveryPreference.MAIL);
        assertThat(row.customerType()).isEqualTo(CustomerType.COMMERCIAL);
        assertThat(row.billingAddress().line2()).isNull();
    }

    @Test
    void usCountyIsKeptOnTheServiceAddress() throws IOException {
        TestRecord record = GOOD.with("service_county", "Clinton").with("service_region", "ny")
                .with("service_country", "us");

        AccountRow row = ok(readOne(dir, AccountFormat.INSTANCE, record));
        Address service = row.serviceAddress();

        assertThat(service.county()).isEqualTo("Clinton");
        assertThat(row.billingAddress().county()).isNull();
        assertThat(service.region()).isEqualTo("NY");
        assertThat(service.country()).isEqualTo("US");
    }

    @Test
    void accountNumberOfExactlyTwentyCharactersIsAccepted() throws IOException {
        assertThat(ok(readOne(dir, AccountFormat.INSTANCE, GOOD.with("account_number", "12345678901234567890")))
                .accountNumber()).hasSize(20);
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                arguments("account_number", "123456789012345678901",
                        "longer than 20 characters: '123456789012345678901'"),
                arguments("account_number", "", "required but empty"),
                arguments("name", "", "required but empty"),
                arguments("customer_type", "BUSINESS", "not one of RESIDENTIAL, COMMERCIAL: 'BUSINESS'"),
                arguments("language", "de", "not one of EN, FR, BILINGUAL: 'de'"),
                arguments("delivery", "FAX", "not one of MAIL, EMAIL, BOTH: 'FAX'"),
                arguments("email", "emilie.example.ca", "not an email address: 'emilie.example.ca'"),
                arguments("email", "a@b@c.ca", "not an email address: 'a@b@c.ca'"),
                arguments("email", "@example.ca", "not an email address: '@example.ca'"),
                arguments("email", "emilie@", "not an email address: 'emilie@'"),
                arguments("email", "", "required when delivery is BOTH"),
                arguments("billing_line1", "", "required but empty"),
                arguments("billing_city", "", "required but empty"),
                arguments("billing_region", "", "required but empty"),
                arguments("billing_postal_code", "", "required but empty"),
                arguments("billing_country", "CAN", "not a 2-letter country code: 'CAN'"),
                arguments("service_line1", "", "required but empty"),
                arguments("service_city", "", "required but empty"),
                arguments("service_region", "", "required but empty"),
                arguments("service_country", "", "required but empty"),
                arguments("service_country", "C1", "not a 2-letter country code: 'C1'"),
                arguments("next_bill_date", "2026-12-1", "not a date (YYYY-MM-DD): '2026-12-1'"),
                // an account number is part of file names: no path, no hidden file, no option
                arguments("account_number", "../../etc/x", "'/' is not allowed (A-Z, a-z, 0-9 and . _ - only): '../../etc/x'"),
                arguments("account_number", "100 042", "' ' is not allowed (A-Z, a-z, 0-9 and . _ - only): '100 042'"),
                arguments("account_number", "-100042", "must start with a letter or a digit: '-100042'"),
                arguments("account_number", "1000..42", "must not contain '..': '1000..42'"),
                arguments("name", "N".repeat(201), "longer than 200 characters: '" + "N".repeat(40) + "…' (201 characters)"),
                arguments("billing_region", "QUEBEC-PROV", "longer than 10 characters: 'QUEBEC-PROV'"),
                arguments("name", "Émilie\tCôté", "contains a control character (U+0009)"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("rejections")
    void rejects(String column, String value, String reason) throws IOException {
        assertRejected(readOne(dir, AccountFormat.INSTANCE, GOOD.with(column, value)), column, reason);
    }

    @Test
    void aNextBillDateOutsideItsWindowIsRejected() throws IOException {
        AccountFormat format = AccountFormat.within(new DateWindow(LocalDate.of(2025, 11, 20), LocalDate.of(2027, 11, 20)));

        assertThat(ok(readOne(dir, format, GOOD.with("next_bill_date", "2025-11-20"))).nextBillDate())
                .isEqualTo(LocalDate.of(2025, 11, 20));
        assertThat(ok(readOne(dir, format, GOOD.with("next_bill_date", "2027-11-20"))).nextBillDate())
                .isEqualTo(LocalDate.of(2027, 11, 20));
        assertRejected(readOne(dir, format, GOOD.with("next_bill_date", "1900-01-01")), "next_bill_date",
                "outside the plausible window 2025-11-20..2027-11-20: '1900-01-01'");
        assertRejected(readOne(dir, format, GOOD.with("next_bill_date", "2027-11-21")), "next_bill_date",
                "outside the plausible window 2025-11-20..2027-11-20: '2027-11-21'");
    }

    @Test
    void emailDeliveryWithoutEmailIsRejected() throws IOException {
        TestRecord record = GOOD.with("delivery", "EMAIL").with("email", "");

        assertRejected(readOne(dir, AccountFormat.INSTANCE, record), "email", "required when delivery is EMAIL");
    }

    @Test
    void aMalformedEmailIsRejectedEvenForMailDelivery() throws IOException {
        TestRecord record = GOOD.with("delivery", "MAIL").with("email", "not an address");

        assertRejected(readOne(dir, AccountFormat.INSTANCE, record), "email", "not an email address: 'not an address'");
    }
}
