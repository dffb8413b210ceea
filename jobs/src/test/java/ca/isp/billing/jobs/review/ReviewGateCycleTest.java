package ca.isp.billing.jobs.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.report.CycleStatus;

/**
 * The review gate on a generated demo ISP billed twice: 2026-11-01 as generated (first invoices:
 * no history, nothing held), then 2026-12-01 with the same usage a month later and anomalies
 * planted behind the pipeline's back: a plan's price typed 10x, the QST rows missing from the tax
 * table, one account's usage file dropped twice under another name with new record ids. Each
 * anomaly is held with its rule while every other invoice is rendered and handed over (counted as
 * files, not statuses). Then a release and a rerun send the released invoice once, and a void
 * gives a credit note that brings the account's balance back.
 */
class ReviewGateCycleTest {

    private static final LocalDate NOV = CycleTestSupport.CYCLE;
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);

    @Test
    void anomaliesAreHeldWithTheirRuleWhileTheCleanInvoicesGoOut() throws IOException {
        // The cycle-wide rules are switched off here: a plan priced 10x moves that plan's revenue
        // (and its jurisdictions') far beyond 20% and would hold the whole hand-off, which is what
        // wholeHandOffHeldUntilReleased shows. Every other rule is at its default.
        Path rules = rules("plan-revenue.enabled=false\njurisdiction-revenue.enabled=false\n");
        try (BillingRun run = BillingRun.onH2(Map.of("billing.review.rules", rules.toString()))) {
            JdbcTemplate jdbc = run.jdbc();
            run.generateAndImport(40, 16);
            assertThat(bill(run, NOV)).isEqualTo(Result.COMPLETED);

            // First cycle: no history, so only the ceilings apply; a normal demo cycle holds nothing
            long issuedNov = count(jdbc, "SELECT COUNT(*) FROM invoice WHERE cycle_date = ? AND status = 'ISSUED'", NOV);
            assertThat(issuedNov).isPositive();
            assertThat(count(jdbc, "SELECT COUNT(*) FROM invoice WHERE cycle_date = ? AND review_status = 'CLEARED'", NOV))
                    .isEqualTo(issuedNov);
            assertThat(pdfs(run, NOV)).hasSize((int) issuedNov);

            // ------------------------------------------------------------ the anomalies
            // a rate typo: the plan of the first monthly non-QC account, priced 10x
            String typoAccount = jdbc.queryForObject("""
                    SELECT MIN(a.account_number) FROM invoice i JOIN account a ON a.id = i.account_id
                    JOIN invoice_line l ON l.invoice_id = i.id JOIN plan p ON p.code = l.item_plan_code
                    WHERE i.cycle_date = ? AND a.service_region <> 'QC' AND p.period_months = 1 AND p.kind = 'INTERNET'""",
                    String.class, NOV);
            String typoPlan = jdbc.queryForObject("""
                    SELECT MIN(l.item_plan_code) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                    JOIN account a ON a.id = i.account_id JOIN plan p ON p.code = l.item_plan_code
                    WHERE a.account_number = ? AND i.cycle_date = ? AND p.kind = 'INTERNET'""", String.class, typoAccount, NOV);
            // the usage counted twice: the non-QC monthly account off that plan with the most data
            String doubledAccount = jdbc.queryForObject("""
                    SELECT a.account_number FROM usage_record u JOIN account a ON a.id = u.account_id
                    JOIN invoice i ON i.id = u.invoice_id
                    WHERE i.cycle_date = ? AND u.usage_type = 'DATA' AND a.service_region <> 'QC'
                      AND NOT EXISTS (SELECT 1 FROM invoice_line l WHERE l.invoice_id = i.id AND l.item_plan_code = ?)
                      AND NOT EXISTS (SELECT 1 FROM invoice_line l JOIN plan p ON p.code = l.item_plan_code
                                      WHERE l.invoice_id = i.id AND p.period_months <> 1)
                    GROUP BY a.account_number ORDER BY SUM(u.billable_units) DESC, a.account_number LIMIT 1""",
                    String.class, NOV, typoPlan);
            assertThat(count(jdbc, """
                    SELECT SUM(u.billable_units) FROM usage_record u JOIN account a ON a.id = u.account_id
                    WHERE a.account_number = ? AND u.usage_type = 'DATA'""", doubledAccount))
                    .as("enough data to be worth a hold").isGreaterThan(5_000_000_000L);
            Set<String> doubledServices = new TreeSet<>(jdbc.queryForList("""
                    SELECT DISTINCT u.service_id FROM usage_record u JOIN account a ON a.id = u.account_id
                    WHERE a.account_number = ?""", String.class, doubledAccount));
            BigDecimal doubledBalanceBefore = Fixtures.balance(jdbc, doubledAccount);

            // November's usage a month later, with new record ids: the doubled account's in a file of its own
            List<String[]> next = nextMonthUsage(run);
            Path inbox = run.properties().inbox("usage");
            write(inbox.resolve("usage-2026-12-01.csv"), next.stream().filter(r -> !doubledServices.contains(r[2])).toList());
            List<String[]> doubled = next.stream().filter(r -> doubledServices.contains(r[2])).toList();
            write(inbox.resolve("usage-2026-12-01-extra.csv"), doubled);
            // ... and the same file dropped again under another name, as an exporter re-run gives it: new ids
            write(inbox.resolve("usage-2026-12-01-extra-resent.csv"), doubled.stream()
                    .map(r -> new String[]{"R" + r[0], r[1], r[2], r[3], r[4], r[5]}).toList());

            jdbc.update("UPDATE plan SET monthly_price = monthly_price * 10, term_price = term_price * 10 WHERE code = ?", typoPlan);
            // the typo as a plans import dates it: for the terms from December on (plan_price)
            jdbc.update("INSERT INTO plan_price (plan_code, effective_from, term_price) SELECT code, ?, term_price FROM plan"
                    + " WHERE code = ?", DEC, typoPlan);
            int qstRows = jdbc.update("DELETE FROM tax_rate WHERE tax_code = 'QST'");
            assertThat(qstRows).isPositive();

            assertThat(bill(run, DEC)).isEqualTo(Result.COMPLETED);

            // ------------------------------------------------------------ held, each by its rule
            assertThat(rules(jdbc, typoAccount)).contains("TOTAL_VS_MEDIAN");
            assertThat(reason(jdbc, typoAccount, "TOTAL_VS_MEDIAN"))
                    .matches("total [0-9,.]+ is [0-9.]+x this account's median [0-9,.]+ of the last cycle \\(limit 5x\\)");
            assertThat(rules(jdbc, doubledAccount)).contains("USAGE_VS_USUAL");
            assertThat(reason(jdbc, doubledAccount, "USAGE_VS_USUAL"))
                    .containsPattern("DATA usage [0-9,.]+ GB is 2\\.0x this account's usual [0-9,.]+ GB \\(median of the last cycle, limit 1\\.8x\\)");
            // every QC account with a November invoice that charged QST is held for the missing QST
            List<String> qcWithQst = jdbc.queryForList("""
                    SELECT DISTINCT a.account_number FROM account a JOIN invoice i ON i.account_id = a.id AND i.cycle_date = ?
                    JOIN tax_line t ON t.invoice_id = i.id AND t.tax_code = 'QST' AND t.taxable_base <> 0
                    JOIN invoice d ON d.account_id = a.id AND d.cycle_date = ? AND d.subtotal > 0
                    ORDER BY a.account_number""", String.class, NOV, DEC);
            assertThat(qcWithQst).isNotEmpty();
            for (String account : qcWithQst) {
                assertThat(rules(jdbc, account)).as(account).contains("TAX_CHANGED");
                assertThat(reason(jdbc, account, "TAX_CHANGED"))
                        .contains("QST 9.975% was charged on the last invoice F-2026-").contains("is not charged on this one");
            }
            // nothing else is held: every held invoice has one of the planted causes
            Map<String, String> reviewStatus = reviewStatus(jdbc, DEC);
            for (Map.Entry<String, String> e : reviewStatus.entrySet()) {
                boolean planted = e.getKey().equals(doubledAccount) || qcWithQst.contains(e.getKey())
                        || count(jdbc, """
                            SELECT COUNT(*) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                            JOIN account a ON a.id = i.account_id
                            WHERE a.account_number = ? AND i.cycle_date = ? AND l.item_plan_code = ?""", e.getKey(), DEC, typoPlan) > 0;
                if (!planted) {
                    assertThat(e.getValue()).as("clean account " + e.getKey()).isEqualTo("CLEARED");
                }
            }
            List<String> held = reviewStatus.entrySet().stream().filter(e -> e.getValue().equals("HELD"))
                    .map(Map.Entry::getKey).toList();
            List<String> cleared = reviewStatus.entrySet().stream().filter(e -> e.getValue().equals("CLEARED"))
                    .map(Map.Entry::getKey).toList();
            assertThat(cleared).isNotEmpty();

            // ------------------------------------------------------------ the clean invoices went out, the held did not
            Set<String> heldNumbers = numbers(jdbc, DEC, "HELD");
            Set<String> clearedNumbers = numbers(jdbc, DEC, "CLEARED");
            assertThat(pdfs(run, DEC)).isEqualTo(clearedNumbers);
            assertThat(handedOver(run, DEC)).isEqualTo(expectedHandOver(jdbc, DEC, "CLEARED"));
            assertThat(handedOver(run, DEC)).noneMatch(name -> heldNumbers.stream().anyMatch(name::startsWith));
            assertThat(count(jdbc, """
                    SELECT COUNT(*) FROM delivery d JOIN invoice i ON i.id = d.invoice_id
                    WHERE i.cycle_date = ? AND i.review_status = 'HELD' AND d.status <> 'PENDING'""", DEC)).isZero();
            // held invoices keep their number and their ledger entry
            assertThat(count(jdbc, """
                    SELECT COUNT(*) FROM invoice i JOIN account_ledger l ON l.entry_type = 'INVOICE' AND l.reference = i.invoice_number
                    WHERE i.cycle_date = ? AND i.review_status = 'HELD'""", DEC)).isEqualTo(held.size());

            // the run summary says how many by which rule
            String summary = Files.readString(run.properties().reports(DEC).resolve("run-summary.txt"));
            assertThat(summary).contains("Review gate")
                    .containsPattern("invoices cleared " + cleared.size() + ", held " + held.size())
                    .containsPattern("held by usage-vs-usual +1")
                    .containsPattern("held by tax-changed +\\d+")
                    .containsPattern("held by total-vs-median +\\d+");

            // the journal (accounting export) posts what the gate let go, not what it holds
            assertThat(jdbc.queryForList("SELECT source_ref FROM journal_posting WHERE source_type = 'INVOICE'",
                    String.class)).containsAll(clearedNumbers).doesNotContainAnyElementsOf(heldNumbers);

            // ------------------------------------------------------------ release, rerun: rendered and sent once
            ReviewDesk desk = run.bean(ReviewDesk.class);
            String typoInvoice = number(jdbc, typoAccount, DEC);
            assertThat(desk.release(DEC, List.of(typoInvoice), "alice")).isEqualTo(1);
            assertThat(run.bean(CycleLauncher.class).rerun(DEC).result()).isEqualTo(Result.COMPLETED);
            // ... posted by the rerun after its release, the others still not
            assertThat(jdbc.queryForObject("SELECT rerun FROM journal_posting WHERE source_type = 'INVOICE' AND source_ref = ?",
                    Integer.class, typoInvoice)).isPositive();
            assertThat(pdfs(run, DEC)).contains(typoInvoice).doesNotContainAnyElementsOf(
                    heldNumbers.stream().filter(n -> !n.equals(typoInvoice)).toList());
            Set<String> afterRelease = handedOver(run, DEC);
            assertThat(afterRelease).isEqualTo(expectedHandOver(jdbc, DEC, "CLEARED", "RELEASED"));
            assertThat(jdbc.queryForList("""
                    SELECT d.status || ' ' || d.attempts FROM delivery d JOIN invoice i ON i.id = d.invoice_id
                    WHERE i.invoice_number = ?""", String.class, typoInvoice)).isNotEmpty().allMatch("SENT 1"::equals);
            // once more: nothing is sent again
            assertThat(run.bean(CycleLauncher.class).rerun(DEC).result()).isEqualTo(Result.COMPLETED);
            assertThat(handedOver(run, DEC)).isEqualTo(afterRelease);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM delivery WHERE attempts > 1")).isZero();
            assertThat(jdbc.queryForObject("""
                    SELECT decided_by || ' ' || decision FROM review_decision d JOIN invoice i ON i.id = d.invoice_id
                    WHERE i.invoice_number = ?""", String.class, typoInvoice)).isEqualTo("alice RELEASED");

            // ------------------------------------------------------------ void: a credit note, the balance back
            String doubledInvoice = number(jdbc, doubledAccount, DEC);
            BigDecimal doubledTotal = Fixtures.invoiceValue(jdbc, "total", doubledAccount, DEC);
            assertThat(Fixtures.balance(jdbc, doubledAccount)).isEqualByComparingTo(doubledBalanceBefore.add(doubledTotal));
            List<String> notes = desk.voidInvoices(DEC, List.of(doubledInvoice), "usage file counted twice", "bob");
            assertThat(notes).containsExactly("CN-2026-000001");
            // balance = before + invoice total - credit note (the same amount) = before
            assertThat(Fixtures.balance(jdbc, doubledAccount)).isEqualByComparingTo(doubledBalanceBefore);
            assertThat(jdbc.queryForObject("SELECT amount FROM account_ledger WHERE entry_type = 'CREDIT_NOTE' AND reference = ?",
                    BigDecimal.class, "CN-2026-000001")).isEqualByComparingTo(doubledTotal.negate());
            // never deleted nor renumbered: the invoice is VOID with its number and INVOICE entry
            assertThat(jdbc.queryForObject("SELECT status FROM invoice WHERE invoice_number = ?", String.class, doubledInvoice))
                    .isEqualTo("VOID");
            assertThat(count(jdbc, "SELECT COUNT(*) FROM account_ledger WHERE entry_type = 'INVOICE' AND reference = ?",
                    doubledInvoice)).isEqualTo(1);
            assertThat(jdbc.queryForList("SELECT d.status FROM delivery d JOIN invoice i ON i.id = d.invoice_id WHERE i.invoice_number = ?",
                    String.class, doubledInvoice)).isNotEmpty().allMatch("VOID"::equals);
            assertThat(jdbc.queryForObject("""
                    SELECT decided_by || ' ' || decision || ' ' || reason || ' ' || credit_note FROM review_decision d
                    JOIN invoice i ON i.id = d.invoice_id WHERE i.invoice_number = ?""", String.class, doubledInvoice))
                    .isEqualTo("bob VOIDED usage file counted twice CN-2026-000001");
            // a rerun does not send a voided invoice, nor post it to the journal (it never asked for anything)
            assertThat(run.bean(CycleLauncher.class).rerun(DEC).result()).isEqualTo(Result.COMPLETED);
            assertThat(pdfs(run, DEC)).doesNotContain(doubledInvoice);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM journal_posting WHERE source_ref = ?", doubledInvoice)).isZero();
            // and status says what still waits
            assertThat(run.bean(CycleStatus.class).overview())
                    .contains("waiting for review: cycle 2026-12-01, " + (held.size() - 2) + " invoices held");
        }
    }

    @Test
    void wholeHandOffHeldUntilReleased() throws IOException {
        // a plan's revenue judged from 1 account up, so the small demo's typo plan is judged
        Path rules = rules("plan-revenue.minimum-accounts=1\n");
        try (BillingRun run = BillingRun.onH2(Map.of("billing.review.rules", rules.toString()))) {
            JdbcTemplate jdbc = run.jdbc();
            run.generateAndImport(30, 23);
            assertThat(bill(run, NOV)).isEqualTo(Result.COMPLETED);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM invoice WHERE review_status = 'HELD'")).isZero();
            write(run.properties().inbox("usage").resolve("usage-2026-12-01.csv"), nextMonthUsage(run));
            String typoPlan = jdbc.queryForObject("""
                    SELECT MIN(l.item_plan_code) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                    JOIN plan p ON p.code = l.item_plan_code WHERE i.cycle_date = ? AND p.period_months = 1""", String.class, NOV);
            jdbc.update("UPDATE plan SET monthly_price = monthly_price * 10, term_price = term_price * 10 WHERE code = ?", typoPlan);
            // the typo made in place, undated: no dated price change explains the jump (a dated one
            // is revenue expected at the new price: PlanPriceRiseReviewTest)
            jdbc.update("UPDATE plan_price SET term_price = term_price * 10 WHERE plan_code = ?", typoPlan);

            // the cycle completes (nothing blocks the next day's jobs) with every invoice held
            assertThat(bill(run, DEC)).isEqualTo(Result.COMPLETED);
            long issued = count(jdbc, "SELECT COUNT(*) FROM invoice WHERE cycle_date = ? AND status = 'ISSUED'", DEC);
            assertThat(issued).isPositive();
            assertThat(numbers(jdbc, DEC, "HELD")).hasSize((int) issued);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM review_hold WHERE cycle_date = ? AND rule_code = 'PLAN_REVENUE'", DEC))
                    .isGreaterThanOrEqualTo(issued);
            assertThat(pdfs(run, DEC)).isEmpty();
            assertThat(handedOver(run, DEC)).isEmpty();
            String summary = Files.readString(run.properties().reports(DEC).resolve("run-summary.txt"));
            assertThat(summary).containsPattern("whole hand-off held: plan " + typoPlan
                    + " \\(CAD\\): revenue [0-9,.]+ from \\d+ accounts against [0-9,.]+ on their previous invoices at today's prices: \\+\\d+\\.\\d% \\(limit 20%\\)");
            assertThat(run.bean(CycleStatus.class).overview())
                    .contains("waiting for review: cycle 2026-12-01, " + issued + " invoices held");

            // the operator decides: all of it goes
            assertThat(run.bean(ReviewDesk.class).release(DEC, List.of(), "carol")).isEqualTo((int) issued);
            assertThat(run.bean(CycleLauncher.class).rerun(DEC).result()).isEqualTo(Result.COMPLETED);
            assertThat(pdfs(run, DEC)).hasSize((int) issued);
            assertThat(handedOver(run, DEC)).isEqualTo(expectedHandOver(jdbc, DEC, "RELEASED"));
            assertThat(count(jdbc, """
                    SELECT COUNT(*) FROM delivery d JOIN invoice i ON i.id = d.invoice_id
                    WHERE i.cycle_date = ? AND (d.status <> 'SENT' OR d.attempts <> 1)""", DEC)).isZero();
            assertThat(count(jdbc, "SELECT COUNT(*) FROM review_decision WHERE decided_by = 'carol' AND decision = 'RELEASED'"))
                    .isEqualTo(issued);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Result bill(BillingRun run, LocalDate cycle) {
        return run.bean(CycleLauncher.class).bill(cycle, CycleLauncher.Option.FORCE).result();
    }

    private static Path rules(String text) throws IOException {
        Path file = Files.createTempDirectory("review-rules-").resolve("review-rules.properties");
        Files.writeString(file, text);
        return file;
    }

    private static long count(JdbcTemplate jdbc, String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** The usage files November's cycle read (archived), their well-formed records a month later with new ids. */
    private static List<String[]> nextMonthUsage(BillingRun run) throws IOException {
        List<String[]> records = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(run.properties().archive("usage"))) {
            files = listing.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                    try {
                        LocalDateTime start = LocalDateTime.parse(r.get("start_time"));
                        Long.parseLong(r.get("quantity"));
                        records.add(new String[]{"N" + r.get("record_id"), r.get("source"), r.get("service_id"),
                                r.get("usage_type"), start.plusMonths(1).toString(), r.get("quantity")});
                    } catch (RuntimeException malformed) {
                        // the demo's planted bad lines: not carried over
                    }
                }
            }
        }
        return records;
    }

    private static void write(Path file, List<String[]> records) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.DEFAULT.builder()
                     .setHeader("record_id", "source", "service_id", "usage_type", "start_time", "quantity").get().print(writer)) {
            for (String[] r : records) {
                printer.printRecord((Object[]) r);
            }
        }
    }

    /** Invoice numbers of the PDFs rendered for a cycle. */
    private static Set<String> pdfs(BillingRun run, LocalDate cycle) throws IOException {
        Path folder = run.properties().out().resolve("invoices").resolve(cycle.toString());
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".pdf"))
                    .map(n -> n.substring(0, n.length() - 4)).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Letters and emails written for a cycle: the vendor's PDFs and the .eml files, by name. */
    private static Set<String> handedOver(BillingRun run, LocalDate cycle) throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path folder : List.of(run.properties().out().resolve("mail-vendor").resolve(cycle.toString()),
                run.properties().out().resolve("email").resolve(cycle.toString()))) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    files.map(f -> f.getFileName().toString())
                            .filter(n -> n.endsWith("-PRINT.pdf") || n.endsWith("-EMAIL.eml")).forEach(names::add);
                }
            }
        }
        return names;
    }

    /** What the outbox says should have been handed over for the invoices in these review states. */
    private static Set<String> expectedHandOver(JdbcTemplate jdbc, LocalDate cycle, String... reviewStatus) {
        Set<String> names = new TreeSet<>();
        for (String status : reviewStatus) {
            jdbc.query("""
                    SELECT d.idempotency_key, d.channel FROM delivery d JOIN invoice i ON i.id = d.invoice_id
                    WHERE i.cycle_date = ? AND i.review_status = ?""", rs -> {
                names.add(rs.getString(1) + (rs.getString(2).equals("PRINT") ? ".pdf" : ".eml"));
            }, cycle, status);
        }
        return names;
    }

    private static Set<String> numbers(JdbcTemplate jdbc, LocalDate cycle, String reviewStatus) {
        return new TreeSet<>(jdbc.queryForList("SELECT invoice_number FROM invoice WHERE cycle_date = ? AND review_status = ?",
                String.class, cycle, reviewStatus));
    }

    private static Map<String, String> reviewStatus(JdbcTemplate jdbc, LocalDate cycle) {
        Map<String, String> status = new java.util.TreeMap<>();
        jdbc.query("""
                SELECT a.account_number, i.review_status FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = ? AND i.status = 'ISSUED'""", rs -> {
            status.put(rs.getString(1), rs.getString(2));
        }, cycle);
        return status;
    }

    private static List<String> rules(JdbcTemplate jdbc, String account) {
        return jdbc.queryForList("""
                SELECT h.rule_code FROM review_hold h JOIN invoice i ON i.id = h.invoice_id JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND h.cycle_date = ? ORDER BY h.rule_code""", String.class, account, DEC);
    }

    private static String reason(JdbcTemplate jdbc, String account, String rule) {
        return jdbc.queryForObject("""
                SELECT h.reason FROM review_hold h JOIN invoice i ON i.id = h.invoice_id JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND h.cycle_date = ? AND h.rule_code = ?""", String.class, account, DEC, rule);
    }

    private static String number(JdbcTemplate jdbc, String account, LocalDate cycle) {
        return jdbc.queryForObject("""
                SELECT i.invoice_number FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ?""", String.class, account, cycle);
    }
}
