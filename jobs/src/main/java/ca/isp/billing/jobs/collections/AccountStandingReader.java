package ca.isp.billing.jobs.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.AccountStatus;
import ca.isp.billing.domain.Money;
import ca.isp.billing.jobs.support.KeysetPageReader;

/**
 * Reads every account with its overdue total and oldest unpaid due date: two queries per page,
 * the page's accounts (the next ids of the range), then the overdue invoices of those ids alone.
 * Only invoices the customer was sent count (as for late fees: cleared or released by the review
 * gate, or imported from the previous system).
 *
 * <p>(One query, accounts LEFT JOIN invoices GROUP BY the account's id, status and date, grouped
 * and sorted every account left in the partition for each page before keeping the first ones on
 * MariaDB: a cost that grew with the square of the partition, issue 15.)
 */
public class AccountStandingReader extends KeysetPageReader<AccountStanding, Long> {

    public AccountStandingReader(NamedParameterJdbcTemplate jdbc, LocalDate asOf, int pageSize) {
        this(jdbc, Long.MIN_VALUE + 1, Long.MAX_VALUE, asOf, pageSize);
    }

    /** The accounts from minId to maxId (one partition). */
    public AccountStandingReader(NamedParameterJdbcTemplate jdbc, long minId, long maxId, LocalDate asOf, int pageSize) {
        super((afterId, size) -> page(jdbc, afterId, maxId, asOf, size), AccountStanding::accountId, keyBefore(minId),
                pageSize);
    }

    private record Account(long id, AccountStatus status, LocalDate statusSince) {
    }

    private record Overdue(LocalDate oldestDueDate, BigDecimal amount) {
    }

    private static List<AccountStanding> page(NamedParameterJdbcTemplate jdbc, long afterId, long maxId, LocalDate asOf,
                                              int size) {
        List<Account> accounts = jdbc.query("""
                SELECT id, status, status_since FROM account WHERE id > :after AND id <= :max ORDER BY id LIMIT :size""",
                new MapSqlParameterSource("after", afterId).addValue("max", maxId).addValue("size", size),
                (rs, n) -> new Account(rs.getLong(1), AccountStatus.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class)));
        if (accounts.isEmpty()) {
            return List.of();
        }
        Map<Long, Overdue> overdue = new HashMap<>();
        jdbc.query("""
                SELECT i.account_id, MIN(i.due_date), SUM(i.open_amount) FROM open_invoice i
                WHERE i.account_id > :after AND i.account_id <= :upTo AND i.due_date < :asOf
                  AND (i.review_status IN ('CLEARED', 'RELEASED')
                       OR EXISTS (SELECT 1 FROM invoice v WHERE v.id = i.id AND v.origin = 'IMPORTED'))
                GROUP BY i.account_id""",
                new MapSqlParameterSource("after", afterId).addValue("upTo", accounts.get(accounts.size() - 1).id())
                        .addValue("asOf", asOf),
                rs -> {
                    overdue.put(rs.getLong(1), new Overdue(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)));
                });
        return accounts.stream().map(a -> {
            Overdue o = overdue.get(a.id());
            return new AccountStanding(a.id(), a.status(), a.statusSince(), o == null ? null : o.oldestDueDate(),
                    o == null || o.amount() == null ? Money.ZERO : o.amount());
        }).toList();
    }
}
