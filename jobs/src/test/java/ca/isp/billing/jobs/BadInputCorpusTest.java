package ca.isp.billing.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.readers.BadFileException;

/**
 * The bad-input corpus: one file per case in {@code fixtures/bad-input/}, each with its expected
 * outcome in {@code cases.csv} (the lines stored, by key; the lines rejected, with their line,
 * field and a fragment of the reason; or the whole file refused). Each file goes through the real
 * path: reference data through the importer, inbox files through a rerun of a completed cycle
 * with everything else good. Each case proves its rejects and reasons, its good lines stored, and
 * that nothing else changed (every table's row count before and after). The outcome of every case
 * is written to {@code target/reliability-report-inputs.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final LocalDate CYCLE = LocalDate.of(2026, 11, 1);
    private static final Path REPORT = Path.of("target", "reliability-report-inputs.md");

    /** One line of cases.csv. */
    record Case(String file, String kind, List<String> stored, List<String> rejects, String expect, String what) {

        boolean wholeFileRefused() {
            return rejects.size() == 1 && rejects.get(0).startsWith("FILE:");
        }

        boolean inbox() {
            return kind.equals("usage") || kind.equals("payments");
        }
    }

    private final List<String> report = new ArrayList<>();

    @BeforeAll
    void billACycleWithGoodData() throws IOException {
        // Accounts 100001..100003 (due 2026-11-01, alice and 5145550101 among their services) and two of
        // the corpus's own, not due this cycle: 900001 takes the payments (no invoice: they stay credits,
        // nothing allocated), 900002 the opening balances (due after the cycle date: no late fee).
        Fixtures.importAll(importer, "reference", Kind.PLANS, Kind.TAX_RATES, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
        Path accounts = HOME.resolve("corpus-accounts.csv");
        String header = "account_number,name,customer_type,language,email,delivery,billing_line1,billing_line2,"
                + "billing_city,billing_region,billing_postal_code,billing_country,service_line1,service_line2,"
                + "service_city,service_county,service_region,service_postal_code,service_country,next_bill_date";
        Files.writeString(accounts, header + "\n"
                + "900001,Corpus Payer,RESIDENTIAL,en,,MAIL,1 King St,,Toronto,ON,M5H 1A1,CA,1 King St,,Toronto,,ON,M5H 1A1,CA,2026-12-01\n"
                + "900002,Corpus Debtor,RESIDENTIAL,en,,MAIL,1 King St,,Toronto,ON,M5H 1A1,CA,1 King St,,Toronto,,ON,M5H 1A1,CA,2026-12-01\n");
        assertThat(importer.importFile(Kind.ACCOUNTS, accounts).inserted()).isEqualTo(2);
        assertThat(launcher.bill(CYCLE).result()).isEqualTo(Result.COMPLETED);
    }

    @TestFactory
    Stream<DynamicTest> eachBadFileHasItsExpectedOutcomeAndChangesNothingElse() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        // every file of the folder is a case, and every case has its file
        try (Stream<Path> files = Files.list(Fixtures.path("bad-input"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> !f.equals("cases.csv") && !f.startsWith(".")))
                    .containsExactlyInAnyOrderElementsOf(cases.stream().map(Case::file).toList());
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file(), () -> run(c)));
    }

    @AfterAll
    void writeReport() throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Bad input corpus\n\n");
        out.append("Each file of `jobs/src/test/resources/fixtures/bad-input/` went through the real path (reference data:"
                + " the importer; usage and payments: a rerun of a completed cycle whose other data is good). Checked for"
                + " each: the expected rejects with their line, field and reason, the good lines stored, and every"
                + " table's row count before and after (nothing else changed).\n\n");
        out.append("| # | file | kind | case | outcome | checked |\n|---|---|---|---|---|---|\n");
        report.forEach(line -> out.append(line).append('\n'));
        out.append("\n").append(report.size()).append(" cases, ")
                .append(report.stream().filter(l -> l.endsWith("| ok |")).count()).append(" as expected.\n");
        Files.createDirectories(REPORT.toAbsolutePath().getParent());
        Files.writeString(REPORT, out.toString(), StandardCharsets.UTF_8);
    }

    private void run(Case c) throws IOException {
        String checked = "FAILED";
        String outcome = "";
        try {
            Map<String, Long> before = counts();
            Path file = Fixtures.path("bad-input/" + c.file());
            List<CSVRecord> rejects = c.inbox() ? throughTheInbox(c, file) : throughTheImport(c, file);
            outcome = outcome(c, rejects);

            if (c.wholeFileRefused()) {
                String fragment = c.rejects().get(0).substring("FILE:".length());
                assertThat(rejects).as("the one reject of a refused file").hasSize(1);
                assertThat(rejects.get(0).get("line")).isEqualTo("1");
                assertThat(rejects.get(0).get("reason")).contains(fragment);
            } else {
                assertThat(rejects).as("rejects of " + c.file()).hasSize(c.rejects().size());
                for (int i = 0; i < rejects.size(); i++) {
                    String[] expected = c.rejects().get(i).split(":", 3);
                    assertThat(rejects.get(i).get("line")).as("line of reject " + i).isEqualTo(expected[0]);
                    assertThat(rejects.get(i).get("field")).as("field of reject " + i).isEqualTo(expected[1]);
                    assertThat(rejects.get(i).get("reason")).as("reason of reject " + i).contains(expected[2]);
                }
            }
            for (String key : c.stored()) {
                assertThat(stored(c.kind(), key)).as("stored: " + key).isEqualTo(1);
            }
            assertThat(counts()).as("row counts after " + c.file()).isEqualTo(expectedCounts(before, c));
            extraChecks(c);
            checked = "ok";
        } finally {
            report.add(String.format("| %d | `%s` | %s | %s | %s | %s |", report.size() + 1, c.file(), c.kind(),
                    c.what(), outcome, checked));
        }
    }

    /** The file dropped in its inbox and a rerun of the cycle; its reject rows (none: empty). */
    private List<CSVRecord> throughTheInbox(Case c, Path file) throws IOException {
        Path inbox = properties.inbox(c.kind());
        Files.createDirectories(inbox);
        Files.copy(file, inbox.resolve(c.file()));

        assertThat(launcher.rerun(CYCLE).result()).as("rerun with " + c.file()).isEqualTo(Result.COMPLETED);

        assertThat(inbox.resolve(c.file())).doesNotExist();
        // a refused file is set aside in var/rejects, any other is archived
        Path kept = c.wholeFileRefused() ? properties.rejects().resolve(c.file()) : properties.archive(c.kind()).resolve(c.file());
        assertThat(Files.mismatch(kept, file)).as("kept as it came").isEqualTo(-1L);
        Path rejectFile = properties.rejects().resolve(c.file() + ".rejects.csv");
        return Files.exists(rejectFile) ? Fixtures.rejects(rejectFile) : List.of();
    }

    /** The file imported; a file refused whole throws, and its reason is returned as a reject of line 1. */
    private List<CSVRecord> throughTheImport(Case c, Path file) throws IOException {
        Kind kind = Kind.of(c.kind());
        if (c.wholeFileRefused()) {
            List<String> reason = new ArrayList<>();
            assertThatThrownBy(() -> importer.importFile(kind, file)).isInstanceOfSatisfying(BadFileException.class,
                    e -> reason.add(e.reason()));
            return rows("file,line,field,reason,raw\n" + CSVFormat.DEFAULT.format(c.file(), 1, "", reason.get(0), "") + "\n");
        }
        ReferenceDataImporter.Result result = importer.importFile(kind, file);
        assertThat(result.inserted()).as(result.describe()).isEqualTo(c.stored().size());
        assertThat(result.lines()).as(result.describe()).isEqualTo(c.stored().size() + result.rejected());
        return result.rejected() == 0 ? List.of() : Fixtures.rejects(result.rejectFile());
    }

    /** Every table's count must move by what the good lines add, and no other. */
    private static Map<String, Long> expectedCounts(Map<String, Long> before, Case c) {
        Map<String, Long> expected = new LinkedHashMap<>(before);
        long n = c.stored().size();
        List<String> tables = switch (c.kind()) {
            case "usage" -> List.of("usage_record");
            case "payments" -> List.of("payment", "account_ledger");
            case "accounts" -> List.of("account");
            case "plans" -> List.of("plan");
            case "subscriptions" -> List.of("subscription", "service_identifier");
            case "tax-rates" -> List.of("tax_rate");
            case "opening-balances" -> List.of("invoice", "account_ledger");
            default -> throw new IllegalArgumentException("unknown kind " + c.kind());
        };
        tables.forEach(t -> expected.merge(t, n, Long::sum));
        if (c.inbox() && !c.wholeFileRefused()) {
            expected.merge("ingested_file", 1L, Long::sum); // the file is recorded, whatever it held
        }
        return expected;
    }

    private void extraChecks(Case c) {
        for (String check : c.expect().isBlank() ? new String[0] : c.expect().split(" ")) {
            String[] kv = check.split("=", 2);
            switch (kv[0]) {
                case "suspense" -> assertThat(count("SELECT COUNT(*) FROM payment_suspense WHERE payment_ref = ?",
                        kv[1])).isEqualTo(1);
                case "unmatched" -> assertThat(jdbc.queryForObject(
                        "SELECT status FROM usage_record WHERE record_id = ?", String.class, kv[1])).isEqualTo("UNMATCHED");
                case "duplicates" -> assertThat(count("SELECT duplicates FROM ingested_file WHERE file_name = ?",
                        c.file())).isEqualTo(Long.parseLong(kv[1]));
                default -> throw new IllegalArgumentException("unknown check " + check);
            }
        }
    }

    private long stored(String kind, String key) {
        return switch (kind) {
            case "usage" -> count("SELECT COUNT(*) FROM usage_record WHERE record_id = ?", key);
            case "payments" -> count("SELECT COUNT(*) FROM payment WHERE payment_ref = ?", key);
            case "accounts" -> count("SELECT COUNT(*) FROM account WHERE account_number = ?", key);
            case "plans" -> count("SELECT COUNT(*) FROM plan WHERE code = ?", key);
            case "subscriptions" -> count("SELECT COUNT(*) FROM subscription WHERE subscription_id = ?", key);
            case "tax-rates" -> count("SELECT COUNT(*) FROM tax_rate WHERE region = ? AND tax_code = ?",
                    (Object[]) key.split("/"));
            case "opening-balances" -> count("SELECT COUNT(*) FROM invoice WHERE invoice_number = ?", key);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    /** Row counts of every billing table, the reference tables included. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = CycleTestSupport.tableCounts(jdbc);
        for (String table : new String[] {"plan", "tax_rate", "service_identifier"}) {
            counts.put(table, count("SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }

    private static String outcome(Case c, List<CSVRecord> rejects) {
        if (c.wholeFileRefused()) {
            return "whole file refused: " + (rejects.isEmpty() ? "?" : rejects.get(0).get("reason"));
        }
        StringBuilder out = new StringBuilder(c.stored().size() + " stored, " + rejects.size() + " rejected");
        for (CSVRecord r : rejects) {
            String reason = r.get("reason");
            out.append("; line ").append(r.get("line")).append(r.get("field").isEmpty() ? "" : " " + r.get("field"))
                    .append(": ").append(reason.length() > 90 ? reason.substring(0, 90) + "…" : reason);
        }
        if (!c.expect().isBlank()) {
            out.append(" (").append(c.expect()).append(')');
        }
        return out.toString().replace("|", "\\|");
    }

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (CSVRecord r : rows(Files.readString(Fixtures.path("bad-input/cases.csv"), StandardCharsets.UTF_8))) {
            cases.add(new Case(r.get("file"), r.get("kind"), split(r.get("stored"), " "), split(r.get("rejects"), " \\| "),
                    r.get("expect"), r.get("case")));
        }
        return cases;
    }

    private static List<String> split(String text, String separator) {
        return text.isBlank() ? List.of() : Arrays.asList(text.split(separator));
    }

    private static List<CSVRecord> rows(String csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = new java.io.StringReader(csv); CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            return parser.getRecords();
        }
    }
}
