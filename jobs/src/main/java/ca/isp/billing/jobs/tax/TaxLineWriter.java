package ca.isp.billing.jobs.tax;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.jobs.support.InvoiceLineDao;

/**
 * Writes the TAX lines (what the invoice shows) and the tax register rows (how each was
 * computed) and moves the invoice to TAXED; or holds it with the reason.
 */
public class TaxLineWriter implements ItemWriter<TaxedInvoice> {

    private static final Logger log = LoggerFactory.getLogger(TaxLineWriter.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final InvoiceLineDao lines;

    public TaxLineWriter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.lines = new InvoiceLineDao(jdbc);
    }

    @Override
    public void write(Chunk<? extends TaxedInvoice> chunk) {
        List<? extends TaxedInvoice> taxed = chunk.getItems().stream().filter(t -> !t.held()).toList();
        Map<Long, List<InvoiceLine>> taxLines = new HashMap<>();
        Map<Long, Integer> firstLineNo = new HashMap<>();
        for (TaxedInvoice t : taxed) {
            taxLines.put(t.invoiceId(), t.taxes().stream().map(tax -> tax.toLine(t.language())).toList());
            firstLineNo.put(t.invoiceId(), t.nextLineNo());
        }
        lines.addAll(taxLines, firstLineNo);
        jdbc.batchUpdate("""
                INSERT INTO tax_line (invoice_id, country, region, jurisdiction, tax_code, rate, taxable_base,
                    exempt_base, exemption, amount)
                VALUES (:invoice, :country, :region, :jurisdiction, :code, :rate, :base, :exempt, :exemption, :amount)""",
                taxed.stream().flatMap(t -> t.taxes().stream().map(tax -> new MapSqlParameterSource()
                        .addValue("invoice", t.invoiceId()).addValue("country", tax.rate().country())
                        .addValue("region", tax.rate().region()).addValue("code", tax.rate().taxCode())
                        .addValue("rate", tax.rate().rate()).addValue("base", tax.taxableBase())
                        .addValue("jurisdiction", tax.jurisdiction()).addValue("exempt", tax.exemptBase())
                        .addValue("exemption", tax.exemption())
                        .addValue("amount", tax.amount()))).toArray(MapSqlParameterSource[]::new));
        // A held invoice released now takes the date the reader taxed it at (DraftInvoiceReader: the day it
        // is released); a draft keeps its own.
        jdbc.batchUpdate("""
                UPDATE invoice SET invoice_date = :date, status = :taxed, hold_reason = NULL
                WHERE id = :id AND status IN (:toTax)""",
                taxed.stream().map(t -> new MapSqlParameterSource("id", t.invoiceId())
                                .addValue("date", t.invoiceDate()).addValue("taxed", InvoiceStatus.TAXED.name())
                                .addValue("toTax", DraftInvoiceReader.TO_TAX))
                        .toArray(MapSqlParameterSource[]::new));
        List<? extends TaxedInvoice> held = chunk.getItems().stream().filter(TaxedInvoice::held).toList();
        held.forEach(t -> log.error("Held: {}", t.holdReason()));
        jdbc.batchUpdate("UPDATE invoice SET status = :held, hold_reason = :reason WHERE id = :id AND status IN (:toTax)",
                held.stream().map(t -> new MapSqlParameterSource("id", t.invoiceId()).addValue("reason", t.holdReason())
                                .addValue("held", InvoiceStatus.HELD.name()).addValue("toTax", DraftInvoiceReader.TO_TAX))
                        .toArray(MapSqlParameterSource[]::new));
    }
}
