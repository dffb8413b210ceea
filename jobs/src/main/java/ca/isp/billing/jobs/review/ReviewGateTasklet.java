package ca.isp.billing.jobs.review;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.InvoiceStatus;
import ca.isp.billing.jobs.support.InvoiceScope;
import ca.isp.billing.domain.review.CycleRevenueReview;
import ca.isp.billing.domain.review.InvoiceReview;
import ca.isp.billing.domain.review.ReviewFinding;
import ca.isp.billing.domain.review.ReviewRule;
import ca.isp.billing.domain.review.ReviewSettings;
import ca.isp.billing.domain.review.ReviewedInvoice;

/**
 * The review gate, between issue and render: every issued invoice of the cycle not reviewed yet
 * ({@code review_status IS NULL}) is CLEARED, or HELD with a {@code review_hold} row per rule it
 * tripped (the rules: {@link InvoiceReview}, {@link CycleRevenueReview}). Render takes only
 * CLEARED and RELEASED invoices, so a held invoice is neither rendered nor sent, and the cycle
 * goes on. A cycle-wide finding holds every cycle invoice the gate reviews in the run: the whole
 * hand-off waits for an operator ({@code run.sh review}). History is cycle invoices only; a quote
 * invoice (invoice-now) meets the ceilings only (InvoiceReview.reviewQuoteInvoice).
 *
 * <p>One page of invoices per transaction (the tasklet is called again while it returns
 * CONTINUABLE), loaded with its accounts' history in a few queries and marked in two batches; a
 * reviewed invoice leaves the query, so a restart reviews exactly what is left. Partitioned by
 * account range like the other account-level steps: each partition reviews its accounts'
 * invoices, and computes the cycle-wide findings itself (the same for every partition: they
 * depend on the cycle's issued invoices and earlier cycles only, not on what the gate marked).
 * Counts: read = reviewed, written = cleared, filtered = held.
 */
