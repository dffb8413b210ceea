package ca.isp.billing.jobs.closing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.AccountStatus;
import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.jobs.charge.AccountChargeProcessor;
import ca.isp.billing.jobs.charge.AccountToBill;
import ca.isp.billing.jobs.charge.DraftInvoice;
import ca.isp.billing.jobs.charge.DraftInvoiceWriter;
import ca.isp.billing.jobs.charge.DueAccountReader;
import ca.isp.billing.jobs.support.CloseAccountJob;

/**
 * The first step of close-account: in one transaction, the account's closure recorded
 * ({@code account_closure}: the last day of service, who, what its credits become), its
 * subscriptions ended on that day, its final bill drafted by the cycle's own charge rules
 * (AccountChargeProcessor on the account as DueAccountReader.closing reads it: the terms billed in
 * advance beyond the last day credited by RecurringCharger's cancellation repairs, a term not billed
 * yet charged to that day, usage up to and including the day, pending late fees and one-time
 * charges) and written by the cycle's DraftInvoiceWriter as an invoice of source FINAL dated the day
 * the closure was asked for, and the account made CLOSED. The next steps (the cycle's tax, invoice,
 * review gate, render, hand-off) finish it as they finish an invoice-now invoice. An account closed
 * already is left as it is: a second run makes no second final bill (the closure's primary key and
 * the invoice's key refuse one anyway).
 */
public class FinalBillTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(FinalBillTasklet.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final AccountChargeProcessor charger;
    private final boolean billSuspended;
    private final String accountNumber;
    private final LocalDate requestedOn;
    private final LocalDate lastDay;
    private final String settlement;
    private final String by;

    public FinalBillTasklet(NamedParameterJdbcTemplate jdbc, AccountChargeProcessor charger, boolean billSuspended,
                            String accountNumber, LocalDate requestedOn, LocalDate lastDay, String settlement,
                            String by) {
        this.jdbc = jdbc;
        this.charger = charger;
        this.billSuspended = billSuspended;
        this.accountNumber = accountNumber;
        this.requestedOn = requestedOn;
        this.lastDay = lastDay;
        this.settlement = settlement;
        this.by = by;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        contribution.incrementReadCount();
        MapSqlParameterSource params = new MapSqlParameterSource("number", accountNumber).addValue("day", lastDay)
                .addValue("requested", requestedOn).addValue("settlement", settlement).addValue("by", by)
                .addValue("closed", AccountStatus.CLOSED.name());
        List<Long> ids = jdbc.queryForList("SELECT id FROM account WHERE account_number = :number", params, Long.class);
        if (ids.isEmpty()) {
            throw new IllegalStateException("no account " + accountNumber);
        }
        long accountId = ids.get(0);
        params.addValue("account", accountId);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM account_closure WHERE account_id = :account", params,
                Integer.class) > 0) {
            log.info("Account {} is closed already: no second final bill", accountNumber);
            return RepeatStatus.FINISHED;
        }
        jdbc.update("""
                INSERT INTO account_closure (account_id, closed_on, requested_on, settlement, settled, closed_by)
                VALUES (:account, :day, :requested, :settlement, FALSE, :by)""", params);
        // service ends on the last day (end_date is the last day served)
        int ended = jdbc.update("""
                UPDATE subscription SET end_date = :day
                WHERE account_id = :account AND (end_date IS NULL OR end_date > :day)""", params);
        AccountToBill account = DueAccountReader.closing(jdbc, accountId, requestedOn, lastDay, billSuspended);
        DraftInvoice charged = charger.process(account);
        if (charged == null) {
            // the charge rules refused the account (logged with the reason): nothing is closed
            throw new IllegalStateException("account " + accountNumber + " could not be charged for its final bill"
                    + " (the reason is logged above): fix it and run close-account again");
        }
        // the final bill's period ends on the last day of service; its usage is what started by then
        LocalDate start = charged.lines().stream().map(InvoiceLine::periodStart).filter(d -> d != null)
                .min(LocalDate::compareTo).orElse(lastDay);
        DraftInvoice finalBill = new DraftInvoice(charged.accountId(), requestedOn, start.isAfter(lastDay) ? lastDay : start,
                lastDay, charged.language(), charged.currency(), charged.lines(), charged.itemsByLineKey(),
                charged.discountsByLineKey(), charged.previousNextBillDate(), charged.newNextBillDate(),
                lastDay.plusDays(1), charged.lateFeeIds(), charged.chargeIds(), charged.usagePlansByLineKey());
        new DraftInvoiceWriter(jdbc, CloseAccountJob.FINAL).write(new Chunk<>(new ArrayList<>(List.of(finalBill))));
        jdbc.update("""
                UPDATE account_closure SET final_invoice_id = (SELECT id FROM invoice WHERE account_id = :account
                    AND cycle_date = :requested AND source = 'FINAL') WHERE account_id = :account""", params);
        jdbc.update("UPDATE account SET status = :closed, status_since = :day WHERE id = :account", params);
        contribution.incrementWriteCount(finalBill.hasLines() ? 1 : 0);
        log.info("Account {} closed on {} ({} subscriptions ended): final bill with {} lines, credits to {}",
                accountNumber, lastDay, ended, finalBill.lines().size(), settlement);
        return RepeatStatus.FINISHED;
    }
}
