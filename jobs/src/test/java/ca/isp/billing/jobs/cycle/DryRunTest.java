package ca.isp.billing.jobs.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.MariaDbSchema;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.handoff.HandoffChannelsTest;
import ca.isp.billing.jobs.handoff.LobFake;
import ca.isp.billing.jobs.handoff.MailServer;

/**
 * {@code bill --dry-run} (issue 10): the demo ISP's cycle rehearsed on a copy stores nothing,
 * moves no file and sends nothing, and what it says it would issue is, invoice by invoice and
 * line by line, what the real run that follows issues (numbers included: the copy starts from
 * the same counter). On H2 and on MariaDB, whose copies are made differently.
 */
class DryRunTest {

    private static final int ACCOUNTS = 40;

    /**
     * With Lob and SMTP configured as in production, and a PBX whose call files are picked up from
     * its own spool folder outside the billing home: the dry run reaches neither server and leaves
     * the spool as it was; the real run sends and takes the file.
     */
    @Test
    void dryRunOnH2EqualsTheRealRunThatFollowsAndSendsNothing() throws Exception {
        Path spool = Files.createTempDirectory("pbx-spool-");
        Path callFile = spool.resolve("Master.csv");
        Files.writeString(callFile, "\"1001\",\"5145550101\",\"15145550100\",\"from-internal\",\"Alice\","
                + "\"PJSIP/1001-0001\",\"PJSIP/trunk-0002\",\"Dial\",\"PJSIP/15145550100@trunk,30\","
                + "\"2026-10-05 10:00:00\",\"2026-10-05 10:00:05\",\"2026-10-05 10:01:06\",66,61,\"ANSWERED\","
                + "\"DOCUMENTATION\"\n");
        try (LobFake lob = new LobFake(); MailServer mail = new MailServer()) {
            Map<String, String> settings = new java.util.HashMap<>(HandoffChannelsTest.settings(lob, mail.port()));
            settings.put("billing.ingest.sources.pbx.format", "asterisk-csv");
            settings.put("billing.ingest.sources.pbx.zone", "America/Toronto");
            settings.put("billing.ingest.sources.pbx.folder", spool.toString());
            try (BillingRun run = BillingRun.onH2(settings)) {
                rehearseThenBill(run, () -> {
                    assertThat(lob.requests()).isEmpty();
                    assertThat(mail.received()).isEmpty();
                    assertThat(callFile).exists();
                });
                assertThat(lob.letters()).isNotEmpty();
                assertThat(mail.received()).isNotEmpty();
                assertThat(callFile).doesNotExist();
                assertThat(run.jdbc().queryForObject("SELECT COUNT(*) FROM usage_record WHERE source = 'pbx'", Long.class))
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void dryRunOnMariaDbEqualsTheRealRunThatFollows() throws Exception {
        MariaDbSchema schema = MariaDbSchema.create("billing_dry", getClass());
        Path home = Files.createTempDirectory("billing-dry-");
        try (BillingRun run = BillingRun.start(home, schema.url(), schema.user, schema.password)) {
            rehearseThenBill(run, () -> { });
            // the copy's schema is gone
            assertThat(run.jdbc().queryForList("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ?",
                    String.class, schema.name() + "\\_dry\\_%")).isEmpty();
        } finally {
            schema.drop();
        }
    }

    private static void rehearseThenBill(BillingRun run, Runnable nothingSent) throws Exception {
        run.generateAndImport(ACCOUNTS, 7);
        JdbcTemplate jdbc = run.jdbc();
        Map<String, Long> before = CycleTestSupport.tableCounts(jdbc);
        List<String> inboxBefore = files(run.home().resolve("inbox"));
        long executionsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class);

        DryRun.Rehearsal rehearsal = run.bean(DryRun.class).rehearse(CycleTestSupport.CYCLE, false);

        assertThat(rehearsal.outcome().result()).as(rehearsal.outcome().message()).isEqualTo(Result.COMPLETED);
        // nothing stored, nothing moved, nothing sent, no copy left behind
        assertThat(CycleTestSupport.tableCounts(jdbc)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class)).isEqualTo(executionsBefore);
        assertThat(files(run.home().resolve("inbox"))).isEqualTo(inboxBefore);
        assertThat(files(run.home().resolve("archive"))).isEmpty();
        assertThat(files(run.home().resolve("dry-run"))).isEmpty();
        assertThat(files(run.home().resolve("out"))).allMatch(f -> f.startsWith("dry-run/"));
        nothingSent.run();

        List<List<String>> wouldBeInvoices = read(rehearsal.folder().resolve("invoices.csv"));
        List<List<String>> wouldBeLines = read(rehearsal.folder().resolve("invoice-lines.csv"));
        assertThat(wouldBeInvoices).hasSize(rehearsal.invoices()).hasSizeGreaterThan(ACCOUNTS / 2);
        // the printed totals are the sums of the CSV's rounded columns
        BigDecimal total = BigDecimal.ZERO;
        for (List<String> invoice : wouldBeInvoices) {
            total = total.add(new BigDecimal(invoice.get(13)));
        }
        assertThat(rehearsal.totalsByCurrency().values().stream().map(DryRun.Totals::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(total);

        // the real run that follows issues exactly what the dry run said
        assertThat(run.bill()).isEqualTo(Result.COMPLETED);
        List<List<String>> invoices = new ArrayList<>();
        List<List<String>> lines = new ArrayList<>();
        jdbc.query("""
                SELECT a.account_number, i.invoice_number, i.status, i.hold_reason, i.review_status, i.invoice_date, i.due_date,
                       i.period_start, i.period_end, i.language, i.currency, i.subtotal, i.tax_total, i.total,
                       i.previous_balance, i.amount_due
                FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = ? ORDER BY a.account_number""", rs -> {
            List<String> row = new ArrayList<>();
            for (int c = 1; c <= 16; c++) {
                Object value = rs.getObject(c);
                row.add(value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
            }
            invoices.add(row);
        }, CycleTestSupport.CYCLE);
        jdbc.query("""
                SELECT a.account_number, i.invoice_number, l.line_no, l.line_type, l.description, l.period_start,
                       l.period_end, l.quantity, l.unit, l.unit_price, l.amount
                FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = ? ORDER BY a.account_number, l.line_no""", rs -> {
            List<String> row = new ArrayList<>();
            for (int c = 1; c <= 11; c++) {
                Object value = rs.getObject(c);
                row.add(value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
            }
            lines.add(row);
        }, CycleTestSupport.CYCLE);
        assertThat(wouldBeInvoices).containsExactlyElementsOf(invoices);
        assertThat(wouldBeLines).containsExactlyElementsOf(lines);
    }

    private static List<List<String>> read(Path csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                List<String> row = new ArrayList<>();
                record.forEach(cell -> row.add(cell.startsWith("'") ? cell.substring(1) : cell));
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }
}
