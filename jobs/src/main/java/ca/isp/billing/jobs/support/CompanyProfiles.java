package ca.isp.billing.jobs.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.Language;
import ca.isp.billing.writers.CompanyProfile;

/**
 * Reads the company profile the operator keeps in {@code templates/company.properties}, in
 * each invoice language (a French invoice shows the French business name, as Quebec's
 * Charter of the French language asks), and mirrors it into the company table, so reports
 * and queries see the same ISP as the invoices.
 */
public final class CompanyProfiles {

    private final CompanyProfile english;
    private final CompanyProfile french;
    private final Address lobReturnAddress;

    private CompanyProfiles(CompanyProfile english, CompanyProfile french, Address lobReturnAddress) {
        this.english = english;
        this.french = french;
        this.lobReturnAddress = lobReturnAddress;
    }

    /**
     * The US return address Lob prints on letters ({@code lob_from_*}; Lob mails from the US only),
     * or null when the profile has none.
     */
    public Address lobReturnAddress() {
        return lobReturnAddress;
    }

    /**
     * The profile printed on an invoice of that language; a bilingual invoice's names and
     * remittance note are the English and the French joined by Language.both (each column of the
     * invoice shows its half).
     */
    public CompanyProfile forLanguage(Language language) {
        return switch (language) {
            case EN -> english;
            case FR -> french;
            case BILINGUAL -> new CompanyProfile(Language.both(english.name(), french.name()), english.legalName(),
                    english.addressLines(), english.phone(), english.email(), english.website(),
                    english.remittanceAddressNote() == null ? null : Language.both(english.remittanceAddressNote(),
                            french.remittanceAddressNote()), english.messageEn(), english.messageFr(), english.logo());
        };
    }

    /**
     * The company-wide invoice language ({@code default_language} of company.properties: en, fr or
     * bilingual; en when absent), given to accounts imported with a blank language.
     */
    public static Language defaultLanguage(Path templates) {
        Path file = templates.resolve("company.properties");
        if (!Files.exists(file)) {
            return Language.EN;
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the company profile " + file, e);
        }
        String code = p.getProperty("default_language", "en").strip();
        try {
            return Language.of(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": default_language must be en, fr or bilingual, not '" + code
                    + "'", e);
        }
    }

    public static CompanyProfiles load(Path templates) {
        Path file = templates.resolve("company.properties");
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the company profile " + file, e);
        }
        List<String> address = new ArrayList<>();
        for (int i = 1; p.getProperty("address_line_" + i) != null; i++) {
            address.add(p.getProperty("address_line_" + i));
        }
        String name = required(p, "name", file);
        String logo = p.getProperty("logo");
        Path logoPath = logo == null || logo.isBlank() ? null : templates.resolve(logo);
        Path logoFile = logoPath != null && Files.exists(logoPath) ? logoPath : null;
        String legalName = p.getProperty("legal_name", name);
        String note = p.getProperty("remittance_note");
        CompanyProfile english = new CompanyProfile(name, legalName, address, p.getProperty("phone"),
                p.getProperty("email"), p.getProperty("website"), note, p.getProperty("message_en"),
                p.getProperty("message_fr"), logoFile);
        CompanyProfile french = new CompanyProfile(p.getProperty("name_fr", name), legalName, address,
                p.getProperty("phone"), p.getProperty("email"), p.getProperty("website"),
                p.getProperty("remittance_note_fr", note), p.getProperty("message_en"), p.getProperty("message_fr"),
                logoFile);
        String lobLine1 = p.getProperty("lob_from_line_1");
        Address lobFrom = lobLine1 == null || lobLine1.isBlank() ? null
                : new Address(lobLine1, p.getProperty("lob_from_line_2"), p.getProperty("lob_from_city"), null,
                        p.getProperty("lob_from_state"), p.getProperty("lob_from_zip"), "US");
        return new CompanyProfiles(english, french, lobFrom);
    }

    /** Upserts the one company row (English profile). */
    public void store(JdbcTemplate jdbc, String currency) {
        CompanyProfile company = english;
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        String address = String.join("\n", company.addressLines());
        int updated = jdbc.update("""
                UPDATE company SET name = ?, legal_name = ?, address = ?, phone = ?, email = ?, website = ?,
                    currency = ?, updated_at = ? WHERE id = 1""", company.name(), company.legalName(), address,
                company.phone(), company.email(), company.website(), currency, now);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO company (id, name, legal_name, address, phone, email, website, currency, updated_at)
                    VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)""", company.name(), company.legalName(), address,
                    company.phone(), company.email(), company.website(), currency, now);
        }
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + ": '" + key + "' is required");
        }
        return value;
    }
}
