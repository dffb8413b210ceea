package ca.isp.billing.jobs.collections;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ca.isp.billing.domain.AccountStatus;
import ca.isp.billing.jobs.support.RunGuard;

/**
 * run.sh account reinstate A --by NAME: brings a WRITTEN_OFF account back to ACTIVE (a customer who
 * settled with the agency, a write-off made in error), under the run guard, in one transaction:
 * the status and its day, a delinquency event WRITTEN_OFF -> ACTIVE (collections' own history) and
 * an {@code account_reinstatement} row with who and when (the audit). The write-offs stay as they
 * are (ledger entries are never undone; money the agency recovers comes in as a payment). The
 * cycle bills the account again from its next bill date on (one far behind needs --force, as any).
 */
@Component
public class AccountReinstatement {

    private static final Logger log = LoggerFactory.getLogger(AccountReinstatement.class);

    /** Refused, with the reason; nothing was changed. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Who brought the account back and when; {@code already}: it was not written off (nothing done). */
    public record Reinstated(String accountNumber, String by, LocalDateTime at, boolean already) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RunGuard guard;
    private final Clock clock;

    public AccountReinstatement(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                RunGuard guard, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.guard = guard;
        this.clock = clock;
    }

    public Reinstated reinstate(String accountNumber, String by) {
        try (RunGuard.Held ignored = guard.tryAcquire().orElseThrow(() -> new Refused(
                "a billing run is in progress on this database: reinstate when it has ended (nothing was changed)"))) {
            return transaction.execute(status -> reinstateLocked(accountNumber, by));
        }
    }

    private Reinstated reinstateLocked(String accountNumber, String by) {
        MapSqlParameterSource p = new MapSqlParameterSource("number", accountNumber);
        List<Map<String, Object>> found = jdbc.queryForList("SELECT id, status FROM account WHERE account_number = :number", p);
        if (found.isEmpty()) {
            throw new Refused("unknown account '" + accountNumber + "' (nothing was changed)");
        }
        long id = ((Number) found.get(0).get("id")).longValue();
        String status = (String) found.get(0).get("status");
        LocalDateTime now = LocalDateTime.now(clock);
        if (!AccountStatus.WRITTEN_OFF.name().equals(status)) {
            List<Map<String, Object>> last = jdbc.queryForList("""
                    SELECT reinstated_by, reinstated_at FROM account_reinstatement WHERE account_id = :id
                    ORDER BY id DESC""", new MapSqlParameterSource("id", id));
            if (!last.isEmpty() && AccountStatus.ACTIVE.name().equals(status)) {
                Object at = last.get(0).get("reinstated_at");
                return new Reinstated(accountNumber, (String) last.get(0).get("reinstated_by"),
                        at instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) at, true);
            }
            throw new Refused("account " + accountNumber + " is " + status + ", not written off: nothing to reinstate");
        }
        // A closed account has left: reinstating it would bill its pending fees to a customer who
        // is gone. Its write-offs stay with the agency, and a payment still recovers them.
        if (jdbc.queryForObject("SELECT COUNT(*) FROM account_closure WHERE account_id = :id",
                new MapSqlParameterSource("id", id), Integer.class) > 0) {
            throw new Refused("account " + accountNumber + " was closed (close-account) before it was written off:"
                    + " it is not reinstated (a payment still recovers its write-offs; nothing was changed)");
        }
        LocalDate today = now.toLocalDate();
        MapSqlParameterSource row = new MapSqlParameterSource("id", id).addValue("today", today).addValue("now", now)
                .addValue("by", by).addValue("from", AccountStatus.WRITTEN_OFF.name())
                .addValue("to", AccountStatus.ACTIVE.name());
        if (jdbc.update("UPDATE account SET status = :to, status_since = :today WHERE id = :id AND status = :from",
                row) != 1) {
            throw new Refused("account " + accountNumber + " changed meanwhile: nothing was changed");
        }
        BigDecimal owed = jdbc.queryForObject(
                "SELECT COALESCE(SUM(open_amount), 0) FROM open_invoice WHERE account_id = :id", row, BigDecimal.class);
        jdbc.update("""
                INSERT INTO delinquency_event (account_id, event_date, from_status, to_status, overdue_amount, oldest_due_date)
                VALUES (:id, :today, :from, :to, :owed, NULL)""", row.addValue("owed", owed));
        jdbc.update("""
                INSERT INTO account_reinstatement (account_id, reinstated_at, reinstated_by, previous_status)
                VALUES (:id, :now, :by, :from)""", row);
        log.info("Account {} reinstated (WRITTEN_OFF -> ACTIVE) by {}", accountNumber, by);
        return new Reinstated(accountNumber, by, now, false);
    }
}
