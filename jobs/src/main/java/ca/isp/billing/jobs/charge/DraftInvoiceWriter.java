package ca.isp.billing.jobs.charge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.InvoiceOrigin;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.domain.UsageStatus;
import ca.isp.billing.jobs.support.InvoiceLineDao;
import ca.isp.billing.jobs.support.InvoiceScope;

/**
 * Writes a chunk of draft invoices with their lines and what each recurring line billed (its
 * item: subscription, plan, term), marks the usage, late fees and one-time charges they bill,
 * and moves each account's next bill date: all in the chunk's transaction, so an account is
 * either wholly charged or not at all. Unique keys (account + cycle, invoice + line key) refuse
 * a second copy if anything ever tried.
 */
public class DraftInvoiceWriter implements ItemWriter<DraftInvoice> {

    private final NamedParameterJdbcTemplate jdbc;
    private final InvoiceLineDao lines;
    private final String source;

    public DraftInvoiceWriter(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, InvoiceScope.CYCLE);
    }

    /** @param source the drafts' invoice.source: CYCLE, or FINAL for a closed account's final bill */
    public DraftInvoiceWriter(NamedParameterJdbcTemplate jdbc, String source) {
        this.jdbc = jdbc;
        this.lines = new InvoiceLineDao(jdbc);
        this.source = source;
    }

    @Override
    public void write(Chunk<? extends DraftInvoice> chunk) {
        List<? extends DraftInvoice> invoices = chunk.getItems().stream().filter(DraftInvoice::hasLines).toList();
        if (!invoices.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO invoice (account_id, origin, cycle_date, status, invoice_date,
                        period_start, period_end, language, currency, amount_paid, source)
                    VALUES (:account, :origin, :cycle, :draft, :cycle, :start, :end, :language, :currency, 0, :source)""",
                    invoices.stream().map(i -> new MapSqlParameterSource()
                            .addValue("account", i.accountId()).addValue("source", source)
                            .addValue("cycle", i.cycleDate()).addValue("start", i.periodStart())
                            .addValue("end", i.periodEnd()).addValue("language", i.language().code())
                            .addValue("currency", i.currency()).addValue("origin", InvoiceOrigin.BILLED.name())
                            .addValue("draft", InvoiceStatus.DRAFT.name())).toArray(MapSqlParameterSource[]::new));
            // A draft has no number yet: it is known by its account, cycle and source (uk_invoice_account_cycle_source).
            Map<Long, Long> ids = new HashMap<>();
            jdbc.query("SELECT account_id, id FROM invoice WHERE cycle_date = :cycle AND account_id IN (:accounts)"
                    + " AND source = :cycleSource", new MapSqlParameterSource("cycle", invoices.get(0).cycleDate())
                            .addValue("cycleSource", source)
                            .addValue("accounts", invoices.stream().map(DraftInvoice::accountId).toList()),
                    rs -> {
                        ids.put(rs.getLong(1), rs.getLong(2));
                    });
            Map<Long, List<InvoiceLine>> byInvoice = new HashMap<>();
            invoices.forEach(i -> byInvoice.put(ids.get(i.accountId()), i.lines()));
            lines.addAll(byInvoice, Map.of());
            // what each recurring line billed, for the next run to bill only the difference
            jdbc.batchUpdate("""
                    UPDATE invoice_line SET item_subscription_id = :subscription, item_plan_code = :plan,
                        item_term_start = :start, item_term_end = :end
                    WHERE invoice_id = :invoice AND line_key = :key""",
                    invoices.stream().flatMap(i -> i.itemsByLineKey().entrySet().stream().map(item ->
                            new MapSqlParameterSource("invoice", ids.get(i.accountId())).addValue("key", item.getKey())
                                    .addValue("subscription", item.getValue().subscriptionId())
                                    .addValue("plan", item.getValue().planCode())
                                    .addValue("start", item.getValue().term().start())
                                    .addValue("end", item.getValue().term().end())))
                            .toArray(MapSqlParameterSource[]::new));
            // the plan each usage line was charged on (the plan of the usage's period, not the subscription's)
            jdbc.batchUpdate("UPDATE invoice_line SET item_plan_code = :plan WHERE invoice_id = :invoice AND line_key = :key",
                    invoices.stream().flatMap(i -> i.usagePlansByLineKey().entrySet().stream().map(usage ->
                            new MapSqlParameterSource("invoice", ids.get(i.accountId())).addValue("key", usage.getKey())
                                    .addValue("plan", usage.getValue())))
                            .toArray(MapSqlParameterSource[]::new));

            // what each discount line took off, for the next run to net the discount as the plan
            jdbc.batchUpdate("""
                    UPDATE invoice_line SET item_discount_ref = :discount, item_subscription_id = :subscription,
                        item_plan_code = :plan, item_term_start = :start, item_term_end = :end
                    WHERE invoice_id = :invoice AND line_key = :key""",
                    invoices.stream().flatMap(i -> i.discountsByLineKey().entrySet().stream().map(item ->
                            new MapSqlParameterSource("invoice", ids.get(i.accountId())).addValue("key", item.getKey())
                                    .addValue("discount", item.getValue().discountRef())
                                    .addValue("subscription", item.getValue().subscriptionId())
                                    .addValue("plan", item.getValue().planCode())
                                    .addValue("start", item.getValue().term().start())
                                    .addValue("end", item.getValue().term().end())))
                            .toArray(MapSqlParameterSource[]::new));

            jdbc.batchUpdate("""
                    UPDATE usage_record SET status = :billed, invoice_id = :invoice
                    WHERE account_id = :account AND status = :rated AND start_time < :before""",
                    invoices.stream().map(i -> new MapSqlParameterSource("invoice", ids.get(i.accountId()))
                            .addValue("account", i.accountId()).addValue("before", i.usageBefore())
                            .addValue("billed", UsageStatus.BILLED.name()).addValue("rated", UsageStatus.RATED.name()))
                            .toArray(MapSqlParameterSource[]::new));
            jdbc.batchUpdate("UPDATE one_time_charge SET billed_invoice_id = :invoice WHERE id = :charge",
                    invoices.stream().flatMap(i -> i.chargeIds().stream().map(charge -> new MapSqlParameterSource(
                            "invoice", ids.get(i.accountId())).addValue("charge", charge)))
                            .toArray(MapSqlParameterSource[]::new));
            jdbc.batchUpdate("UPDATE late_fee SET billed_invoice_id = :invoice WHERE id = :fee",
                    invoices.stream().flatMap(i -> i.lateFeeIds().stream().map(fee -> new MapSqlParameterSource(
                            "invoice", ids.get(i.accountId())).addValue("fee", fee)))
                            .toArray(MapSqlParameterSource[]::new));
        }
        int[] moved = jdbc.batchUpdate("""
                UPDATE account SET next_bill_date = :next WHERE id = :account AND next_bill_date = :previous""",
                chunk.getItems().stream().map(i -> new MapSqlParameterSource("next", i.newNextBillDate())
                        .addValue("account", i.accountId()).addValue("previous", i.previousNextBillDate()))
                        .toArray(MapSqlParameterSource[]::new));
        for (int i = 0; i < moved.length; i++) {
            if (moved[i] == 0) {
                // Someone else moved it meanwhile: refuse rather than bill a period twice.
                throw new IllegalStateException("account " + chunk.getItems().get(i).accountId()
                        + " changed its next bill date while being charged");
            }
        }
    }
}
