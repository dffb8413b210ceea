package ca.isp.billing.jobs.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.files.SpreadsheetCells;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.writers.AtomicFiles;

/**
 * The tax liability of a period, for filing returns: per currency, jurisdiction, tax and rate,
 * the taxable base, the exempt base (by class or certificate), the tax collected and the number
 * of invoices, over the ISSUED invoices dated in the period (a held invoice is not owed until it
 * is issued). Read from the tax register ({@code tax_line}) as the tax step wrote it, so its
 * totals are the invoices' tax lines; a rate that changed in the period has a row per rate.
 */
@Component
public class TaxLiabilityReport {

    static final List<String> COLUMNS = List.of("currency", "country", "region", "jurisdiction", "tax_code", "rate",
            "taxable_base", "exempt_base", "tax_collected", "invoice_count");

    private final JdbcTemplate jdbc;
    private final BillingProperties properties;

    public TaxLiabilityReport(JdbcTemplate jdbc, BillingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** One row of the report; jurisdiction is empty for the province or state itself. */
    public record Row(String currency, String country, String region, String jurisdiction, String taxCode,
                      BigDecimal rate, BigDecimal taxableBase, BigDecimal exemptBase, BigDecimal taxCollected,
                      long invoiceCount) {
    }

    /** The rows and, per currency, the tax collected and the invoices taxed. */
    public record Liability(LocalDate from, LocalDate to, List<Row> rows, Map<String, BigDecimal> taxByCurrency,
                            Map<String, Long> invoicesByCurrency, Path file) {
    }

    public List<Row> rows(LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT i.currency, t.country, t.region, t.jurisdiction, t.tax_code, t.rate, SUM(t.taxable_base),
                    SUM(t.exempt_base), SUM(t.amount), COUNT(DISTINCT t.invoice_id)
                FROM tax_line t JOIN invoice i ON i.id = t.invoice_id
                WHERE i.status = ? AND i.invoice_date BETWEEN ? AND ?
                GROUP BY i.currency, t.country, t.region, t.jurisdiction, t.tax_code, t.rate
                ORDER BY i.currency, t.country, t.region, t.jurisdiction, t.tax_code, t.rate""",
                (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBigDecimal(6).stripTrailingZeros(), Money.round(rs.getBigDecimal(7)),
                        Money.round(rs.getBigDecimal(8)), Money.round(rs.getBigDecimal(9)), rs.getLong(10)),
                InvoiceStatus.ISSUED.name(), from, to);
    }

    /** Writes {@code out/reports/tax-liability/tax-liability-<from>-<to>.csv} (owner-only) and returns what it says. */
    public Liability write(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        List<Row> rows = rows(from, to);
        Map<String, BigDecimal> tax = new TreeMap<>();
        Map<String, Long> invoices = new TreeMap<>();
        jdbc.query("""
                SELECT i.currency, SUM(i.tax_total), COUNT(*) FROM invoice i
                WHERE i.status = ? AND i.invoice_date BETWEEN ? AND ?
                  AND EXISTS (SELECT 1 FROM tax_line t WHERE t.invoice_id = i.id)
                GROUP BY i.currency""", rs -> {
                    tax.put(rs.getString(1), Money.round(rs.getBigDecimal(2)));
                    invoices.put(rs.getString(1), rs.getLong(3));
                }, InvoiceStatus.ISSUED.name(), from, to);
        Path folder = properties.out().resolve("reports").resolve("tax-liability");
        Path file = AtomicFiles.write(folder, "tax-liability-" + from + "-" + to + ".csv", csv(rows, tax, invoices));
        return new Liability(from, to, rows, tax, invoices, file);
    }

    /** The rows, then one TOTAL row per currency: the tax collected and the invoices (bases are per tax). */
    private static byte[] csv(List<Row> rows, Map<String, BigDecimal> tax, Map<String, Long> invoices) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).setRecordSeparator("\n").get())) {
            for (Row row : rows) {
                printer.printRecord(text(row.currency()), text(row.country()), text(row.region()),
                        text(row.jurisdiction()), text(row.taxCode()), row.rate().toPlainString(),
                        row.taxableBase(), row.exemptBase(), row.taxCollected(), row.invoiceCount());
            }
            for (Map.Entry<String, BigDecimal> total : tax.entrySet()) {
                printer.printRecord(text(total.getKey()), "TOTAL", "", "", "", "", "", "", total.getValue(),
                        invoices.get(total.getKey()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String text(String cell) {
        return SpreadsheetCells.text(cell);
    }
}
