package ca.isp.billing.jobs.render;

import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * The usage summary says what the charge lines of the same invoice say: the same calls, the same
 * billed duration, in the same words (fixtures hand-worked/summary-agrees, one Asterisk Master.csv,
 * Toronto time; November's invoices bill October's calls). Every figure is worked by hand below.
 * <ul>
 * <li>540001 (en, ON), plan VOIP-RATED: a rate table (DAY Mon-Fri 08:00-18:00, EVENING Mon-Fri
 * 18:00-24:00), 2 included minutes drawn by the Toronto rates only. France (33) is 0.12/min in
 * 30/6 increments + 0.15 a call; Toronto (1416) 60/60.</li>
 * <li>540002 (fr, QC), plan VOIP-MINUTE: no rate table, 0.10 a started minute.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageSummaryAgreesWithChargesTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final String FIXTURES = "hand-worked/summary-agrees/";
    private static final String MONDAY = "2026-10-05";
    private static final String SATURDAY = "2026-10-10";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.ingest.sources.pbx.format", () -> "asterisk-csv");
        registry.add("billing.ingest.sources.pbx.zone", () -> "America/Toronto");
    }

    @BeforeAll
    void bill() throws IOException {
        importFile(importer, Kind.PLANS, FIXTURES + "plans.csv");
        importFile(importer, Kind.TAX_RATES, "journal/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, FIXTURES + "accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, FIXTURES + "subscriptions.csv");
        importFile(importer, Kind.RATES, FIXTURES + "rates.csv");
        importFile(importer, Kind.RATE_BANDS, FIXTURES + "rate-bands.csv");
        String rated = "4165550401";
        String perMinute = "5145550402";
        Files.createDirectories(properties.inbox("pbx"));
        Files.write(properties.inbox("pbx").resolve("Master.csv"), List.of(
                // 540001, DAY (Monday 08:00-18:00), France: 33 ANY, 30/6, 0.15 a call
                call(rated, "33123456789", MONDAY, "10:00:00", 61, "ANSWERED"),  // 30 + 6 x 6 = 66 s
                call(rated, "33123456789", MONDAY, "10:30:00", 10, "ANSWERED"),  // the first 30 s
                call(rated, "33123456789", MONDAY, "11:00:00", 0, "ANSWERED"),   // answered, no talk: 0 s
                call(rated, "33123456789", MONDAY, "11:30:00", 599, "ANSWERED"), // 30 + 95 x 6 = 600 s
                call(rated, "33123456789", MONDAY, "12:00:00", 713, "ANSWERED"), // 30 + 114 x 6 = 714 s
                call(rated, "33123456789", MONDAY, "13:00:00", 0, "NO ANSWER"),  // not answered
                // 540001, EVENING, Toronto 1416 EVENING 60/60: 125 s -> 180 s
                call(rated, "14165550100", MONDAY, "19:00:00", 125, "ANSWERED"),
                // 540001, Saturday, in no band: Toronto 1416 ANY 60/60: 61 s -> 120 s
                call(rated, "14165550100", SATURDAY, "10:00:00", 61, "ANSWERED"),
                // 540002, per started minute: 61 s = 2, 600 s = 10, 59 s = 1, not answered 0 s = none
                call(perMinute, "15145550100", MONDAY, "10:00:00", 61, "ANSWERED"),
                call(perMinute, "15145550100", MONDAY, "11:00:00", 600, "ANSWERED"),
                call(perMinute, "15145550100", MONDAY, "12:00:00", 59, "ANSWERED"),
                call(perMinute, "15145550100", MONDAY, "13:00:00", 0, "NO ANSWER")));
        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);
    }

    @Test
    void aRateTablesCallsAreTheSameCallsAndSecondsInTheSummaryAndTheChargeLines() throws IOException {
        // The amounts, unchanged by the summary (each call rounded to the cent, VoiceCharger):
        // DAY, France (uses no included minutes):
        //   66 s: 0.15 + 66 x 0.12 / 60 = 0.15 + 0.132 = 0.282 -> 0.28
        //   30 s: 0.15 + 30 x 0.12 / 60 = 0.15 + 0.06 = 0.21
        //    0 s: the connection fee 0.15 (the call was answered: CallRater prices it)
        //  600 s: 0.15 + 600 x 0.12 / 60 = 0.15 + 1.20 = 1.35
        //  714 s: 0.15 + 714 x 0.12 / 60 = 0.15 + 1.428 = 1.578 -> 1.58
        //   not answered: nothing, and no call of the line
        //   0.28 + 0.21 + 0.15 + 1.35 + 1.58 = 3.57
        // EVENING: 180 s, 120 s of it included (the plan's 2 minutes), 60 s x 0.01 / 60 = 0.01
        // no band: 120 s, nothing left included, 120 x 0.015 / 60 = 0.03
        assertThat(voiceLines("540001")).containsExactly(
                tuple("USAGE:VOICE:S540001:ANY:2026-10-01", "0.03"),
                tuple("USAGE:VOICE:S540001:DAY:2026-10-01", "3.57"),
                tuple("USAGE:VOICE:S540001:EVENING:2026-10-01", "0.01"));

        // DAY: 5 calls, 66 + 30 + 0 + 600 + 714 = 1410 s = 23 x 60 + 30 = 23 min 30 s, in the charge line
        // and in the summary: the same words twice on the page. (The summary used to count the calls of a
        // started minute and add them up: 2 + 1 + 10 + 12 = "Calls (Day): 4, 25 min billed".)
        // A charge line reads "<description> <period> <quantity> <amount>", a summary row its words alone.
        String text = pdfText("540001");
        assertThat(text).contains("Calls (Day): 5 calls, 23 min 30 s Oct. 1 – Oct. 31, 2026 23.5 min $3.57\n")
                .contains("Your usage\nCalls: 1 call, 2 min\nCalls (Day): 5 calls, 23 min 30 s\n"
                        + "Calls (Evening): 1 call, 3 min\n")
                .doesNotContain("25 min");
        // EVENING: 1 call, 180 s = 3 min; its charge line adds the 2 min the included minutes took
        assertThat(text).contains("Calls (Evening): 1 call, 3 min, 2 min included Oct. 1 – Oct. 31, 2026 3 min $0.01\n");
        // no band: 1 call, 120 s = 2 min, in both
        assertThat(text).contains("Calls: 1 call, 2 min Oct. 1 – Oct. 31, 2026 2 min $0.03\n");
    }

    @Test
    void aPerMinutePlansCallsAreTheSameMinutesInTheSummaryAndTheChargeLine() throws IOException {
        // 2 + 10 + 1 = 13 started minutes x 0.10 = 1.30; the call not answered has none: it bills nothing
        assertThat(voiceLines("540002")).containsExactly(tuple("USAGE:VOICE:S540002:2026-10-01", "1.30"));
        String text = pdfText("540002");
        // the charge line bills 13 minutes; the summary: the 3 calls that have one, 13 min
        assertThat(text).contains("Votre consommation").contains("Appels : 13 minutes")
                .contains("Appels : 3 appels, 13 min\n");
    }

    /**
     * A 16-column Asterisk cdr_csv line of {@code src}'s call: it rings 5 s, then {@code billsec} seconds
     * of talk (no answer time when not answered).
     */
    private static String call(String src, String dst, String day, String start, int billsec, String disposition) {
        LocalTime begin = LocalTime.parse(start);
        String answer = disposition.equals("ANSWERED") ? quoted(day + " " + TIME.format(begin.plusSeconds(5))) : "";
        return String.join(",", quoted("1001"), quoted(src), quoted(dst), quoted("from-internal"),
                "\"\"\"Caller\"\" <" + src + ">\"", quoted("PJSIP/1001-0001"), quoted("PJSIP/trunk-0002"),
                quoted("Dial"), quoted("PJSIP/" + dst + "@trunk,30"), quoted(day + " " + start), answer,
                quoted(day + " " + TIME.format(begin.plusSeconds(5 + billsec))), String.valueOf(5 + billsec),
                String.valueOf(billsec), quoted(disposition), quoted("DOCUMENTATION"));
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    private List<Tuple> voiceLines(String accountNumber) {
        List<Tuple> lines = new ArrayList<>();
        jdbc.query("""
                SELECT l.line_key, l.amount FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ? AND l.line_key LIKE 'USAGE:VOICE:%'
                ORDER BY l.line_key""", rs -> {
            lines.add(tuple(rs.getString(1), rs.getBigDecimal(2).toPlainString()));
        }, accountNumber, NOV);
        return lines;
    }

    private String pdfText(String accountNumber) throws IOException {
        String pdf = jdbc.queryForObject("""
                SELECT i.pdf_path FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ?""", String.class, accountNumber, NOV);
        try (PDDocument document = Loader.loadPDF(Path.of(pdf).toFile())) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replace('\u202f', ' ')
                    .replaceAll("[ \\t]+", " ").replace(" \n", "\n");
        }
    }
}
