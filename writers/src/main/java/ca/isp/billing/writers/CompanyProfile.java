package ca.isp.billing.writers;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The ISP as printed on every invoice and email: names, addresses, contact details, the
 * operator's custom message in each language and the logo (SVG or PNG). Nullable: the
 * remittance note, the messages and the logo.
 */
public record CompanyProfile(String name, String legalName, List<String> addressLines, String phone,
                             String email, String website, String remittanceAddressNote,
                             String messageEn, String messageFr, Path logo) {

    public CompanyProfile {
        Objects.requireNonNull(name, "company name is required");
        Objects.requireNonNull(legalName, "company legalName is required");
        addressLines = List.copyOf(Objects.requireNonNull(addressLines, "company addressLines are required"));
        phone = phone == null ? "" : phone;
        email = email == null ? "" : email;
        website = website == null ? "" : website;
    }
}
