package ca.isp.billing.jobs.issue;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.DeliveryStatus;
import ca.isp.billing.domain.InvoiceStatus;

/**
 * Issues a chunk of invoices: totals and status, one INVOICE ledger entry each (unique by
 * invoice number), the credits that pay them (allocation rows, unique by payment and invoice)
 * and their outbox rows (unique by invoice and channel), in one transaction.
 */
public class IssuedInvoiceWriter implements ItemWriter<IssuedInvoice> {

    private final NamedParameterJdbcTemplate jdbc;

    public IssuedInvoiceWriter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends IssuedInvoice> chunk) {
        MapSqlParameterSource[] invoices = chunk.getItems().stream().map(i -> new MapSqlParameterSource()
                .addValue("id", i.invoiceId()).addValue("account", i.accountId()).addValue("number", i.invoiceNumber())
                .addValue("date", i.invoiceDate()).addValue("due", i.dueDate())
                .addValue("subtotal", i.totals().subtotal()).addValue("tax", i.totals().tax())
                .addValue("total", i.totals().total()).addValue("previous", i.previousBalance())
                .addValue("amountDue", i.amountDue()).addValue("issued", InvoiceStatus.ISSUED.name())
                .addValue("taxed", InvoiceStatus.TAXED.name())).toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("""
                UPDATE invoice SET status = :issued, due_date = :due, subtotal = :subtotal, tax_total = :tax,
                    total = :total, previous_balance = :previous, amount_due = :amountDue
                WHERE id = :id AND status = :taxed""", invoices);
        jdbc.batchUpdate("""
                INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount)
                VALUES (:account, :date, 'INVOICE', :number, :total)""", invoices);
        MapSqlParameterSource[] credits = chunk.getItems().stream().flatMap(i -> i.creditsUsed().stream()
                .map(c -> new MapSqlParameterSource("payment", c.paymentId()).addValue("invoice", i.invoiceId())
                        .addValue("amount", c.amount()))).toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("INSERT INTO payment_allocation (payment_id, invoice_id, amount) VALUES (:payment, :invoice, :amount)",
                credits);
        jdbc.batchUpdate("UPDATE payment SET unapplied = unapplied - :amount WHERE id = :payment", credits);
        jdbc.batchUpdate("UPDATE invoice SET amount_paid = amount_paid + :amount WHERE id = :invoice", credits);
        jdbc.batchUpdate("""
                INSERT INTO delivery (invoice_id, account_id, channel, idempotency_key, destination, status, attempts)
                VALUES (:invoice, :account, :channel, :key, :destination, :pending, 0)""",
                chunk.getItems().stream().flatMap(i -> i.deliveries().stream().map(d -> new MapSqlParameterSource()
                        .addValue("invoice", i.invoiceId()).addValue("account", i.accountId())
                        .addValue("channel", d.channel().name()).addValue("key", d.idempotencyKey())
                        .addValue("destination", d.destination()).addValue("pending", DeliveryStatus.PENDING.name()))).toArray(MapSqlParameterSource[]::new));
    }
}
