package ca.isp.billing.jobs.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.PlanTerm;
import ca.isp.billing.domain.review.ExpectedRevenue;
import ca.isp.billing.domain.review.RevenueGroup;
import ca.isp.billing.domain.review.ReviewedInvoice;
import ca.isp.billing.jobs.support.ReferenceData;

/**
 * A cycle's revenue per plan and per jurisdiction against the last cycle, like with like: each
 * account invoiced in this cycle whose previous invoice (cleared or released, not voided) covered
 * a term of the same length in the same currency, its new charges now and then. Plans by their
 * RECURRING and CREDIT lines (the plan on each line), jurisdictions by the service address's
 * country and region (the invoice's new charges, before tax). "Then" is at today's prices: the
 * plan lines of the previous invoice scaled by the price in force now over the price then
 * (ExpectedRevenue), so an announced, dated price change holds nothing; only what it does not
 * explain does.
 */
class CycleRevenue {

    private record Invoice(long id, long accountId, String currency, int termMonths, BigDecimal subtotal,
                           LocalDate invoiceDate, String jurisdiction) {
    }

    /** Invoices of the cycle read at once (with as many previous ones, and both sides' lines). */
    static final int PAGE = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final List<RevenueGroup> plans = new ArrayList<>();
    private final List<RevenueGroup> jurisdictions = new ArrayList<>();

    CycleRevenue(NamedParameterJdbcTemplate jdbc, LocalDate cycleDate) {
        this(jdbc, cycleDate, PAGE);
    }

    /**
     * Reads the cycle's invoices a page at a time (by id), each page with its accounts' previous
     * invoices and both sides' plan lines, and keeps only the sums per plan and per
     * jurisdiction: memory holds a page, whatever the number of accounts in the cycle.
     */
    CycleRevenue(NamedParameterJdbcTemplate jdbc, LocalDate cycleDate, int pageSize) {
        this.jdbc = jdbc;
        // a dated price change explains its share: the last invoice's plan revenue at today's price
        Map<String, PlanTerm> terms = ReferenceData.planTerms(jdbc.getJdbcTemplate());
        Map<String, Sums> planSums = new TreeMap<>();
        Map<String, Sums> placeSums = new TreeMap<>();
        long after = Long.MIN_VALUE;
        while (true) {
            // the cycle's invoices against earlier cycles' (quote invoices and final bills are one-off
            // work, not revenue of a plan)
            List<Invoice> current = invoices("i.cycle_date = :cycle AND i.status = 'ISSUED' AND i.source = 'CYCLE'"
                    + " AND i.id > :after"
                    + " ORDER BY i.id LIMIT :size", new MapSqlParameterSource("cycle", cycleDate)
                    .addValue("after", after).addValue("size", pageSize));
            if (current.isEmpty()) {
                break;
            }
            after = current.get(current.size() - 1).id();
            add(pairs(current, cycleDate), terms, planSums, placeSums);
        }
        planSums.forEach((key, sums) -> plans.add(sums.group(key)));
        placeSums.forEach((key, sums) -> jurisdictions.add(sums.group(key)));
    }

    /** Each invoice of the page with its account's last earlier invoice, when they cover a like term. */
    private List<Invoice[]> pairs(List<Invoice> current, LocalDate cycleDate) {
        Map<Long, Invoice> previous = new HashMap<>();
        for (Invoice past : invoices("""
                i.cycle_date < :cycle AND i.status = 'ISSUED' AND i.review_status IN ('CLEARED', 'RELEASED')
                  AND i.source = 'CYCLE' AND i.account_id IN (:accounts) ORDER BY i.id""",
                new MapSqlParameterSource("cycle", cycleDate)
                        .addValue("accounts", current.stream().map(Invoice::accountId).distinct().toList()))) {
            previous.merge(past.accountId(), past, (a, b) -> a.invoiceDate().isAfter(b.invoiceDate()) ? a : b);
        }
        List<Invoice[]> pairs = new ArrayList<>();
        for (Invoice now : current) {
            Invoice before = previous.get(now.accountId());
            if (before != null && now.termMonths() > 0 && before.termMonths() == now.termMonths()
                    && before.currency().equals(now.currency())) {
                pairs.add(new Invoice[]{now, before});
            }
        }
        return pairs;
    }

