package ca.isp.billing.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an invoice's messages and attachments are chosen by: the plans of the account's
 * subscriptions billed on it, the province (or state) of service, the customer type and the
 * invoice's language. Codes are kept upper case ({@code FIBRE-500}, {@code QC}, {@code BUSINESS});
 * the language is its own. An invoice of unknown segment (tests, previews) has no plan, province
 * or type: only rules without such conditions reach it.
 */
public record InvoiceSegment(Set<String> plans, String province, String customerType, Language language) {

    public InvoiceSegment {
        plans = Objects.requireNonNull(plans, "plans are required").stream()
                .map(p -> p.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        province = province == null ? "" : province.toUpperCase(Locale.ROOT);
        customerType = customerType == null ? "" : customerType.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(language, "language is required");
    }

    /** Only the language known. */
    public static InvoiceSegment of(Language language) {
        return new InvoiceSegment(Set.of(), "", "", language);
    }
}
