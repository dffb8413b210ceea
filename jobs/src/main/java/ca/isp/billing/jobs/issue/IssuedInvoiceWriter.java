package ca.isp.billing.jobs.issue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.DeliveryStatus;
import ca.isp.billing.domain.InvoiceNumbering;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.domain.LedgerEntryType;
import ca.isp.billing.jobs.support.KeyedUpdate;

/**
 * Issues a chunk of invoices in one transaction: numbers from the gapless series, in the
 * chunk's order (account-number order); totals, statement and status; one INVOICE ledger
 * entry each, shown on its own statement; the earlier entries the statement shows marked as
 * shown; the credits that pay them; and their outbox rows, keyed by the new number and the
 * channel. Anything that does not happen exactly once fails the chunk, which gives the
 * numbers back. The invoices and the entries shown are each updated by one statement for the
 * chunk ({@link KeyedUpdate}), not one per row, each row still guarded by its status.
 */
public class IssuedInvoiceWriter implements ItemWriter<IssuedInvoice> {

    private final NamedParameterJdbcTemplate jdbc;
    private final InvoiceNumbering numbering;
    private final InvoiceNumberSeries series;

    public IssuedInvoiceWriter(NamedParameterJdbcTemplate jdbc, InvoiceNumbering numbering) {
        this.jdbc = jdbc;
        this.numbering = numbering;
        this.series = new InvoiceNumberSeries(jdbc);
    }

    @Override
    public void write(Chunk<? extends IssuedInvoice> chunk) {
        Map<IssuedInvoice, String> numbers = number(chunk.getItems());
        List<MapSqlParameterSource> invoices = new ArrayList<>();
        List<MapSqlParameterSource> shown = new ArrayList<>();
        List<MapSqlParameterSource> credits = new ArrayList<>();
        List<MapSqlParameterSource> deliveries = new ArrayList<>();
        numbers.forEach((i, number) -> {
            invoices.add(new MapSqlParameterSource()
                    .addValue("id", i.invoiceId()).addValue("account", i.accountId()).addValue("number", number)
                    .addValue("date", i.invoiceDate()).addValue("due", i.dueDate())
                    .addValue("subtotal", i.totals().subtotal()).addValue("tax", i.totals().tax())
                    .addValue("total", i.totals().total())
                    .addValue("previous", i.statement().previousBalance())
                    .addValue("received", i.statement().paymentsReceived())
                    .addValue("adjustments", i.statement().adjustmentsTotal())
                    .addValue("amountDue", i.statement().amountDue()).addValue("first", i.firstStatement())
                    .addValue("issued", InvoiceStatus.ISSUED.name()).addValue("taxed", InvoiceStatus.TAXED.name())
                    .addValue("entryType", LedgerEntryType.INVOICE.name()));
            i.shownEntryIds().forEach(entry -> shown.add(new MapSqlParameterSource("entry", entry)
                    .addValue("invoice", i.invoiceId())));
            i.creditsUsed().forEach(c -> credits.add(new MapSqlParameterSource("payment", c.paymentId())
                    .addValue("invoice", i.invoiceId()).addValue("amount", c.amount())));
            for (DeliveryChannel channel : i.channels()) {
                deliveries.add(new MapSqlParameterSource("invoice", i.invoiceId()).addValue("account", i.accountId())
                        .addValue("channel", channel.name()).addValue("key", number + "-" + channel)
                        .addValue("destination", channel == DeliveryChannel.EMAIL ? i.email() : null)
                        .addValue("pending", DeliveryStatus.PENDING.name()));
            }
        });
        // one UPDATE for the chunk's invoices (not one per invoice), guarded by the status as each was
        requireAll("issued", invoices.size(), KeyedUpdate.update(jdbc.getJdbcOperations(), "invoice", "id",
                ISSUED_COLUMNS, "status = '" + InvoiceStatus.ISSUED.name() + "'",
                "status = '" + InvoiceStatus.TAXED.name() + "'", invoices.stream().map(v -> new Object[]{
                        v.getValue("id"), v.getValue("number"), v.getValue("due"), v.getValue("subtotal"),
                        v.getValue("tax"), v.getValue("total"), v.getValue("previous"), v.getValue("received"),
                        v.getValue("adjustments"), v.getValue("amountDue"), v.getValue("first")}).toList()));
        jdbc.batchUpdate("""
                INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount, statement_invoice_id)
                VALUES (:account, :date, :entryType, :number, :total, :id)""", batch(invoices));
        // (an entry a statement held for review showed is taken over: the customer never saw it)
        requireAll("shown on a statement", shown.size(), new StatementLedger(jdbc).showAll(shown));
        MapSqlParameterSource[] creditRows = batch(credits);
        jdbc.batchUpdate("INSERT INTO payment_allocation (payment_id, invoice_id, amount) VALUES (:payment, :invoice, :amount)",
                creditRows);
        jdbc.batchUpdate("UPDATE payment SET unapplied = unapplied - :amount WHERE id = :payment", creditRows);
        jdbc.batchUpdate("UPDATE invoice SET amount_paid = amount_paid + :amount WHERE id = :invoice", creditRows);
        jdbc.batchUpdate("""
                INSERT INTO delivery (invoice_id, account_id, channel, idempotency_key, destination, status, attempts)
                VALUES (:invoice, :account, :channel, :key, :destination, :pending, 0)""", batch(deliveries));
    }

    /** The next numbers of each invoice's series, given in the chunk's order. */
    private Map<IssuedInvoice, String> number(List<? extends IssuedInvoice> invoices) {
        Map<String, List<IssuedInvoice>> bySeries = new LinkedHashMap<>();
        invoices.forEach(i -> bySeries.computeIfAbsent(numbering.series(i.invoiceDate()), s -> new ArrayList<>()).add(i));
        Map<IssuedInvoice, String> numbers = new LinkedHashMap<>();
        bySeries.forEach((name, members) -> {
            long next = series.take(name, members.size());
            for (IssuedInvoice invoice : members) {
                numbers.put(invoice, numbering.format(name, next++));
            }
        });
        return numbers;
    }

    /** The invoice columns the issue sets, each invoice its own value (and status ISSUED for all). */
    private static final List<String> ISSUED_COLUMNS = List.of("invoice_number", "due_date", "subtotal", "tax_total",
            "total", "previous_balance", "payments_received", "adjustments", "amount_due", "first_statement");

    /** A row that was not updated (issued or shown by someone else) would leave a hole: fail the chunk. */
    private static void requireAll(String what, int rows, int updated) {
        if (updated != rows) {
            throw new IllegalStateException((rows - updated) + " invoice(s) or ledger entries were already " + what
                    + " by another run; this chunk is rolled back so no number is lost");
        }
    }

    private static MapSqlParameterSource[] batch(List<MapSqlParameterSource> rows) {
        return rows.toArray(MapSqlParameterSource[]::new);
    }
}
