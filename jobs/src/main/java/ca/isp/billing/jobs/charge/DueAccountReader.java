package ca.isp.billing.jobs.charge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.AccountStatus;
import ca.isp.billing.domain.AccountSuspensions;
import ca.isp.billing.domain.AccountSuspensions.StatusChange;
import ca.isp.billing.domain.BilledItem;
import ca.isp.billing.domain.BillingAnchor;
import ca.isp.billing.domain.BillingCurrency;
import ca.isp.billing.domain.BillingPeriod;
import ca.isp.billing.domain.DailyBytes;
import ca.isp.billing.domain.Call;
import ca.isp.billing.domain.CommercialTerms;
import ca.isp.billing.domain.Discount;
import ca.isp.billing.domain.DiscountItem;
import ca.isp.billing.domain.DiscountKind;
import ca.isp.billing.domain.PriceOverride;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.SubscriptionHistory;
import ca.isp.billing.domain.SubscriptionHistory.PlanChange;
import ca.isp.billing.domain.SubscriptionHistory.QuantityChange;
import ca.isp.billing.domain.SubscriptionHistory.Suspension;
import ca.isp.billing.domain.Term;
import ca.isp.billing.domain.UsageStatus;
import ca.isp.billing.jobs.charge.AccountToBill.PendingCharge;
import ca.isp.billing.jobs.charge.AccountToBill.PendingLateFee;
import ca.isp.billing.jobs.charge.AccountToBill.PeriodCalls;
import ca.isp.billing.jobs.charge.AccountToBill.UsageTotals;
import ca.isp.billing.jobs.support.KeysetPageReader;

/**
 * Reads the accounts of one partition (account id range) due on or before the cycle date, a
 * page at a time, with their bill-day anchors, subscription histories, billed items, unbilled
 * usage totals, calls priced with a rate table (and those of their periods billed before),
 * pending late fees and one-time charges, contract prices, discounts and what they took off before:
 * thirteen queries per page. An account billed already has moved its next bill date past the cycle, so
 * a restart finds only the accounts still to bill.
 */
public class DueAccountReader extends KeysetPageReader<AccountToBill, Long> {

    public DueAccountReader(NamedParameterJdbcTemplate jdbc, long minId, long maxId, LocalDate cycleDate, int pageSize) {
        this(jdbc, minId, maxId, cycleDate, pageSize, true);
    }

    /** @param billSuspended billing.charge.bill-suspended: false, an account's days SUSPENDED by collections are its subscriptions' suspensions */
    public DueAccountReader(NamedParameterJdbcTemplate jdbc, long minId, long maxId, LocalDate cycleDate, int pageSize,
                            boolean billSuspended) {
        super((afterId, size) -> load(jdbc, minId, maxId, cycleDate, afterId, size, billSuspended, null),
                AccountToBill::accountId, Long.MIN_VALUE, pageSize);
    }

    /**
     * One account as its final bill sees it (close-account), whatever its next bill date: its
     * subscriptions (ended on the closing day by then), what was billed for them, and its usage up to
     * and including {@code lastDay}, in the account periods counted back from the first bill date
     * after that day. Null when the account does not exist.
     */
    public static AccountToBill closing(NamedParameterJdbcTemplate jdbc, long accountId, LocalDate chargeDate,
                                        LocalDate lastDay, boolean billSuspended) {
        List<AccountToBill> one = load(jdbc, accountId, accountId, chargeDate, Long.MIN_VALUE, 1, billSuspended,
                lastDay);
        return one.isEmpty() ? null : one.get(0);
    }

    /**
     * Sums daily usage into the account periods it belongs to, counted back from the next bill date
     * on the account's bill-day anchor (a bill day of 31 gives Jan 31 - Feb 27, Feb 28 - Mar 30),
     * oldest period first. A period that ends on a bill-day change starts on the old day's last
     * bill date before it.
     */
    static List<UsageTotals> byPeriod(TreeMap<LocalDate, BigInteger[]> days, LocalDate nextBillDate, BillingAnchor anchor) {
        List<UsageTotals> periods = new ArrayList<>();
        if (days.isEmpty()) {
            return periods;
        }
        for (BillingPeriod period : periods(days.firstKey(), nextBillDate, anchor)) {
            TreeMap<LocalDate, BigInteger> data = new TreeMap<>();
            BigInteger voice = BigInteger.ZERO;
            for (Map.Entry<LocalDate, BigInteger[]> day : days.subMap(period.start(), period.end()).entrySet()) {
                if (day.getValue()[0].signum() > 0) {
                    data.put(day.getKey(), day.getValue()[0]);
                }
                voice = voice.add(day.getValue()[1]);
            }
            if (!data.isEmpty() || voice.signum() > 0) {
                periods.add(new UsageTotals(period, new DailyBytes(data), voice));
            }
        }
        return periods;
    }