public class ReviewGateTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReviewGateTasklet.class);

    public static final String CLEARED = "CLEARED";
    public static final String HELD = "HELD";

    private final NamedParameterJdbcTemplate jdbc;
    private final LocalDate cycleDate;
    private final ReviewSettings settings;
    private final int pageSize;
    private final long minAccountId;
    private final long maxAccountId;
    private final InvoiceScope scope;
    private ReviewFiguresLoader figures;
    private List<ReviewFinding> cycleFindings;
    /** The last invoice id of the previous page: the next page starts after it, in the index's order. */
    private long afterId = Long.MIN_VALUE;

    public ReviewGateTasklet(NamedParameterJdbcTemplate jdbc, LocalDate cycleDate, ReviewSettings settings, int pageSize) {
        this(jdbc, Long.MIN_VALUE, Long.MAX_VALUE, cycleDate, settings, pageSize, InvoiceScope.of(null));
    }

    /**
     * The invoices of the accounts from minAccountId to maxAccountId (one partition) in the scope:
     * the cycle's, or one account's quote invoices (invoice-now).
     */
    public ReviewGateTasklet(NamedParameterJdbcTemplate jdbc, long minAccountId, long maxAccountId, LocalDate cycleDate,
                             ReviewSettings settings, int pageSize, InvoiceScope scope) {
        this.minAccountId = minAccountId;
        this.maxAccountId = maxAccountId;
        this.scope = scope;
        this.jdbc = jdbc;
        this.cycleDate = cycleDate;
        this.settings = settings;
        this.pageSize = pageSize;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (cycleFindings == null) {
            figures = new ReviewFiguresLoader(jdbc);
            cycleFindings = cycleFindings();
        }
        List<Long> page = jdbc.queryForList("""
                SELECT i.id FROM invoice i WHERE i.cycle_date = :cycle AND i.status = :issued AND i.review_status IS NULL
                  AND i.account_id BETWEEN :minAccount AND :maxAccount AND i.id > :after
                  AND """ + scope.sql("i") + " ORDER BY i.id LIMIT :size", scope.bind(new MapSqlParameterSource("cycle",
                cycleDate).addValue("issued", InvoiceStatus.ISSUED.name()).addValue("size", pageSize)
                .addValue("minAccount", minAccountId).addValue("maxAccount", maxAccountId)
                .addValue("after", afterId)), Long.class);
        if (page.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        // every invoice of the page is marked in this transaction; without the bound each page
        // would sort all the invoices not reviewed yet again (issue 15)
        afterId = page.get(page.size() - 1);
        List<ReviewFiguresLoader.Loaded> invoices = figures.invoices(page);
        Map<Long, List<ReviewedInvoice>> history = figures.history(
                invoices.stream().map(ReviewFiguresLoader.Loaded::accountId).collect(Collectors.toSet()), cycleDate);
        InvoiceReview review = new InvoiceReview(settings);
        LocalDateTime now = LocalDateTime.now();
        List<Long> cleared = new ArrayList<>();
        List<Long> held = new ArrayList<>();
        List<MapSqlParameterSource> holds = new ArrayList<>();
        for (ReviewFiguresLoader.Loaded invoice : invoices) {
            List<ReviewedInvoice> past = history.getOrDefault(invoice.accountId(), List.of());
            Set<String> redated = past.isEmpty() ? Set.of()
                    : figures.redatedTaxes(past.get(0).invoiceDate(), invoice.invoice().invoiceDate());
            // a quote invoice meets the ceilings only (InvoiceReview.reviewQuoteInvoice); a final bill
            // (close-account) every rule against the account's cycle invoices, so a refund is never
            // paid out of a bill nobody looked at; only the cycle's own invoices meet its revenue findings
            List<ReviewFinding> findings = new ArrayList<>(invoice.quote()
                    ? review.reviewQuoteInvoice(invoice.invoice(), past)
                    : review.review(invoice.invoice(), past, redated));
            if (invoice.cycle()) {
                findings.addAll(cycleFindings);
            }
            contribution.incrementReadCount();
            if (findings.isEmpty()) {
                cleared.add(invoice.id());
                contribution.incrementWriteCount(1);
                continue;
            }
            held.add(invoice.id());
            contribution.incrementFilterCount();
            // one row per rule: two jurisdictions that moved are one cycle-wide reason, both named
            Map<ReviewRule, String> byRule = new java.util.EnumMap<>(ReviewRule.class);
            findings.forEach(f -> byRule.merge(f.rule(), f.reason(), (x, y) -> x + "; " + y));
            for (ReviewFinding finding : byRule.entrySet().stream()
                    .map(e -> new ReviewFinding(e.getKey(), e.getValue())).toList()) {
                holds.add(new MapSqlParameterSource("invoice", invoice.id())
                        .addValue("cycle", cycleDate).addValue("rule", finding.rule().name())
                        .addValue("reason", shorten(finding.reason())).addValue("at", now));
                if (!finding.rule().cycleWide()) {
                    log.warn("Invoice {} held for review ({}): {}", invoice.invoice().invoiceNumber(),
                            finding.rule().key(), finding.reason());
                }
            }
        }
        mark(cleared, CLEARED);
        mark(held, HELD);
        if (!holds.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO review_hold (invoice_id, cycle_date, rule_code, reason, held_at)
                    VALUES (:invoice, :cycle, :rule, :reason, :at)""", holds.toArray(MapSqlParameterSource[]::new));
        }
        return RepeatStatus.CONTINUABLE;
    }

    /** Computed once per run, before the first invoice: the same for every invoice it reviews. */
    private List<ReviewFinding> cycleFindings() {
        CycleRevenue revenue = new CycleRevenue(jdbc, cycleDate);
        CycleRevenueReview review = new CycleRevenueReview(settings);
        List<ReviewFinding> findings = new ArrayList<>(review.review(ReviewRule.PLAN_REVENUE, revenue.plans()));
        findings.addAll(review.review(ReviewRule.JURISDICTION_REVENUE, revenue.jurisdictions()));
        for (ReviewFinding finding : findings) {
            log.error("Cycle {}: the hand-off of the invoices reviewed now is held until an operator decides "
                    + "(./run.sh review --cycle-date {}): {}", cycleDate, cycleDate, finding.reason());
        }
        return findings;
    }

    /** One batch per page and status; every invoice must still be unreviewed. */
    private void mark(List<Long> invoiceIds, String reviewStatus) {
        if (invoiceIds.isEmpty()) {
            return;
        }
        int[] updated = jdbc.batchUpdate("UPDATE invoice SET review_status = :status WHERE id = :id AND review_status IS NULL",
                invoiceIds.stream().map(id -> new MapSqlParameterSource("status", reviewStatus).addValue("id", id))
                        .toArray(MapSqlParameterSource[]::new));
        for (int i = 0; i < updated.length; i++) {
            // MySQL's rewritten batches answer SUCCESS_NO_INFO (-2) per row: no count to check there
            if (updated[i] != 1 && updated[i] != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("invoice " + invoiceIds.get(i) + " was reviewed by someone else meanwhile");
            }
        }
    }

    private static String shorten(String reason) {
        return reason.length() <= 2000 ? reason : reason.substring(0, 1997) + "...";
    }
}
