package ca.isp.billing.jobs.closing;

import static ca.isp.billing.domain.files.SpreadsheetCells.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.BillingCurrency;
import ca.isp.billing.domain.FinalSettlement;
import ca.isp.billing.domain.FinalSettlement.Credit;
import ca.isp.billing.domain.FinalSettlement.CreditSource;
import ca.isp.billing.domain.LedgerEntryType;
import ca.isp.billing.domain.OpenInvoice;
import ca.isp.billing.writers.AtomicFiles;

/**
 * Settles a closed account once its final bill has passed the review gate (cleared or released; a
 * final bill held waits, and close-account run again after the release settles it), in the step's
 * one transaction, by domain.FinalSettlement: the account's credits (payments' unapplied money, the
 * final bill's own credit when it owes the customer money back) pay what it still owes first, oldest
 * first; then REFUND: the rest is paid back, a refund row and a REFUND ledger entry of plus its
 * amount (the balance comes to zero), the credits emptied (unapplied down; a credit invoice's
 * amount_paid down to its total), and the day's list for accounts payable rebuilt,
 * {@code out/refunds/<date>/refunds.csv} (owner-only, text cells that would start a formula
 * neutralised); CARRY: the rest stays on the account as a credit. The closure is then settled.
 * Money that comes after a REFUND closure was settled (a payment on the closed account with nothing
 * left to pay) is settled by close-account run again, by the same rule: a further refund, numbered
 * ({@code refund.sequence_no} 2, 3..., reference {@code RF-<account>-<n>}); with no new credit, a run
 * again changes nothing. A CARRY closure is settled once: what comes later stays on the account.
 */
