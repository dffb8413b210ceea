package ca.isp.billing.jobs.charge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.BillingCurrency;
import ca.isp.billing.domain.BillingPeriod;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.Subscription;
import ca.isp.billing.domain.UsageStatus;
import ca.isp.billing.jobs.charge.AccountToBill.PendingLateFee;
import ca.isp.billing.jobs.charge.AccountToBill.UsageTotals;
import ca.isp.billing.jobs.support.KeysetPageReader;

/**
 * Reads the accounts of one partition (account id range) due on or before the cycle date, a
 * page at a time, with their subscriptions, unbilled usage totals and pending late fees: four
 * queries per page. An account billed already has moved its next bill date past the cycle, so
 * a restart finds only the accounts still to bill.
 */
public class DueAccountReader extends KeysetPageReader<AccountToBill, Long> {

    public DueAccountReader(NamedParameterJdbcTemplate jdbc, long minId, long maxId, LocalDate cycleDate, int pageSize) {
        super((afterId, size) -> load(jdbc, minId, maxId, cycleDate, afterId, size), AccountToBill::accountId, Long.MIN_VALUE, pageSize);
    }

    /**
     * Sums daily usage into the account periods it belongs to, counted back month by month from
     * the next bill date (as PlanCharger counts forward), oldest period first.
     */
    static List<UsageTotals> byPeriod(TreeMap<LocalDate, BigInteger[]> days, LocalDate nextBillDate) {
        List<UsageTotals> periods = new ArrayList<>();
        int monthsBack = 1;
        LocalDate end = nextBillDate;
        while (!days.isEmpty() && days.firstKey().isBefore(end)) {
            LocalDate start = nextBillDate.minusMonths(monthsBack);
            BigInteger data = BigInteger.ZERO;
            BigInteger voice = BigInteger.ZERO;
            for (BigInteger[] day : days.subMap(start, end).values()) {
                data = data.add(day[0]);
                voice = voice.add(day[1]);
            }
            if (data.signum() > 0 || voice.signum() > 0) {
                periods.add(0, new UsageTotals(new BillingPeriod(start, end), data, voice));
            }
            monthsBack++;
            end = start;
        }
        return periods;
    }

    private record DueAccount(long id, String number, String language, String country, LocalDate nextBillDate) {
    }

    private static List<AccountToBill> load(NamedParameterJdbcTemplate jdbc, long minId, long maxId,
                                            LocalDate cycleDate, long afterId, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource("min", Math.max(minId, afterId + 1))
                .addValue("max", maxId).addValue("cycle", cycleDate).addValue("size", size);
        List<DueAccount> accounts = jdbc.query("""
                SELECT id, account_number, language, service_country, next_bill_date FROM account
                WHERE id BETWEEN :min AND :max AND next_bill_date <= :cycle ORDER BY id LIMIT :size""", params,
                (rs, n) -> new DueAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class)));
        if (accounts.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", accounts.stream().map(DueAccount::id).toList())
                .addValue("rated", UsageStatus.RATED.name());

        Map<Long, List<Subscription>> subscriptions = new HashMap<>();
        jdbc.query("""
                SELECT account_id, subscription_id, plan_code, start_date, end_date FROM subscription
                WHERE account_id IN (:ids) ORDER BY account_id, subscription_id""", ids, rs -> {
            subscriptions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Subscription(
                    rs.getString(2), rs.getString(3), null, rs.getObject(4, LocalDate.class),
                    rs.getObject(5, LocalDate.class)));
        });

        // Usage is billed in arrears: what started before the first day of the period billed now,
        // summed per day here and per account period below. Exactly: SUM of BIGINT is a DECIMAL on
        // both H2 and MariaDB (DECIMAL(41,0)) and can pass what a long holds, so it is read as one.
        Map<Long, Map<String, TreeMap<LocalDate, BigInteger[]>>> usage = new HashMap<>();
        jdbc.query("""
                SELECT u.account_id, s.subscription_id, CAST(u.start_time AS DATE), u.usage_type, SUM(u.billable_units)
                FROM usage_record u JOIN subscription s ON s.id = u.subscription_id
                JOIN account a ON a.id = u.account_id
                WHERE u.account_id IN (:ids) AND u.status = :rated AND u.start_time < a.next_bill_date
                GROUP BY u.account_id, s.subscription_id, CAST(u.start_time AS DATE), u.usage_type""", ids, rs -> {
            BigInteger[] totals = usage.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                    .computeIfAbsent(rs.getString(2), k -> new TreeMap<>())
                    .computeIfAbsent(rs.getObject(3, LocalDate.class), k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
            int type = "DATA".equals(rs.getString(4)) ? 0 : 1;
            BigDecimal sum = rs.getBigDecimal(5);
            totals[type] = totals[type].add(sum.toBigIntegerExact());
        });

        Map<Long, List<PendingLateFee>> fees = new HashMap<>();
        jdbc.query("""
                SELECT f.account_id, f.id, i.invoice_number, i.due_date, f.policy_code, f.amount
                FROM late_fee f JOIN invoice i ON i.id = f.invoice_id
                WHERE f.account_id IN (:ids) AND f.billed_invoice_id IS NULL ORDER BY f.account_id, f.id""", ids, rs -> {
            fees.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PendingLateFee(rs.getLong(2),
                    rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getBigDecimal(6)));
        });

        List<AccountToBill> page = new ArrayList<>(accounts.size());
        for (DueAccount a : accounts) {
            Map<String, List<UsageTotals>> totals = new HashMap<>();
            usage.getOrDefault(a.id(), Map.of()).forEach((sub, days) -> totals.put(sub, byPeriod(days, a.nextBillDate())));
            page.add(new AccountToBill(a.id(), a.number(), Language.of(a.language()),
                    BillingCurrency.forServiceCountry(a.country()).name(), a.nextBillDate(),
                    subscriptions.getOrDefault(a.id(), List.of()), totals, fees.getOrDefault(a.id(), List.of())));
        }
        return page;
    }
}
