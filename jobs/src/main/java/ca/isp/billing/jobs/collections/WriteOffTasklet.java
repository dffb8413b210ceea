package ca.isp.billing.jobs.collections;

import static ca.isp.billing.domain.files.SpreadsheetCells.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

import ca.isp.billing.domain.AccountStatus;
import ca.isp.billing.domain.LedgerEntryType;
import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.WriteOffPolicy;
import ca.isp.billing.writers.AtomicFiles;

/**
 * Writes off the balances collections gave up on (WriteOffPolicy), then writes the day's list for
 * the collection agency, {@code out/collections/<date>/agency.csv}. Per account written off, in
 * the step's one transaction: each invoice left open gets a write_off row, a WRITE_OFF ledger entry
 * of minus its open amount and its amount_written_off; the account becomes WRITTEN_OFF (a
 * delinquency event records it). A balance open again on a WRITTEN_OFF account (a returned
 * payment, an invoice the review gate released late) is written off again the same day
 * (WriteOffPolicy.writesOffAgain): write-off n of the invoice, WO-<invoice>-<n>; the status stays.
 * A CLOSED account whose final bill stays unpaid is written off like a SUSPENDED one. Only invoices the customer was sent
 * count (cleared or released by the review gate, or imported), as for late fees. The list is
 * rebuilt from the day's write-offs, so the same date run twice writes nothing more and the same
 * bytes.
 */
