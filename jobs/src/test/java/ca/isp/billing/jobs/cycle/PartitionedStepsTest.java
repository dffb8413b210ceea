package ca.isp.billing.jobs.cycle;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;

/**
 * Rate, the review gate, late fees and delinquency are partitioned like charge and render: the
 * same cycle on one partition and on three (real H2) must leave the same rows to the cent. The
 * three-partition run must really have run three partitions of each step (MariaDB:
 * MariaDbPartitionedStepsTest).
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
            return billAndRead(run, ACCOUNTS, SEED, Integer.parseInt(gridSize));
        }
    }

    /**
     * Generates and bills the demo ISP on {@code run} (started with {@code billing.grid-size} =
     * {@code gridSize}), checks that every partitioned step ran {@code gridSize} partitions, and
     * returns the rows the comparison compares (SQL that H2 and MariaDB both read).
     */
    static Map<String, List<String>> billAndRead(BillingRun run, int accounts, long seed, int gridSize)
            throws Exception {
        run.generateAndImport(accounts, seed);
        assertThat(run.bill()).isEqualTo(Result.COMPLETED);
        JdbcTemplate jdbc = run.jdbc();
        for (String step : new String[]{"ratePartition", "reviewGatePartition", "lateFeesPartition",
                "delinquencyPartition"}) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE ?",
                    Long.class, step + ":%")).as(step).isEqualTo((long) gridSize);
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
                WHERE cycle_date = DATE '2026-11-01' ORDER BY invoice_number"""));
        rows.put("holds", strings(jdbc, """
                SELECT CONCAT_WS(' ', i.invoice_number, h.rule_code, h.reason) FROM review_hold h
                JOIN invoice i ON i.id = h.invoice_id ORDER BY 1"""));
        rows.put("late fees", strings(jdbc, """
                SELECT CONCAT_WS(' ', COALESCE(i.invoice_number, CONCAT('#', f.invoice_id)), f.policy_code,
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
        rows.put("manifest", mailVendorManifest(run.home().resolve("out/mail-vendor/2026-11-01")));
        return rows;
    }

    /**
     * The mail vendor's manifest (streamed from the database in mailing order): checked here
     * against the order MailVendorBatch.MAILING_ORDER defines, written out again (country, postal
     * code in upper case without spaces, key), and SHA256SUMS in file-name order; its rows, less
     * the PDFs' hashes, for the comparison.
     */
    private static List<String> mailVendorManifest(Path batch) throws IOException {
        List<CSVRecord> manifest;
        try (Reader in = Files.newBufferedReader(batch.resolve("manifest.csv"))) {
            manifest = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertThat(manifest).hasSizeGreaterThan(10);
        assertThat(manifest).isSortedAccordingTo(Comparator.comparing((CSVRecord r) -> r.get("country"))
                .thenComparing(r -> r.get("postal_code").toUpperCase(Locale.ROOT).replace(" ", ""))
                .thenComparing(r -> r.get("idempotency_key")));
        List<String> files = Files.readAllLines(batch.resolve("SHA256SUMS")).stream()
                .map(line -> line.substring(line.indexOf("  ") + 2)).toList();
        List<String> expected = new ArrayList<>(manifest.stream().map(r -> r.get("pdf_file")).toList());
        expected.add("manifest.csv");
        assertThat(files).isEqualTo(expected.stream().sorted().toList());
        return manifest.stream().map(r -> String.join(" ", r.toList().subList(0, r.size() - 1))).toList();
    }

    private static List<String> strings(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForList(sql, String.class);
    }
}
