package ca.isp.billing.jobs.cycle;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;

/**
 * Rate, the review gate, late fees and delinquency are partitioned like charge and render: the
 * same cycle on one partition and on three (real H2) must leave the same rows to the cent. The
 * three-partition run must really have run three partitions of each step.
 */
class PartitionedStepsTest {

    private static final int ACCOUNTS = 150;
    private static final long SEED = 7;

    @Test
    void threePartitionsGiveWhatOneGives() throws Exception {
        Map<String, List<String>> one = cycle("1");
        Map<String, List<String>> three = cycle("3");

        // the demo's late payers: fees and delinquent accounts exist, so the comparison compares something
        assertThat(one.get("late fees")).isNotEmpty();
        assertThat(one.get("delinquency")).isNotEmpty();
        assertThat(one.get("usage")).hasSizeGreaterThan(1000);
        assertThat(one.get("review")).hasSizeGreaterThan(100);
        assertThat(three).isEqualTo(one);
    }

    private static Map<String, List<String>> cycle(String gridSize) throws Exception {
        try (BillingRun run = BillingRun.onH2(Map.of("billing.grid-size", gridSize))) {
            run.generateAndImport(ACCOUNTS, SEED);
            assertThat(run.bill()).isEqualTo(Result.COMPLETED);
            JdbcTemplate jdbc = run.jdbc();
            // lateFees runs one partition (see BillingCycleJobConfiguration.lateFees)
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE ?",
                    Long.class, "lateFeesPartition:%")).isEqualTo(1);
            for (String step : new String[]{"ratePartition", "reviewGatePartition", "delinquencyPartition"}) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE ?",
                        Long.class, step + ":%")).as(step).isEqualTo(Long.parseLong(gridSize));
            }
            Map<String, List<String>> rows = new LinkedHashMap<>();
            rows.put("usage", strings(jdbc, """
                    SELECT CONCAT_WS(' ', u.record_id, u.source, u.status, a.account_number, u.billable_units,
                        u.rated_amount, u.rate_band, u.rating_note, i.invoice_number)
                    FROM usage_record u LEFT JOIN account a ON a.id = u.account_id
                    LEFT JOIN invoice i ON i.id = u.invoice_id ORDER BY u.record_id, u.source"""));
            rows.put("invoices", CycleTestSupport.invoiceTotals(jdbc, CYCLE).entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList());
            rows.put("review", strings(jdbc, """
                    SELECT CONCAT_WS(' ', invoice_number, review_status) FROM invoice
                    WHERE cycle_date = '2026-11-01' ORDER BY invoice_number"""));
            rows.put("holds", strings(jdbc, """
                    SELECT CONCAT_WS(' ', i.invoice_number, h.rule_code, h.reason) FROM review_hold h
                    JOIN invoice i ON i.id = h.invoice_id ORDER BY 1"""));
            rows.put("late fees", strings(jdbc, """
                    SELECT CONCAT_WS(' ', COALESCE(i.invoice_number, CAST(f.invoice_id AS VARCHAR)), f.policy_code,
                        f.period_no, f.amount, f.assessed_on)
                    FROM late_fee f LEFT JOIN invoice i ON i.id = f.invoice_id ORDER BY 1"""));
            rows.put("delinquency", strings(jdbc, """
                    SELECT CONCAT_WS(' ', a.account_number, e.event_date, e.from_status, e.to_status, e.overdue_amount)
                    FROM delinquency_event e JOIN account a ON a.id = e.account_id ORDER BY 1"""));
            rows.put("accounts", strings(jdbc, """
                    SELECT CONCAT_WS(' ', account_number, status, status_since) FROM account ORDER BY account_number"""));
            rows.put("ledger", strings(jdbc, """
                    SELECT CONCAT_WS(' ', a.account_number, l.entry_type, l.reference, l.amount) FROM account_ledger l
                    JOIN account a ON a.id = l.account_id ORDER BY 1"""));
            return rows;
        }
    }

    private static List<String> strings(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForList(sql, String.class);
    }
}
