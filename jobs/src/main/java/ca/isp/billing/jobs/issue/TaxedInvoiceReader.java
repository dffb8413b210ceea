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
import ca.isp.billing.domain.Money;
import ca.isp.billing.jobs.issue.InvoiceToIssue.Credit;
import ca.isp.billing.jobs.support.InvoiceLineDao;
import ca.isp.billing.jobs.support.KeysetPageReader;

/** Reads the partition's TAXED invoices of the cycle with lines, ledger balances and credits: four queries per page. */
public class TaxedInvoiceReader extends KeysetPageReader<InvoiceToIssue> {

    public TaxedInvoiceReader(NamedParameterJdbcTemplate jdbc, long minId, long maxId, LocalDate cycleDate, int pageSize) {
        super((afterId, size) -> load(jdbc, minId, maxId, cycleDate, afterId, size), InvoiceToIssue::invoiceId, pageSize);
    }

    private static List<InvoiceToIssue> load(NamedParameterJdbcTemplate jdbc, long minId, long maxId,
                                             LocalDate cycleDate, long afterId, int size) {
        List<InvoiceToIssue> page = jdbc.query("""
                SELECT i.id, i.account_id, i.invoice_number, i.invoice_date, a.delivery, a.email
                FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = :cycle AND i.status = :taxed AND i.account_id BETWEEN :min AND :max
                  AND i.id > :after ORDER BY i.id LIMIT :size""",
                new MapSqlParameterSource("cycle", cycleDate).addValue("min", minId).addValue("max", maxId)
                        .addValue("after", afterId).addValue("size", size).addValue("taxed", InvoiceStatus.TAXED.name()),
                (rs, n) -> new InvoiceToIssue(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), List.of(), null, List.of(),
                        DeliveryPreference.valueOf(rs.getString(5)), rs.getString(6)));
        if (page.isEmpty()) {
            return page;
        }
        Map<Long, List<InvoiceLine>> lines = new InvoiceLineDao(jdbc).linesOf(page.stream().map(InvoiceToIssue::invoiceId).toList());
        MapSqlParameterSource accounts = new MapSqlParameterSource("ids",
                page.stream().map(InvoiceToIssue::accountId).distinct().toList());
        Map<Long, BigDecimal> balances = new HashMap<>();
        jdbc.query("SELECT account_id, SUM(amount) FROM account_ledger WHERE account_id IN (:ids) GROUP BY account_id",
                accounts, rs -> {
                    balances.put(rs.getLong(1), rs.getBigDecimal(2));
                });
        Map<Long, List<Credit>> credits = new HashMap<>();
        jdbc.query("""
                SELECT account_id, id, unapplied FROM payment WHERE account_id IN (:ids) AND unapplied > 0
                ORDER BY account_id, received_on, id""", accounts, rs -> {
            credits.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Credit(rs.getLong(2), rs.getBigDecimal(3)));
        });
        return page.stream().map(i -> new InvoiceToIssue(i.invoiceId(), i.accountId(), i.invoiceNumber(),
                i.invoiceDate(), lines.getOrDefault(i.invoiceId(), List.of()),
                Money.round(balances.getOrDefault(i.accountId(), Money.ZERO)),
                credits.getOrDefault(i.accountId(), List.of()), i.delivery(), i.email())).toList();
    }
}
