package ca.isp.billing.jobs.collections;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.AccountStatus;
import ca.isp.billing.domain.Money;
import ca.isp.billing.jobs.support.KeysetPageReader;

/**
 * Reads every account with its overdue total and oldest unpaid due date: one query per page. Only
 * invoices the customer was sent count (as for late fees: cleared or released by the review gate,
 * or imported from the previous system).
 */
public class AccountStandingReader extends KeysetPageReader<AccountStanding, Long> {

    public AccountStandingReader(NamedParameterJdbcTemplate jdbc, LocalDate asOf, int pageSize) {
        this(jdbc, Long.MIN_VALUE + 1, Long.MAX_VALUE, asOf, pageSize);
    }

    /** The accounts from minId to maxId (one partition). */
    public AccountStandingReader(NamedParameterJdbcTemplate jdbc, long minId, long maxId, LocalDate asOf, int pageSize) {
        super((afterId, size) -> jdbc.query("""
                SELECT a.id, a.status, a.status_since, MIN(i.due_date), SUM(i.open_amount)
                FROM account a LEFT JOIN open_invoice i ON i.account_id = a.id AND i.due_date < :asOf
                    AND (i.review_status IN ('CLEARED', 'RELEASED')
                         OR EXISTS (SELECT 1 FROM invoice v WHERE v.id = i.id AND v.origin = 'IMPORTED'))
                WHERE a.id > :after AND a.id <= :max GROUP BY a.id, a.status, a.status_since ORDER BY a.id LIMIT :size""",
                new MapSqlParameterSource("asOf", asOf).addValue("after", afterId).addValue("size", size)
                        .addValue("max", maxId),
                (rs, n) -> {
                    BigDecimal overdue = rs.getBigDecimal(5);
                    return new AccountStanding(rs.getLong(1), AccountStatus.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class), overdue == null ? Money.ZERO : overdue);
                }), AccountStanding::accountId, minId - 1, pageSize);
    }
}