    /** The same account periods for calls: each period's calls, in the order they were made. */
    static List<PeriodCalls> callsByPeriod(List<Call> calls, List<Call> billed, LocalDate nextBillDate,
                                           BillingAnchor anchor) {
        List<PeriodCalls> periods = new ArrayList<>();
        if (calls.isEmpty()) {
            return periods;
        }
        LocalDate earliest = calls.stream().map(c -> c.start().toLocalDate()).min(LocalDate::compareTo).orElseThrow();
        for (BillingPeriod period : periods(earliest, nextBillDate, anchor)) {
            List<Call> in = calls.stream().filter(c -> period.contains(c.start().toLocalDate())).toList();
            if (!in.isEmpty()) {
                periods.add(new PeriodCalls(period, in,
                        billed.stream().filter(c -> period.contains(c.start().toLocalDate())).toList()));
            }
        }
        return periods;
    }

    /**
     * The account periods from the one holding {@code earliest} to the one ending on the next bill
     * date, oldest first, counted back on the bill-day anchor.
     */
    private static List<BillingPeriod> periods(LocalDate earliest, LocalDate nextBillDate, BillingAnchor anchor) {
        List<BillingPeriod> periods = new ArrayList<>();
        LocalDate end = nextBillDate;
        while (earliest.isBefore(end)) {
            LocalDate start = anchor.dayOn(end.minusDays(1)).onOrAfter(end.minusMonths(1));
            if (!start.isBefore(end)) {
                start = end.minusMonths(1);
            }
            periods.add(0, new BillingPeriod(start, end));
            end = start;
        }
        return periods;
    }