public class FinalSettlementTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(FinalSettlementTasklet.class);

    static final List<String> COLUMNS = List.of("refund_reference", "account_number", "name", "billing_line1",
            "billing_line2", "billing_city", "billing_region", "billing_postal_code", "billing_country", "amount",
            "currency", "refunded_on", "final_invoice", "closed_on");

    private final NamedParameterJdbcTemplate jdbc;
    private final Path refundsFolder;
    private final Clock clock;
    private final String accountNumber;

    public FinalSettlementTasklet(NamedParameterJdbcTemplate jdbc, Path refundsFolder, Clock clock,
                                  String accountNumber) {
        this.jdbc = jdbc;
        this.refundsFolder = refundsFolder;
        this.clock = clock;
        this.accountNumber = accountNumber;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<Map<String, Object>> closures = jdbc.queryForList("""
                SELECT c.account_id, c.settlement, c.settled, c.final_invoice_id, a.service_country,
                    i.status, i.review_status, i.invoice_number
                FROM account_closure c JOIN account a ON a.id = c.account_id
                LEFT JOIN invoice i ON i.id = c.final_invoice_id
                WHERE a.account_number = :number""", new MapSqlParameterSource("number", accountNumber));
        if (closures.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        Map<String, Object> closure = closures.get(0);
        boolean settled = Boolean.TRUE.equals(closure.get("settled"));
        if (settled && !FinalSettlement.Choice.REFUND.name().equals(closure.get("settlement"))) {
            return RepeatStatus.FINISHED;
        }
        long accountId = ((Number) closure.get("account_id")).longValue();
        String status = (String) closure.get("status");
        String review = (String) closure.get("review_status");
        if (!settled && closure.get("final_invoice_id") != null && !"VOID".equals(status)
                && !("ISSUED".equals(status) && ("CLEARED".equals(review) || "RELEASED".equals(review)))) {
            log.warn("Account {}: final bill {} is {}{}: its credits are settled once it is released", accountNumber,
                    closure.get("invoice_number") == null ? "(no number yet)" : closure.get("invoice_number"), status,
                    review == null ? "" : " / " + review);
            return RepeatStatus.FINISHED;
        }
        FinalSettlement.Choice choice = FinalSettlement.Choice.valueOf((String) closure.get("settlement"));
        MapSqlParameterSource account = new MapSqlParameterSource("account", accountId);
        List<Credit> credits = new ArrayList<>();
        jdbc.query("""
                SELECT id, received_on, unapplied FROM payment WHERE account_id = :account AND unapplied > 0""",
                account, rs -> {
                    credits.add(new Credit(CreditSource.PAYMENT, rs.getLong(1), rs.getObject(2, LocalDate.class),
                            rs.getBigDecimal(3)));
                });
        jdbc.query("""
                SELECT id, invoice_date, amount_paid + amount_written_off - total FROM invoice
                WHERE account_id = :account AND status = 'ISSUED' AND total < amount_paid + amount_written_off""",
                account, rs -> {
                    credits.add(new Credit(CreditSource.INVOICE, rs.getLong(1), rs.getObject(2, LocalDate.class),
                            rs.getBigDecimal(3)));
                });
        List<OpenInvoice> open = jdbc.query("""
                SELECT id, invoice_number, due_date, open_amount FROM open_invoice WHERE account_id = :account""",
                account, (rs, n) -> new OpenInvoice(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getBigDecimal(4)));
        FinalSettlement.Outcome outcome = FinalSettlement.settle(credits, open, choice);
        for (FinalSettlement.Use use : outcome.uses()) {
            MapSqlParameterSource p = new MapSqlParameterSource("credit", use.credit().id())
                    .addValue("invoice", use.invoiceId()).addValue("amount", use.amount());
            jdbc.update("UPDATE invoice SET amount_paid = amount_paid + :amount WHERE id = :invoice", p);
            if (use.credit().source() == CreditSource.PAYMENT) {
                // the payment pays that invoice now, as if it had come after it
                jdbc.update("UPDATE payment SET unapplied = unapplied - :amount WHERE id = :credit", p);
                if (jdbc.update("""
                        UPDATE payment_allocation SET amount = amount + :amount
                        WHERE payment_id = :credit AND invoice_id = :invoice""", p) == 0) {
                    jdbc.update("""
                            INSERT INTO payment_allocation (payment_id, invoice_id, amount)
                            VALUES (:credit, :invoice, :amount)""", p);
                }
            } else {
                // the credit invoice gives what it owed back to the invoice it pays
                jdbc.update("UPDATE invoice SET amount_paid = amount_paid - :amount WHERE id = :credit", p);
            }
        }
        LocalDate today = LocalDate.now(clock);
        if (outcome.refund().signum() > 0) {
            // the first refund of the closure is RF-<account>; money refunded after it RF-<account>-2, -3...
            int sequence = jdbc.queryForObject("SELECT COUNT(*) FROM refund WHERE account_id = :account", account,
                    Integer.class) + 1;
            String reference = "RF-" + accountNumber + (sequence == 1 ? "" : "-" + sequence);
            MapSqlParameterSource refund = new MapSqlParameterSource("reference", reference).addValue("account", accountId)
                    .addValue("sequence", sequence)
                    .addValue("amount", outcome.refund()).addValue("today", today)
                    .addValue("currency", BillingCurrency.forServiceCountry((String) closure.get("service_country")).name())
                    .addValue("invoice", closure.get("final_invoice_id")).addValue("type", LedgerEntryType.REFUND.name());
            jdbc.update("""
                    INSERT INTO refund (reference, account_id, sequence_no, amount, currency, refunded_on, final_invoice_id)
                    VALUES (:reference, :account, :sequence, :amount, :currency, :today, :invoice)""", refund);
            jdbc.update("""
                    INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount)
                    VALUES (:account, :today, :type, :reference, :amount)""", refund);
            for (FinalSettlement.Payout payout : outcome.payouts()) {
                MapSqlParameterSource p = new MapSqlParameterSource("credit", payout.credit().id())
                        .addValue("amount", payout.amount());
                if (payout.credit().source() == CreditSource.PAYMENT) {
                    jdbc.update("UPDATE payment SET unapplied = unapplied - :amount WHERE id = :credit", p);
                } else {
                    jdbc.update("UPDATE invoice SET amount_paid = amount_paid - :amount WHERE id = :credit", p);
                }
            }
            AtomicFiles.write(refundsFolder.resolve(today.toString()), "refunds.csv", refundList(today));
            contribution.incrementWriteCount(1);
        }
        if (settled && outcome.uses().isEmpty() && outcome.refund().signum() == 0) {
            return RepeatStatus.FINISHED;
        }
        jdbc.update("UPDATE account_closure SET settled = TRUE WHERE account_id = :account", account);
        log.info("Account {} settled ({}{}): refunded {}, credit carried {}, still owed {}", accountNumber, choice,
                settled ? ", money that came after the closure" : "",
                outcome.refund().toPlainString(), outcome.carried().toPlainString(), outcome.stillOwed().toPlainString());
        return RepeatStatus.FINISHED;
    }

    /** The refunds of the day, in account order, with what accounts payable needs to send a cheque. */
    private byte[] refundList(LocalDate day) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).setRecordSeparator("\n").get())) {
            jdbc.query("""
                    SELECT r.reference, a.account_number, a.name, a.billing_line1, a.billing_line2, a.billing_city,
                        a.billing_region, a.billing_postal_code, a.billing_country, r.amount, r.currency, r.refunded_on,
                        i.invoice_number, c.closed_on
                    FROM refund r JOIN account a ON a.id = r.account_id
                    JOIN account_closure c ON c.account_id = r.account_id
                    LEFT JOIN invoice i ON i.id = r.final_invoice_id
                    WHERE r.refunded_on = :day ORDER BY a.account_number, r.sequence_no""", new MapSqlParameterSource("day", day), rs -> {
                try {
                    printer.printRecord(text(rs.getString(1)), text(rs.getString(2)), text(rs.getString(3)),
                            cell(rs.getString(4)), cell(rs.getString(5)), cell(rs.getString(6)), cell(rs.getString(7)),
                            cell(rs.getString(8)), cell(rs.getString(9)), rs.getBigDecimal(10).toPlainString(),
                            rs.getString(11), rs.getObject(12, LocalDate.class), cell(rs.getString(13)),
                            rs.getObject(14, LocalDate.class));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String cell(String value) {
        return value == null ? "" : text(value);
    }
}