    private void add(List<Invoice[]> pairs, Map<String, PlanTerm> terms, Map<String, Sums> planSums,
                     Map<String, Sums> placeSums) {
        Map<Long, Map<String, BigDecimal>> byPlan = planAmounts(pairs);
        for (Invoice[] pair : pairs) {
            Map<String, BigDecimal> now = byPlan.getOrDefault(pair[0].id(), Map.of());
            Map<String, BigDecimal> before = byPlan.getOrDefault(pair[1].id(), Map.of());
            java.util.Set<String> codes = new java.util.TreeSet<>(now.keySet());
            codes.addAll(before.keySet());
            BigDecimal priceEffect = BigDecimal.ZERO;
            for (String code : codes) {
                BigDecimal was = before.getOrDefault(code, BigDecimal.ZERO);
                PlanTerm term = terms.get(code);
                BigDecimal expected = term == null ? was : ExpectedRevenue.atPriceNow(was,
                        term.priceOn(pair[1].invoiceDate()), term.priceOn(pair[0].invoiceDate()));
                priceEffect = priceEffect.add(expected.subtract(was));
                planSums.computeIfAbsent(code + "\t" + pair[0].currency(), k -> new Sums())
                        .add(now.getOrDefault(code, BigDecimal.ZERO), expected);
            }
            placeSums.computeIfAbsent(pair[0].jurisdiction() + "\t" + pair[0].currency(), k -> new Sums())
                    .add(pair[0].subtotal(), pair[1].subtotal().add(priceEffect));
        }
    }

    List<RevenueGroup> plans() {
        return plans;
    }

    List<RevenueGroup> jurisdictions() {
        return jurisdictions;
    }

    private static final class Sums {
        int accounts;
        BigDecimal current = BigDecimal.ZERO;
        BigDecimal previous = BigDecimal.ZERO;

        void add(BigDecimal now, BigDecimal before) {
            accounts++;
            current = current.add(now);
            previous = previous.add(before);
        }

        RevenueGroup group(String key) {
            String[] parts = key.split("\t");
            return new RevenueGroup(parts[0], parts[1], accounts, current, previous);
        }
    }

    private List<Invoice> invoices(String where, MapSqlParameterSource params) {
        return jdbc.query("""
                SELECT i.id, i.account_id, i.currency, i.period_start, i.period_end, i.subtotal, i.invoice_date,
                    a.service_country, a.service_region
                FROM invoice i JOIN account a ON a.id = i.account_id WHERE i.origin = 'BILLED' AND\s""" + where,
                params, (rs, n) -> new Invoice(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        ReviewedInvoice.termMonths(rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)),
                        rs.getBigDecimal(6), rs.getObject(7, LocalDate.class), rs.getString(8) + "/" + rs.getString(9)));
    }

    /** Per invoice of a page's pairs, its RECURRING and CREDIT lines summed by plan; in slices of 1,000 ids. */
    private Map<Long, Map<String, BigDecimal>> planAmounts(List<Invoice[]> pairs) {
        List<Long> ids = new ArrayList<>();
        pairs.forEach(pair -> {
            ids.add(pair[0].id());
            ids.add(pair[1].id());
        });
        Map<Long, Map<String, BigDecimal>> amounts = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.query("""
                    SELECT invoice_id, item_plan_code, SUM(amount) FROM invoice_line
                    WHERE invoice_id IN (:ids) AND item_plan_code IS NOT NULL AND line_type IN ('RECURRING', 'CREDIT')
                    GROUP BY invoice_id, item_plan_code""",
                    new MapSqlParameterSource("ids", ids.subList(from, Math.min(ids.size(), from + 1000))), rs -> {
                        amounts.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
                    });
        }
        return amounts;
    }
}
