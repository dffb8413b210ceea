package ca.isp.billing.jobs.charge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.BilledItem;
import ca.isp.billing.domain.DiscountItem;
import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.InvoiceOrigin;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.domain.UsageStatus;
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
    private final String source;

    public DraftInvoiceWriter(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, InvoiceScope.CYCLE);
    }

    /** @param source the drafts' invoice.source: CYCLE, or FINAL for a closed account's final bill */
    public DraftInvoiceWriter(NamedParameterJdbcTemplate jdbc, String source) {
        this.jdbc = jdbc;
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
            // Each line with what it billed (a recurring line's item, a usage line's plan, a discount line's
            // item), in one insert: the next run bills only the difference. Setting them by an update per
            // line after the insert cost a statement per line on MariaDB.
            List<MapSqlParameterSource> rows = new ArrayList<>();
            for (DraftInvoice invoice : invoices) {
                long invoiceId = ids.get(invoice.accountId());
                int no = 1;
                for (InvoiceLine line : invoice.lines()) {
                    MapSqlParameterSource row = new MapSqlParameterSource()
                            .addValue("invoice", invoiceId).addValue("no", no++).addValue("type", line.type().name())
                            .addValue("key", line.lineKey()).addValue("description", line.description())
                            .addValue("reason", line.reason()).addValue("start", line.periodStart())
                            .addValue("end", line.periodEnd()).addValue("quantity", line.quantity())
                            .addValue("unit", line.unit()).addValue("unitPrice", line.unitPrice())
                            .addValue("amount", line.amount()).addValue("discount", null)
                            .addValue("subscription", null).addValue("plan", null)
                            .addValue("termStart", null).addValue("termEnd", null);
                    BilledItem item = invoice.itemsByLineKey().get(line.lineKey());
                    if (item != null) {
                        row.addValue("subscription", item.subscriptionId()).addValue("plan", item.planCode())
                                .addValue("termStart", item.term().start()).addValue("termEnd", item.term().end());
                    }
                    String usagePlan = invoice.usagePlansByLineKey().get(line.lineKey());
                    if (usagePlan != null) {
                        row.addValue("plan", usagePlan);
                    }
                    DiscountItem discount = invoice.discountsByLineKey().get(line.lineKey());
                    if (discount != null) {
                        row.addValue("discount", discount.discountRef())
                                .addValue("subscription", discount.subscriptionId()).addValue("plan", discount.planCode())
                                .addValue("termStart", discount.term().start()).addValue("termEnd", discount.term().end());
                    }
                    rows.add(row);
                }
            }
            jdbc.batchUpdate("""
                    INSERT INTO invoice_line (invoice_id, line_no, line_type, line_key, description, reason, period_start,
                        period_end, quantity, unit, unit_price, amount, item_discount_ref, item_subscription_id,
                        item_plan_code, item_term_start, item_term_end)
                    VALUES (:invoice, :no, :type, :key, :description, :reason, :start, :end, :quantity, :unit,
                        :unitPrice, :amount, :discount, :subscription, :plan, :termStart, :termEnd)""",
                    rows.toArray(MapSqlParameterSource[]::new));

            // The usage each invoice bills, set-based: one statement for the accounts of the chunk that bill
            // usage up to the same day (a cycle's chunk: nearly always all of them), each record taking its
            // account's draft, found by the same key as the ids above. An update per account cost MariaDB
            // a statement per account.
            Map<LocalDate, List<Long>> accountsByUsageEnd = new TreeMap<>();
            invoices.forEach(i -> accountsByUsageEnd.computeIfAbsent(i.usageBefore(), k -> new ArrayList<>())
                    .add(i.accountId()));
            accountsByUsageEnd.forEach((before, accounts) -> jdbc.update("""
                    UPDATE usage_record SET status = :billed, invoice_id = (SELECT i.id FROM invoice i
                        WHERE i.account_id = usage_record.account_id AND i.cycle_date = :cycle AND i.source = :source)
                    WHERE account_id IN (:accounts) AND status = :rated AND start_time < :before""",
                    new MapSqlParameterSource("accounts", accounts).addValue("before", before)
                            .addValue("cycle", invoices.get(0).cycleDate()).addValue("source", source)
                            .addValue("billed", UsageStatus.BILLED.name()).addValue("rated", UsageStatus.RATED.name())));
            jdbc.batchUpdate("UPDATE one_time_charge SET billed_invoice_id = :invoice WHERE id = :charge",
                    invoices.stream().flatMap(i -> i.chargeIds().stream().map(charge -> new MapSqlParameterSource(
                            "invoice", ids.get(i.accountId())).addValue("charge", charge)))
                            .toArray(MapSqlParameterSource[]::new));
            jdbc.batchUpdate("UPDATE late_fee SET billed_invoice_id = :invoice WHERE id = :fee",
                    invoices.stream().flatMap(i -> i.lateFeeIds().stream().map(fee -> new MapSqlParameterSource(
                            "invoice", ids.get(i.accountId())).addValue("fee", fee)))
                            .toArray(MapSqlParameterSource[]::new));
        }
        // Each account's next bill date, conditional on the old one, in one statement per move (a cycle's
        // chunk: all from the cycle date to the same next date), not one per account.
        Map<List<LocalDate>, List<Long>> byMove = new LinkedHashMap<>();
        chunk.getItems().forEach(i -> byMove.computeIfAbsent(
                Arrays.asList(i.previousNextBillDate(), i.newNextBillDate()), k -> new ArrayList<>()).add(i.accountId()));
        byMove.forEach((move, accounts) -> {
            MapSqlParameterSource params = new MapSqlParameterSource("accounts", accounts)
                    .addValue("previous", move.get(0)).addValue("next", move.get(1));
            int moved = jdbc.update("""
                    UPDATE account SET next_bill_date = :next WHERE id IN (:accounts) AND next_bill_date = :previous""",
                    params);
            if (moved != accounts.size()) {
                // Someone else moved one meanwhile: refuse rather than bill a period twice (the chunk rolls back).
                List<Long> other = jdbc.queryForList("""
                        SELECT id FROM account WHERE id IN (:accounts) AND next_bill_date <> :next ORDER BY id""",
                        params, Long.class);
                throw new IllegalStateException("account " + (other.isEmpty() ? "of " + accounts : other.get(0))
                        + " changed its next bill date while being charged");
            }
        });
    }
}
