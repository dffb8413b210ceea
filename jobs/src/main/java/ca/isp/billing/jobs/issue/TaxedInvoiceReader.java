package ca.isp.billing.jobs.issue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.DeliveryPreference;
import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.jobs.issue.InvoiceToIssue.Credit;
import ca.isp.billing.jobs.issue.InvoiceToIssue.NewEntry;
import ca.isp.billing.jobs.support.InvoiceLineDao;
import ca.isp.billing.jobs.support.InvoiceScope;
import ca.isp.billing.jobs.support.KeysetPageReader;

/**
 * Reads the cycle's TAXED invoices in account-number order (the order numbers are given in),
 * with their lines, the account's last statement balance, the ledger entries no statement has
 * shown yet (StatementLedger: statements the customer received) and its credits: six queries per page
 * (seven when a window of accounts holds too few invoices).
 */
public class TaxedInvoiceReader extends KeysetPageReader<InvoiceToIssue, String> {

    public TaxedInvoiceReader(NamedParameterJdbcTemplate jdbc, LocalDate cycleDate, int pageSize) {
        this(jdbc, cycleDate, pageSize, InvoiceScope.of(null));
    }

    /** The invoices of the scope: the cycle's, or one account's quote invoices (invoice-now). */
    public TaxedInvoiceReader(NamedParameterJdbcTemplate jdbc, LocalDate cycleDate, int pageSize, InvoiceScope scope) {
        super((afterAccount, size) -> load(jdbc, cycleDate, afterAccount, size, scope), InvoiceToIssue::accountNumber,
                "", pageSize);
    }

    private static List<InvoiceToIssue> load(NamedParameterJdbcTemplate jdbc, LocalDate cycleDate,
                                             String afterAccount, int size, InvoiceScope scope) {
        List<InvoiceToIssue> page;
        if (scope.accountNumber() != null) {
            // one account's quote invoices: its own few rows
            page = invoices(jdbc, cycleDate, afterAccount, null, size, scope);
        } else {
            // The cycle's: a window of the next accounts by number, then their invoices. Asked for
            // "after this number" alone, the database took every TAXED invoice left and sorted them by
            // account number for each page: a cost that grew with the cycle (issue 15).
            page = new ArrayList<>();
            String after = afterAccount;
            while (page.size() < size) {
                List<String> window = jdbc.queryForList("""
                        SELECT account_number FROM account WHERE account_number > :after
                        ORDER BY account_number LIMIT :size""",
                        new MapSqlParameterSource("after", after).addValue("size", 2 * size), String.class);
                if (window.isEmpty()) {
                    break;
                }
                String upTo = window.get(window.size() - 1);
                page.addAll(invoices(jdbc, cycleDate, after, upTo, size - page.size(), scope));
                if (window.size() < 2 * size) {
                    break;
                }
                after = upTo;
            }
        }
        if (page.isEmpty()) {
            return page;
        }
        Map<Long, List<InvoiceLine>> lines = new InvoiceLineDao(jdbc).linesOf(page.stream().map(InvoiceToIssue::invoiceId).toList());
        List<Long> accountIds = page.stream().map(InvoiceToIssue::accountId).distinct().toList();
        MapSqlParameterSource accounts = new MapSqlParameterSource("ids", accountIds);
        // What the last statement received asked for (none: no statement yet), and what none has shown
        StatementLedger ledger = new StatementLedger(jdbc);
        Map<Long, BigDecimal> lastStatement = ledger.balanceOnLastStatement(accountIds);
        Map<Long, List<NewEntry>> newEntries = ledger.unshownEntries(accountIds);
        Map<Long, List<Credit>> credits = new HashMap<>();
        jdbc.query("""
                SELECT account_id, id, unapplied FROM payment WHERE account_id IN (:ids) AND unapplied > 0
                ORDER BY account_id, received_on, id""", accounts, rs -> {
            credits.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Credit(rs.getLong(2), rs.getBigDecimal(3)));
        });
        return page.stream().map(i -> new InvoiceToIssue(i.invoiceId(), i.accountId(), i.accountNumber(),
                i.invoiceDate(), lines.getOrDefault(i.invoiceId(), List.of()), lastStatement.get(i.accountId()),
                newEntries.getOrDefault(i.accountId(), List.of()), credits.getOrDefault(i.accountId(), List.of()),
                i.delivery(), i.email(), i.customerType())).toList();
    }

    /** The TAXED invoices of the accounts numbered after {@code after} and up to {@code upTo} (null: no end). */
    private static List<InvoiceToIssue> invoices(NamedParameterJdbcTemplate jdbc, LocalDate cycleDate, String after,
                                                 String upTo, int size, InvoiceScope scope) {
        return jdbc.query("""
                SELECT i.id, i.account_id, a.account_number, i.invoice_date, a.delivery, a.email, a.customer_type
                FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = :cycle AND i.status = :taxed AND a.account_number > :after AND """ + scope.sql("i")
                + (upTo == null ? "" : " AND a.account_number <= :upTo ") + """
                ORDER BY a.account_number, i.id LIMIT :size""",
                scope.bind(new MapSqlParameterSource("cycle", cycleDate).addValue("after", after).addValue("upTo", upTo)
                        .addValue("size", size).addValue("taxed", InvoiceStatus.TAXED.name())),
                (rs, n) -> new InvoiceToIssue(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), List.of(), null, List.of(), List.of(),
                        DeliveryPreference.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7)));
    }
}