public class WriteOffTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteOffTasklet.class);

    static final List<String> COLUMNS = List.of("account_number", "name", "customer_type", "language", "email",
            "billing_line1", "billing_line2", "billing_city", "billing_region", "billing_postal_code",
            "billing_country", "amount_written_off", "invoices", "oldest_due_date", "last_payment_date",
            "written_off_on");

    private final NamedParameterJdbcTemplate jdbc;
    private final WriteOffPolicy policy;
    private final Path folder;
    private final LocalDate date;

    public WriteOffTasklet(NamedParameterJdbcTemplate jdbc, WriteOffPolicy policy, Path collectionsFolder,
                           LocalDate date) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.folder = collectionsFolder.resolve(date.toString());
        this.date = date;
    }

    /** An open invoice of an account that may be written off, and how many write-offs it had already. */
    private record OpenInvoice(long id, String number, LocalDate dueDate, BigDecimal open, int writtenOffBefore) {

        /** WO-<invoice> the first time, WO-<invoice>-<n> the n-th. */
        String reference() {
            return writtenOffBefore == 0 ? "WO-" + number : "WO-" + number + "-" + (writtenOffBefore + 1);
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        MapSqlParameterSource params = new MapSqlParameterSource("suspended", AccountStatus.SUSPENDED.name())
                .addValue("writtenOff", AccountStatus.WRITTEN_OFF.name()).addValue("closed", AccountStatus.CLOSED.name())
                .addValue("dueBy", policy.dueOnOrBefore(date)).addValue("date", date);
        // the suspended accounts whose oldest unpaid invoice is old enough, with all their open invoices; and
        // written-off accounts with a balance open again (a returned payment, an invoice released late).
        // A closed account waits while its final bill is not settled (held for review): its credit
        // pays what it owes first, only the rest is written off.
        Map<Long, List<OpenInvoice>> byAccount = new LinkedHashMap<>();
        Map<Long, AccountStatus> statuses = new LinkedHashMap<>();
        jdbc.query("""
                SELECT a.id, a.status, i.id, i.invoice_number, i.due_date, i.open_amount,
                    (SELECT COUNT(*) FROM write_off w WHERE w.invoice_id = i.id)
                FROM account a JOIN open_invoice i ON i.account_id = a.id
                WHERE (a.status = :writtenOff OR (a.status IN (:suspended, :closed)
                       AND NOT EXISTS (SELECT 1 FROM account_closure c WHERE c.account_id = a.id AND c.settled = FALSE)
                       AND EXISTS (SELECT 1 FROM open_invoice o WHERE o.account_id = a.id AND o.due_date <= :dueBy)))
                  AND (i.review_status IN ('CLEARED', 'RELEASED')
                       OR EXISTS (SELECT 1 FROM invoice v WHERE v.id = i.id AND v.origin = 'IMPORTED'))
                ORDER BY a.account_number, i.due_date, i.invoice_number""", params, rs -> {
            statuses.put(rs.getLong(1), AccountStatus.valueOf(rs.getString(2)));
            byAccount.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new OpenInvoice(rs.getLong(3),
                    rs.getString(4), rs.getObject(5, LocalDate.class), rs.getBigDecimal(6), rs.getInt(7)));
        });
        List<MapSqlParameterSource> writeOffs = new ArrayList<>();
        List<MapSqlParameterSource> accounts = new ArrayList<>();
        BigDecimal total = Money.ZERO;
        for (Map.Entry<Long, List<OpenInvoice>> account : byAccount.entrySet()) {
            List<OpenInvoice> invoices = account.getValue();
            LocalDate oldest = invoices.get(0).dueDate();
            AccountStatus status = statuses.get(account.getKey());
            boolean again = policy.writesOffAgain(status);
            if (!again && !policy.writesOff(oldest, status, date)) {
                continue;
            }
            BigDecimal balance = Money.ZERO;
            for (OpenInvoice invoice : invoices) {
                writeOffs.add(new MapSqlParameterSource("account", account.getKey()).addValue("invoice", invoice.id())
                        .addValue("reference", invoice.reference()).addValue("sequence", invoice.writtenOffBefore() + 1)
                        .addValue("amount", invoice.open())
                        .addValue("negated", invoice.open().negate()).addValue("due", invoice.dueDate())
                        .addValue("date", date).addValue("type", LedgerEntryType.WRITE_OFF.name()));
                balance = balance.add(invoice.open());
            }
            if (!again) {
                accounts.add(new MapSqlParameterSource("account", account.getKey()).addValue("date", date)
                        .addValue("from", status.name()).addValue("to", AccountStatus.WRITTEN_OFF.name())
                        .addValue("overdue", balance).addValue("oldest", oldest));
            }
            total = total.add(balance);
        }
        MapSqlParameterSource[] rows = writeOffs.toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("""
                INSERT INTO write_off (reference, account_id, invoice_id, amount, due_date, written_off_on, sequence_no)
                VALUES (:reference, :account, :invoice, :amount, :due, :date, :sequence)""", rows);
        jdbc.batchUpdate("""
                INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount)
                VALUES (:account, :date, :type, :reference, :negated)""", rows);
        jdbc.batchUpdate("UPDATE invoice SET amount_written_off = amount_written_off + :amount WHERE id = :invoice", rows);
        MapSqlParameterSource[] changes = accounts.toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("UPDATE account SET status = :to, status_since = :date WHERE id = :account AND status = :from",
                changes);
        jdbc.batchUpdate("""
                INSERT INTO delinquency_event (account_id, event_date, from_status, to_status, overdue_amount, oldest_due_date)
                VALUES (:account, :date, :from, :to, :overdue, :oldest)""", changes);
        if (rows.length > 0) {
            log.info("Written off {}: {} accounts newly, {} invoice write-offs", total.toPlainString(), accounts.size(),
                    rows.length);
        }
        contribution.incrementWriteCount(rows.length);
        if (policy.enabled() || rows.length > 0) {
            AtomicFiles.write(folder, "agency.csv", agencyList());
        }
        return RepeatStatus.FINISHED;
    }

    /** What payments recovered of the write-off {@code w} since (bad-debt recoveries). */
    private static final String RECOVERED =
            "COALESCE((SELECT SUM(r.amount) FROM write_off_recovery r WHERE r.write_off_id = w.id), 0)";

    /**
     * The accounts written off on the date, with what the agency needs to collect, in account order:
     * what is still written off of that day's write-offs (less what payments recovered of them since;
     * a write-off recovered in full is no longer listed).
     */
    private byte[] agencyList() {
        Map<String, List<String>> invoices = new LinkedHashMap<>();
        jdbc.query("""
                SELECT DISTINCT a.account_number, i.invoice_number FROM write_off w JOIN invoice i ON i.id = w.invoice_id
                JOIN account a ON a.id = w.account_id
                WHERE w.written_off_on = :date AND w.amount > :recovered
                ORDER BY a.account_number, i.invoice_number""".replace(":recovered", RECOVERED),
                new MapSqlParameterSource("date", date), rs -> {
                    invoices.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).setRecordSeparator("\n").get())) {
            jdbc.query("""
                    SELECT a.account_number, a.name, a.customer_type, a.language, a.email, a.billing_line1,
                        a.billing_line2, a.billing_city, a.billing_region, a.billing_postal_code, a.billing_country,
                        SUM(w.amount - :recovered), MIN(w.due_date),
                        (SELECT MAX(p.received_on) FROM payment p WHERE p.account_id = a.id)
                    FROM write_off w JOIN account a ON a.id = w.account_id
                    WHERE w.written_off_on = :date AND w.amount > :recovered
                    GROUP BY a.id, a.account_number, a.name, a.customer_type, a.language, a.email,
                        a.billing_line1, a.billing_line2, a.billing_city, a.billing_region, a.billing_postal_code,
                        a.billing_country
                    ORDER BY a.account_number""".replace(":recovered", RECOVERED), new MapSqlParameterSource("date", date),
                    rs -> {
                try {
                    String account = rs.getString(1);
                    printer.printRecord(text(account), text(rs.getString(2)), rs.getString(3), rs.getString(4),
                            cell(rs.getString(5)), text(rs.getString(6)), cell(rs.getString(7)), text(rs.getString(8)),
                            text(rs.getString(9)), text(rs.getString(10)), rs.getString(11),
                            rs.getBigDecimal(12).toPlainString(), text(String.join("|", invoices.get(account))),
                            rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class), date);
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