    /** A stored call (account id, subscription id, then the call's columns) into its account's and subscription's list. */
    private static void addCall(Map<Long, Map<String, List<Call>>> calls, java.sql.ResultSet rs) throws java.sql.SQLException {
        long seconds = rs.getLong(6);
        String disposition = rs.getString(7);
        // as the rate step decided: a call file says how the call ended, a usage CSV line does not
        boolean answered = disposition == null ? seconds > 0 : disposition.equals("ANSWERED");
        String destination = rs.getString(4);
        Call call = new Call(rs.getString(3), destination == null ? "" : destination,
                rs.getTimestamp(5).toLocalDateTime(), seconds, answered);
        calls.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).computeIfAbsent(rs.getString(2),
                k -> new ArrayList<>()).add(call);
    }

    /**
     * Where the account periods of its usage are counted back from: its next bill date, or for a
     * final bill the first bill date after the closing day (the period holding that day keeps its
     * whole allowance: the usage is the days served).
     */
    private static LocalDate usageEnd(DueAccount account, Map<Long, BillingAnchor> anchors, LocalDate closingDay) {
        return closingDay == null ? account.nextBillDate() : anchors.get(account.id()).nextBillDate(closingDay);
    }

    private record DueAccount(long id, String number, String language, String country, LocalDate nextBillDate,
                              int billDay, LocalDate billingStart) {
    }

    /** A subscription's row and its changes, made into its history once all are read. */
    private record StoredSubscription(long accountId, String subscriptionId, LocalDate start, LocalDate end,
                                      List<PlanChange> plans, List<QuantityChange> quantities,
                                      List<Suspension> suspensions) {
    }

    /** @param closingDay null for a cycle; the last day of service of a final bill (one account, any date, any status) */
    private static List<AccountToBill> load(NamedParameterJdbcTemplate jdbc, long minId, long maxId,
                                            LocalDate cycleDate, long afterId, int size, boolean billSuspended,
                                            LocalDate closingDay) {
        MapSqlParameterSource params = new MapSqlParameterSource("min", Math.max(minId, afterId + 1))
                .addValue("max", maxId).addValue("cycle", cycleDate).addValue("size", size);
        // a cycle bills the accounts due, never a written-off or closed one (a closed account's last
        // invoice is its final bill)
        String due = closingDay != null ? "" : " AND next_bill_date <= :cycle AND status NOT IN ('WRITTEN_OFF', 'CLOSED')";
        // usage in arrears: before the next bill date, or for a final bill up to the closing day
        String usageBefore = closingDay != null ? ":usageBefore" : "a.next_bill_date";
        List<DueAccount> accounts = jdbc.query("""
                SELECT id, account_number, language, service_country, next_bill_date, bill_day, billing_start
                FROM account
                WHERE id BETWEEN :min AND :max""" + due + " ORDER BY id LIMIT :size", params,
                (rs, n) -> new DueAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getObject(7, LocalDate.class)));
        if (accounts.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", accounts.stream().map(DueAccount::id).toList())
                .addValue("rated", UsageStatus.RATED.name())
                .addValue("usageBefore", closingDay == null ? null : closingDay.plusDays(1).atStartOfDay());

        Map<Long, BillingAnchor> anchors = new HashMap<>();
        accounts.forEach(a -> anchors.put(a.id(), BillingAnchor.of(a.billDay())));
        jdbc.query("""
                SELECT account_id, effective_from, bill_day FROM account_bill_day_change
                WHERE account_id IN (:ids)""", ids, rs -> {
            long account = rs.getLong(1);
            anchors.put(account, anchors.get(account).changedFrom(rs.getObject(2, LocalDate.class), rs.getInt(3)));
        });

        // Every subscription, ended ones included (a later import may have ended one already billed).
        Map<String, StoredSubscription> stored = new LinkedHashMap<>();
        jdbc.query("""
                SELECT account_id, subscription_id, plan_code, start_date, end_date, quantity FROM subscription
                WHERE account_id IN (:ids) ORDER BY account_id, subscription_id""", ids, rs -> {
            LocalDate start = rs.getObject(4, LocalDate.class);
            stored.put(rs.getString(2), new StoredSubscription(rs.getLong(1), rs.getString(2), start,
                    rs.getObject(5, LocalDate.class), new ArrayList<>(List.of(new PlanChange(start, rs.getString(3)))),
                    new ArrayList<>(List.of(new QuantityChange(start, rs.getInt(6)))), new ArrayList<>()));
        });
        jdbc.query("""
                SELECT s.subscription_id, c.change_type, c.effective_from, c.until_date, c.plan_code, c.quantity
                FROM subscription_change c JOIN subscription s ON s.id = c.subscription_id
                WHERE s.account_id IN (:ids)""", ids, rs -> {
            StoredSubscription s = stored.get(rs.getString(1));
            LocalDate from = rs.getObject(3, LocalDate.class);
            switch (rs.getString(2)) {
                case "PLAN" -> s.plans().add(new PlanChange(from, rs.getString(5)));
                case "QUANTITY" -> s.quantities().add(new QuantityChange(from, rs.getInt(6)));
                default -> s.suspensions().add(new Suspension(from, rs.getObject(4, LocalDate.class)));
            }
        });
        // A company that bills no plan while collections keep an account suspended: those days are
        // its subscriptions' suspensions too (AccountSuspensions)
        Map<Long, List<StatusChange>> statusChanges = new HashMap<>();
        if (!billSuspended) {
            jdbc.query("""
                    SELECT account_id, event_date, from_status, to_status FROM delinquency_event
                    WHERE account_id IN (:ids) ORDER BY account_id, event_date, id""", ids, rs -> {
                statusChanges.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StatusChange(
                        rs.getObject(2, LocalDate.class), AccountStatus.valueOf(rs.getString(3)),
                        AccountStatus.valueOf(rs.getString(4))));
            });
        }
        Map<Long, List<SubscriptionHistory>> subscriptions = new HashMap<>();
        stored.values().forEach(s -> subscriptions.computeIfAbsent(s.accountId(), k -> new ArrayList<>()).add(
                // end_date is the last day of service; the history counts from the first day without
                new SubscriptionHistory(s.subscriptionId(), s.start(), s.end() == null ? null : s.end().plusDays(1),
                        s.plans(), s.quantities(), AccountSuspensions.merge(s.start(), s.suspensions(),
                        AccountSuspensions.periods(statusChanges.getOrDefault(s.accountId(), List.of()))))));

        // What was billed for them before, on any invoice but a voided one (its credit note cancelled
        // it): the charge bills only the difference.
        Map<Long, List<BilledItem>> billed = new HashMap<>();
        jdbc.query("""
                SELECT s.account_id, l.item_subscription_id, l.item_plan_code, l.item_term_start, l.item_term_end,
                    l.amount
                FROM invoice_line l JOIN subscription s ON s.subscription_id = l.item_subscription_id
                JOIN invoice i ON i.id = l.invoice_id
                WHERE s.account_id IN (:ids) AND i.status <> 'VOID' AND l.item_discount_ref IS NULL""", ids, rs -> {
            billed.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new BilledItem(rs.getString(2),
                    rs.getString(3), new Term(rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)),
                    rs.getBigDecimal(6)));
        });

        // Usage is billed in arrears: what started before the first day of the period billed now,
        // summed per day here and per account period below. Exactly: SUM of BIGINT is a DECIMAL on
        // both H2 and MariaDB (DECIMAL(41,0)) and can pass what a long holds, so it is read as one.
        Map<Long, Map<String, TreeMap<LocalDate, BigInteger[]>>> usage = new HashMap<>();
        jdbc.query("""
                SELECT u.account_id, s.subscription_id, CAST(u.start_time AS DATE), u.usage_type, SUM(u.billable_units)
                FROM usage_record u JOIN subscription s ON s.id = u.subscription_id
                JOIN account a ON a.id = u.account_id
                WHERE u.account_id IN (:ids) AND u.status = :rated AND u.start_time <""" + " " + usageBefore + """

                  AND (u.usage_type <> 'VOICE' OR u.rated_amount IS NULL)
                GROUP BY u.account_id, s.subscription_id, CAST(u.start_time AS DATE), u.usage_type""", ids, rs -> {
            BigInteger[] totals = usage.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                    .computeIfAbsent(rs.getString(2), k -> new TreeMap<>())
                    .computeIfAbsent(rs.getObject(3, LocalDate.class), k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
            int type = "DATA".equals(rs.getString(4)) ? 0 : 1;
            BigDecimal sum = rs.getBigDecimal(5);
            totals[type] = totals[type].add(sum.toBigIntegerExact());
        });

        // Calls the rate step priced with a rate table (a rated amount: unanswered ones at 0.00), one
        // by one: included minutes go to calls in the order they were made (VoiceCharger).
        Map<Long, Map<String, List<Call>>> calls = new HashMap<>();
        jdbc.query("""
                SELECT u.account_id, s.subscription_id, u.record_id, u.destination, u.start_time, u.quantity,
                    u.disposition
                FROM usage_record u JOIN subscription s ON s.id = u.subscription_id
                JOIN account a ON a.id = u.account_id
                WHERE u.account_id IN (:ids) AND u.status = :rated AND u.start_time <""" + " " + usageBefore + """

                  AND u.usage_type = 'VOICE' AND u.rated_amount IS NOT NULL""", ids, rs -> {
            addCall(calls, rs);
        });
        // The calls of the same periods billed before (a call file that came after its period was
        // billed): they drew on the included minutes first. A period is at most a month long.
        Map<Long, Map<String, List<Call>>> billedCalls = new HashMap<>();
        calls.values().stream().flatMap(bySubscription -> bySubscription.values().stream()).flatMap(List::stream)
                .map(c -> c.start().toLocalDate()).min(LocalDate::compareTo).ifPresent(earliest -> jdbc.query("""
                        SELECT u.account_id, s.subscription_id, u.record_id, u.destination, u.start_time, u.quantity,
                            u.disposition
                        FROM usage_record u JOIN subscription s ON s.id = u.subscription_id
                        WHERE u.account_id IN (:callers) AND u.status = :billed AND u.usage_type = 'VOICE'
                          AND u.rated_amount IS NOT NULL AND u.start_time >= :since AND u.start_time < :until""",
                        new MapSqlParameterSource("callers", calls.keySet()).addValue("billed", UsageStatus.BILLED.name())
                                .addValue("since", earliest.minusMonths(1).atStartOfDay())
                                .addValue("until", accounts.stream().map(a -> usageEnd(a, anchors, closingDay))
                                        .max(LocalDate::compareTo).orElseThrow().atStartOfDay()), rs -> {
                            addCall(billedCalls, rs);
                        }));

        Map<Long, List<PendingLateFee>> fees = new HashMap<>();
        jdbc.query("""
                SELECT f.account_id, f.id, i.invoice_number, i.due_date, f.policy_code, f.period_no, f.amount
                FROM late_fee f JOIN invoice i ON i.id = f.invoice_id
                WHERE f.account_id IN (:ids) AND f.billed_invoice_id IS NULL ORDER BY f.account_id, f.id""", ids, rs -> {
            fees.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PendingLateFee(rs.getLong(2),
                    rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getInt(6), rs.getBigDecimal(7)));
        });

        // one-time charges and credits not billed yet, dated on or before the cycle date
        Map<Long, List<PendingCharge>> charges = new HashMap<>();
        jdbc.query("""
                SELECT account_id, id, charge_ref, charge_date, amount, description_en, description_fr, reason, line_type
                FROM one_time_charge
                WHERE account_id IN (:ids) AND billed_invoice_id IS NULL AND charge_date <= :cycle
                ORDER BY account_id, charge_date, charge_ref""", ids.addValue("cycle", cycleDate), rs -> {
            charges.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PendingCharge(rs.getLong(2),
                    rs.getString(3), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), rs.getString(6),
                    rs.getString(7), rs.getString(8), rs.getString(9)));
        });

        // Contract prices of their subscriptions, their discounts as they are now, and what each
        // discount took off the terms billed before (on any invoice but a voided one).
        Map<Long, List<PriceOverride>> overrides = new HashMap<>();
        jdbc.query("""
                SELECT s.account_id, p.subscription_id, p.plan_code, p.price_from, p.term_price
                FROM subscription_price p JOIN subscription s ON s.subscription_id = p.subscription_id
                WHERE s.account_id IN (:ids)""", ids, rs -> {
            overrides.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PriceOverride(rs.getString(2),
                    rs.getString(3), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5)));
        });
        Map<Long, List<Discount>> discounts = new HashMap<>();
        jdbc.query("""
                SELECT account_id, discount_ref, subscription_id, kind, discount_value, start_date, end_date
                FROM discount WHERE account_id IN (:ids) ORDER BY account_id, discount_ref""", ids, rs -> {
            LocalDate end = rs.getObject(7, LocalDate.class);
            // end_date is the last day discounted; the discount counts up to the day after
            discounts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Discount(rs.getString(2),
                    rs.getString(3), DiscountKind.valueOf(rs.getString(4)), rs.getBigDecimal(5),
                    rs.getObject(6, LocalDate.class), end == null ? null : end.plusDays(1)));
        });
        Map<Long, List<DiscountItem>> discountsBilled = new HashMap<>();
        jdbc.query("""
                SELECT i.account_id, l.item_discount_ref, l.item_subscription_id, l.item_plan_code, l.item_term_start,
                    l.item_term_end, l.amount
                FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                WHERE i.account_id IN (:ids) AND i.status <> 'VOID' AND l.item_discount_ref IS NOT NULL""", ids, rs -> {
            discountsBilled.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new DiscountItem(rs.getString(2),
                    rs.getString(3), rs.getString(4), new Term(rs.getObject(5, LocalDate.class),
                    rs.getObject(6, LocalDate.class)), rs.getBigDecimal(7)));
        });

        List<AccountToBill> page = new ArrayList<>(accounts.size());
        for (DueAccount a : accounts) {
            Map<String, List<UsageTotals>> totals = new HashMap<>();
            BillingAnchor anchor = anchors.get(a.id());
            LocalDate periodsEnd = usageEnd(a, anchors, closingDay);
            usage.getOrDefault(a.id(), Map.of()).forEach((sub, days) -> totals.put(sub,
                    byPeriod(days, periodsEnd, anchor)));
            Map<String, List<PeriodCalls>> callPeriods = new HashMap<>();
            calls.getOrDefault(a.id(), Map.of()).forEach((sub, list) -> callPeriods.put(sub, callsByPeriod(list,
                    billedCalls.getOrDefault(a.id(), Map.of()).getOrDefault(sub, List.of()), periodsEnd, anchor)));
            page.add(new AccountToBill(a.id(), a.number(), Language.of(a.language()),
                    BillingCurrency.forServiceCountry(a.country()).name(), a.nextBillDate(), anchor, a.billingStart(),
                    subscriptions.getOrDefault(a.id(), List.of()), billed.getOrDefault(a.id(), List.of()), totals,
                    callPeriods, fees.getOrDefault(a.id(), List.of()), charges.getOrDefault(a.id(), List.of()),
                    new CommercialTerms(overrides.getOrDefault(a.id(), List.of()),
                            discounts.getOrDefault(a.id(), List.of()), discountsBilled.getOrDefault(a.id(), List.of()))));
        }
        return page;
    }
}
