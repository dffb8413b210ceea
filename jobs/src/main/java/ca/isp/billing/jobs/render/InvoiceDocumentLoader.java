package ca.isp.billing.jobs.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.Language;
import ca.isp.billing.jobs.support.InvoiceLineDao;
import ca.isp.billing.jobs.support.CompanyProfiles;
import ca.isp.billing.writers.InvoiceDocument;

/**
 * Builds what an issued invoice says (InvoiceDocument) for a batch of invoices: two queries,
 * whatever the batch size. Rendering and hand-off both use it, so the email's words and the
 * PDF's can never disagree.
 */
public class InvoiceDocumentLoader {

    private final NamedParameterJdbcTemplate jdbc;
    private final CompanyProfiles company;

    public InvoiceDocumentLoader(NamedParameterJdbcTemplate jdbc, CompanyProfiles company) {
        this.jdbc = jdbc;
        this.company = company;
    }

    public Map<Long, InvoiceDocument> load(List<Long> invoiceIds) {
        Map<Long, InvoiceDocument> documents = new HashMap<>();
        if (invoiceIds.isEmpty()) {
            return documents;
        }
        Map<Long, List<InvoiceLine>> lines = new InvoiceLineDao(jdbc).linesOf(invoiceIds);
        jdbc.query("""
                SELECT i.id, i.invoice_number, i.language, i.currency, i.invoice_date, i.due_date, i.period_start,
                    i.period_end, i.subtotal, i.tax_total, i.total, i.previous_balance, i.amount_due,
                    a.account_number, a.name, a.billing_line1, a.billing_line2, a.billing_city, a.billing_region,
                    a.billing_postal_code, a.billing_country
                FROM invoice i JOIN account a ON a.id = i.account_id WHERE i.id IN (:ids)""",
                new MapSqlParameterSource("ids", invoiceIds), rs -> {
                    long id = rs.getLong("id");
                    Language language = Language.of(rs.getString("language"));
                    documents.put(id, new InvoiceDocument(company.forLanguage(language), language, rs.getString("invoice_number"),
                            rs.getString("account_number"), rs.getString("name"),
                            mailingAddress(rs.getString("billing_line1"),
                                    rs.getString("billing_line2"), rs.getString("billing_city"),
                                    rs.getString("billing_region"), rs.getString("billing_postal_code"),
                                    rs.getString("billing_country"), language),
                            rs.getObject("invoice_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                            rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                            lines.getOrDefault(id, List.of()), rs.getBigDecimal("subtotal"),
                            rs.getBigDecimal("tax_total"), rs.getBigDecimal("total"),
                            rs.getBigDecimal("previous_balance"), rs.getBigDecimal("amount_due"),
                            rs.getString("currency")));
                });
        return documents;
    }

    /**
     * The address lines under the recipient's name, Canada Post and USPS style: street,
     * "CITY REGION  POSTAL", the country when it is the US (the ISP mails from Canada).
     */
    public static List<String> mailingAddress(String line1, String line2, String city, String region,
                                              String postalCode, String country, Language language) {
        List<String> lines = new ArrayList<>();
        lines.add(line1);
        if (line2 != null && !line2.isBlank()) {
            lines.add(line2);
        }
        lines.add(city + " " + region + "  " + postalCode);
        if ("US".equals(country)) {
            lines.add(language == Language.FR ? "ÉTATS-UNIS" : "USA");
        }
        return lines;
    }
}
