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
 * goes on. A cycle-wide finding holds every invoice the gate reviews in the run: the whole
 * hand-off waits for an operator ({@code run.sh review}).
 *
 * <p>One page of invoices per transaction (the tasklet is called again while it returns
 * CONTINUABLE); a reviewed invoice leaves the query, so a restart reviews exactly what is left.
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
    private final InvoiceScope scope;
    private ReviewFiguresLoader figures;
    private List<ReviewFinding> cycleFindings;

    public ReviewGateTasklet(NamedParameterJdbcTemplate jdbc, LocalDate cycleDate, ReviewSettings settings, int pageSize) {
        this(jdbc, cycleDate, settings, pageSize, InvoiceScope.of(null));
    }

    /** The invoices of the scope: the cycle's, or one account's quote invoices (invoice-now). */
    public ReviewGateTasklet(NamedParameterJdbcTemplate jdbc, LocalDate cycleDate, ReviewSettings settings, int pageSize,
                             InvoiceScope scope) {
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
                  AND """ + scope.sql("i") + " ORDER BY i.id LIMIT :size", scope.bind(new MapSqlParameterSource("cycle",
                cycleDate).addValue("issued", InvoiceStatus.ISSUED.name()).addValue("size", pageSize)), Long.class);
        if (page.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        List<ReviewFiguresLoader.Loaded> invoices = figures.invoices(page);
        Map<Long, List<ReviewedInvoice>> history = figures.history(
                invoices.stream().map(ReviewFiguresLoader.Loaded::accountId).collect(Collectors.toSet()), cycleDate);
        InvoiceReview review = new InvoiceReview(settings);
        LocalDateTime now = LocalDateTime.now();
        for (ReviewFiguresLoader.Loaded invoice : invoices) {
            List<ReviewedInvoice> past = history.getOrDefault(invoice.accountId(), List.of());
            Set<String> redated = past.isEmpty() ? Set.of()
                    : figures.redatedTaxes(past.get(0).invoiceDate(), invoice.invoice().invoiceDate());
            List<ReviewFinding> findings = new ArrayList<>(review.review(invoice.invoice(), past, redated));
            findings.addAll(cycleFindings);
            contribution.incrementReadCount();
            if (findings.isEmpty()) {
                mark(invoice.id(), CLEARED);
                contribution.incrementWriteCount(1);
                continue;
            }
            mark(invoice.id(), HELD);
            contribution.incrementFilterCount();
            // one row per rule: two jurisdictions that moved are one cycle-wide reason, both named
            Map<ReviewRule, String> byRule = new java.util.EnumMap<>(ReviewRule.class);
            findings.forEach(f -> byRule.merge(f.rule(), f.reason(), (x, y) -> x + "; " + y));
            for (ReviewFinding finding : byRule.entrySet().stream()
                    .map(e -> new ReviewFinding(e.getKey(), e.getValue())).toList()) {
                jdbc.update("""
                        INSERT INTO review_hold (invoice_id, cycle_date, rule_code, reason, held_at)
                        VALUES (:invoice, :cycle, :rule, :reason, :at)""", new MapSqlParameterSource("invoice", invoice.id())
                        .addValue("cycle", cycleDate).addValue("rule", finding.rule().name())
                        .addValue("reason", shorten(finding.reason())).addValue("at", now));
                if (!finding.rule().cycleWide()) {
                    log.warn("Invoice {} held for review ({}): {}", invoice.invoice().invoiceNumber(),
                            finding.rule().key(), finding.reason());
                }
            }
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

    private void mark(long invoiceId, String reviewStatus) {
        int updated = jdbc.update("UPDATE invoice SET review_status = :status WHERE id = :id AND review_status IS NULL",
                new MapSqlParameterSource("status", reviewStatus).addValue("id", invoiceId));
        if (updated != 1) {
            throw new IllegalStateException("invoice " + invoiceId + " was reviewed by someone else meanwhile");
        }
    }

    private static String shorten(String reason) {
        return reason.length() <= 2000 ? reason : reason.substring(0, 1997) + "...";
    }
}
