package ca.isp.billing.jobs.tax;

import java.time.Clock;
import java.time.LocalDate;
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
    private final Clock clock;

    public TaxLineWriter(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.lines = new InvoiceLineDao(jdbc);
        this.clock = clock;
    }

    /**
     * The date each invoice would take if it is released from a hold now: today, or the latest
     * date of an invoice its account already has, whichever is later.
     */
    private Map<Long, LocalDate> releaseDates(List<Long> invoiceIds) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, LocalDate> dates = new HashMap<>();
        invoiceIds.forEach(id -> dates.put(id, today));
        if (!invoiceIds.isEmpty()) {
            jdbc.query("""
                    SELECT i.id, (SELECT MAX(j.invoice_date) FROM invoice j WHERE j.account_id = i.account_id
                        AND j.status = :issued) FROM invoice i WHERE i.id IN (:ids)""",
                    new MapSqlParameterSource("ids", invoiceIds).addValue("issued", InvoiceStatus.ISSUED.name()), rs -> {
                        LocalDate latest = rs.getObject(2, LocalDate.class);
                        if (latest != null && latest.isAfter(today)) {
                            dates.put(rs.getLong(1), latest);
                        }
                    });
        }
        return dates;
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
                INSERT INTO tax_line (invoice_id, country, region, tax_code, rate, taxable_base, amount)
                VALUES (:invoice, :country, :region, :code, :rate, :base, :amount)""",
                taxed.stream().flatMap(t -> t.taxes().stream().map(tax -> new MapSqlParameterSource()
                        .addValue("invoice", t.invoiceId()).addValue("country", tax.rate().country())
                        .addValue("region", tax.rate().region()).addValue("code", tax.rate().taxCode())
                        .addValue("rate", tax.rate().rate()).addValue("base", tax.taxableBase())
                        .addValue("amount", tax.amount()))).toArray(MapSqlParameterSource[]::new));
        // A held invoice released later (a rerun) is dated the day it is released, so its due date
        // and any late fee run from when the customer could receive it; and never before an invoice
        // its account already has (a later cycle billed early), so its statement follows that one.
        // invoice_date comes first in SET: MySQL assigns left to right, so the CASE sees the old status.
        Map<Long, LocalDate> released = releaseDates(taxed.stream().map(TaxedInvoice::invoiceId).toList());
        jdbc.batchUpdate("""
                UPDATE invoice SET invoice_date = CASE WHEN status = :held AND invoice_date < :released THEN :released
                    ELSE invoice_date END, status = :taxed, hold_reason = NULL
                WHERE id = :id AND status IN (:toTax)""",
                taxed.stream().map(t -> new MapSqlParameterSource("id", t.invoiceId())
                                .addValue("released", released.get(t.invoiceId()))
                                .addValue("held", InvoiceStatus.HELD.name()).addValue("taxed", InvoiceStatus.TAXED.name())
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
