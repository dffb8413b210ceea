package ca.isp.billing.jobs.accounting;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.JournalCategory;
import ca.isp.billing.domain.LineType;
import ca.isp.billing.jobs.BillingProperties;

/**
 * Which general-ledger account an invoice line (other than tax) goes to, and for which plan:
 * a plan's charges and usage to the plan's gl_account (else billing.gl.revenue), one-time
 * charges, credits and late fees to the company's accounts. Used by the journal and by the
 * revenue report, so both say the same. Loaded once per use: plans and subscriptions as they are.
 * The journal, written a page at a time, loads the plans once and asks for the plans of only the
 * subscriptions its page's old usage lines name ({@link #plansOnly}, {@link #knowingSubscriptionsOf}):
 * loading every subscription for every page of 500 invoices made it quadratic (issue 15).
 */
public final class LineAccounts {

    /** Where a line goes: its category, its plan (null when none) and its GL account. */
    public record Account(JournalCategory category, String planCode, String glAccount) {
    }

    private final BillingProperties.Gl gl;
    private final Map<String, String> planAccounts;
    private final Map<String, String> subscriptionPlans;

    /** The plans' accounts and every subscription's plan. */
    public LineAccounts(JdbcTemplate jdbc, BillingProperties.Gl gl) {
        this(gl, planAccounts(jdbc), new HashMap<>());
        // usage lines billed before they recorded their plan name their subscription
        // (USAGE:DATA:<subscription>:...): its plan then earns the revenue
        jdbc.query("SELECT subscription_id, plan_code FROM subscription", rs -> {
            subscriptionPlans.put(rs.getString(1), rs.getString(2));
        });
    }

    private LineAccounts(BillingProperties.Gl gl, Map<String, String> planAccounts,
                         Map<String, String> subscriptionPlans) {
        this.gl = gl;
        this.planAccounts = planAccounts;
        this.subscriptionPlans = subscriptionPlans;
    }

    /** The plans' accounts alone (one query); see {@link #knowingSubscriptionsOf}. */
    public static LineAccounts plansOnly(JdbcTemplate jdbc, BillingProperties.Gl gl) {
        return new LineAccounts(gl, planAccounts(jdbc), Map.of());
    }

    /**
     * These accounts, knowing the plan of each subscription that one of these lines needs: a USAGE
     * line that recorded no plan (billed before lines did) names its subscription in its key. One
     * query when there is such a line, none otherwise.
     */
    public LineAccounts knowingSubscriptionsOf(JdbcTemplate jdbc, Collection<Line> lines) {
        List<String> ids = lines.stream()
                .filter(l -> l.itemPlanCode() == null && l.type() == LineType.USAGE)
                .map(l -> subscriptionOfUsageKey(l.key())).filter(id -> id != null).distinct().toList();
        if (ids.isEmpty()) {
            return new LineAccounts(gl, planAccounts, Collections.emptyMap());
        }
        Map<String, String> plans = new HashMap<>();
        // at most 1,000 ids a query: a whole run's lines can name many (a statement takes 65,535 parameters)
        for (int from = 0; from < ids.size(); from += 1_000) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + 1_000));
            jdbc.query("SELECT subscription_id, plan_code FROM subscription WHERE subscription_id IN ("
                    + String.join(", ", Collections.nCopies(some.size(), "?")) + ")", rs -> {
                plans.put(rs.getString(1), rs.getString(2));
            }, some.toArray());
        }
        return new LineAccounts(gl, planAccounts, plans);
    }

    /** An invoice line as far as its account goes: its type, key and the plan it billed (null: none recorded). */
    public record Line(LineType type, String key, String itemPlanCode) {
    }

    private static Map<String, String> planAccounts(JdbcTemplate jdbc) {
        Map<String, String> accounts = new HashMap<>();
        jdbc.query("SELECT code, gl_account FROM plan", rs -> {
            accounts.put(rs.getString(1), rs.getString(2));
        });
        return accounts;
    }

    /**
     * The account of a line of this type and key; itemPlanCode is the plan a recurring or credit
     * line billed, or the plan a usage line was charged on (the plan of its period's last day).
     */
    public Account of(LineType type, String lineKey, String itemPlanCode) {
        String plan = itemPlanCode;
        if (plan == null && type == LineType.USAGE) {
            plan = subscriptionPlans.get(subscriptionOfUsageKey(lineKey));
        }
        JournalCategory category = JournalCategory.of(type);
        return switch (category) {
            case REVENUE -> new Account(category, plan, or(planAccounts.get(plan), gl.revenue()));
            case ONE_TIME -> new Account(category, null, gl.oneTimeCharges());
            case CREDIT -> new Account(category, plan, gl.credits());
            case LATE_FEE -> new Account(category, null, gl.lateFees());
            default -> throw new IllegalArgumentException("no line account for a " + type + " line: " + lineKey);
        };
    }

    /** USAGE:DATA:S100001:... or USAGE:VOICE:S100001:...: the subscription id (an identifier, no ':'). */
    static String subscriptionOfUsageKey(String key) {
        String[] parts = key.split(":");
        return parts.length > 2 ? parts[2] : null;
    }

    static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
