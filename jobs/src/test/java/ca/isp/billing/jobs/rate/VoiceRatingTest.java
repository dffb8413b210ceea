package ca.isp.billing.jobs.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.cycle.UsageIngestLauncher;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Asterisk (and FreeSWITCH) calls of the VOIP-BASIC plan rated in the cycle's rate step with the plan's rate table
 * (imported with `import rates` and `import rate-bands` under the plan's code, fixtures/rating/):
 * longest prefix, time bands, increments, connection fee, minimum, dated rates; an unanswered call
 * billed nothing; a call no rate prices is a rating gap in the run summary, never billed, and
 * rated once its rate is imported. Every amount is worked by hand in the comments. Calls start on
 * Monday 2026-10-05 (DAY is Mon-Fri 08:00-18:00, EVENING Mon-Fri 18:00-24:00), Toronto time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VoiceRatingTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);

    @Autowired
    private UsageIngestLauncher usageLauncher;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.ingest.sources.pbx.format", () -> "asterisk-csv");
        registry.add("billing.ingest.sources.pbx.zone", () -> "America/Toronto");
        registry.add("billing.ingest.sources.fs.format", () -> "freeswitch-csv");
        registry.add("billing.ingest.sources.fs.zone", () -> "America/Toronto");
    }

    @BeforeAll
    void importReferenceData() throws IOException {
        // 5145550101 is S100001-2, plan VOIP-BASIC; its rate table has the plan's code
        Fixtures.importAll(importer, "reference", Kind.PLANS, Kind.TAX_RATES, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
        // VOIP-BASIC again, now with 3 included minutes a period (its per_minute 0.05 no longer prices calls)
        assertThat(importer.importFile(Kind.PLANS, Fixtures.path("rating/plans-included-minutes.csv")).updated())
                .isEqualTo(1);
        assertThat(importer.importFile(Kind.RATES, Fixtures.path("rating/rates.csv")).inserted()).isEqualTo(9);
        assertThat(importer.importFile(Kind.RATE_BANDS, Fixtures.path("rating/rate-bands.csv")).inserted()).isEqualTo(2);
    }

    /** A 16-column Asterisk cdr_csv line of 5145550101's call; answer null for one not answered. */
    private static String call(String dst, String day, String start, String answer, String end, int duration,
                               int billsec, String disposition) {
        return String.join(",", "\"1001\"", "\"5145550101\"", "\"" + dst + "\"", "\"from-internal\"",
                "\"\"\"Alice\"\" <5145550101>\"", "\"PJSIP/1001-0001\"", "\"PJSIP/trunk-0002\"", "\"Dial\"",
                "\"PJSIP/" + dst + "@trunk,30\"", "\"" + day + " " + start + "\"",
                answer == null ? "" : "\"" + day + " " + answer + "\"", "\"" + day + " " + end + "\"",
                String.valueOf(duration), String.valueOf(billsec), "\"" + disposition + "\"", "\"DOCUMENTATION\"");
    }

    @Test
    @Order(1)
    void callsArePricedByTheirPlansRateTable() throws IOException {
        // given one Master.csv of the plan's calls
        String monday = "2026-10-05";
        Files.createDirectories(properties.inbox("pbx"));
        Files.write(properties.inbox("pbx").resolve("Master.csv"), List.of(
                call("15145550100", monday, "10:00:00", "10:00:05", "10:01:06", 66, 61, "ANSWERED"),
                call("33123456789", monday, "11:00:00", "11:00:04", "11:01:05", 65, 61, "ANSWERED"),
                call("33612345678", monday, "12:00:00", "12:00:05", "12:00:15", 15, 10, "ANSWERED"),
                call("15145550100", monday, "13:00:00", null, "13:00:20", 20, 0, "NO ANSWER"),
                call("442071234567", monday, "14:00:00", "14:00:01", "14:01:02", 62, 61, "ANSWERED"),
                call("8881234", monday, "15:00:00", "15:00:10", "15:00:40", 40, 30, "ANSWERED"),
                call("15145550100", monday, "19:00:00", "19:00:05", "19:02:10", 130, 125, "ANSWERED"),
                call("19005550000", monday, "20:00:00", "20:00:03", "20:02:03", 123, 120, "ANSWERED"),
                call("15145550100", "2026-10-10", "10:00:00", "10:00:05", "10:01:06", 66, 61, "ANSWERED")));

        // when
        assertThat(launcher.bill(NOVEMBER).result()).isEqualTo(Result.COMPLETED);

        // then
        assertThat(rated()).containsExactly(
                // Montréal by day: 1514 DAY, 0.02/min, 60/60: 61 s -> 120 s; 120 x 0.02 / 60 = 0.04
                tuple("15145550100", "PRICED", "DAY", new BigDecimal("0.04")),
                // France, 33 (336 is not a prefix of 3312...): 30/6, 61 s -> 30 + 6 x 6 = 66 s;
                // 0.15 + 66 x 0.12 / 60 = 0.15 + 0.132 = 0.282 -> 0.28
                tuple("33123456789", "PRICED", "DAY", new BigDecimal("0.28")),
                // France mobile, 336 is the longest prefix: 10 s -> 30 s; 0.15 + 30 x 0.25 / 60 = 0.275,
                // below the minimum 0.50 -> 0.50
                tuple("33612345678", "PRICED", "DAY", new BigDecimal("0.50")),
                // not answered: nothing
                tuple("15145550100", "PRICED", null, new BigDecimal("0.00")),
                // UK on Oct 5: the rate until Oct 15, 0.09/min 1/1: 61 x 0.09 / 60 = 0.0915 -> 0.09
                tuple("442071234567", "PRICED", "DAY", new BigDecimal("0.09")),
                // no prefix 8: a rating gap
                tuple("8881234", "GAP", null, null),
                // Montréal in the evening: 1514 EVENING, 0.01/min: 125 s -> 180 s; 180 x 0.01 / 60 = 0.03
                tuple("15145550100", "PRICED", "EVENING", new BigDecimal("0.03")),
                // 1900 has a DAY rate only: in the evening a gap, never the general 1 rate
                tuple("19005550000", "GAP", null, null),
                // Saturday is in no band: 1514's ANY rate, 0.015/min: 61 s -> 120 s; 120 x 0.015 / 60 = 0.03
                tuple("15145550100", "PRICED", "ANY", new BigDecimal("0.03")));
        String summary = Files.readString(properties.reports(NOVEMBER).resolve("run-summary.txt"));
        assertThat(summary).contains("calls with no rate (rating gaps: not billed, rated again next run): 2")
                .contains("-> 8881234 at 2026-10-05T15:00: no rate in table VOIP-BASIC for 8881234 on 2026-10-05")
                .contains("-> 19005550000 at 2026-10-05T20:00: table VOIP-BASIC, prefix 1900 has no rate for band "
                        + "EVENING or ANY on 2026-10-05");
        // the gaps are not billed
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status = 'RATING_GAP' AND invoice_id IS NULL"))
                .isEqualTo(2);

        // and the invoice bills the priced calls at those amounts, one line per band, against the plan's 3
        // included minutes (180 s), drawn in call order by the calls whose rate uses them (1, 1514: YES):
        // - Montreal DAY 10:00, 120 s billed: wholly included, 0.00; 60 s left
        // - France 0.28, France mobile 0.50, UK 0.09: rates that do not use included minutes
        // - not answered: nothing
        // - Montreal EVENING 19:00, 180 s billed: 60 s included, 120 s charged: 120 x 0.01 / 60 = 0.02; 0 s left
        // - Montreal Saturday (ANY), 120 s billed, none left: 120 x 0.015 / 60 = 0.03
        // DAY: 0.00 + 0.28 + 0.50 + 0.09 = 0.87; EVENING: 0.02; no band: 0.03. (At the plan's old
        // 0.05 a started minute, the 2 + 2 + 1 + 2 + 3 + 2 = 12 minutes answered would have been 0.60.)
        List<Tuple> voiceLines = new ArrayList<>();
        jdbc.query("SELECT l.line_key, l.amount FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id"
                + " WHERE i.cycle_date = ? AND l.line_key LIKE 'USAGE:VOICE:%' ORDER BY l.line_key", rs -> {
            voiceLines.add(tuple(rs.getString(1), rs.getBigDecimal(2).toPlainString()));
        }, NOVEMBER);
        assertThat(voiceLines).containsExactly(
                tuple("USAGE:VOICE:S100001-2:ANY:2026-10-01", "0.03"),
                tuple("USAGE:VOICE:S100001-2:DAY:2026-10-01", "0.87"),
                tuple("USAGE:VOICE:S100001-2:EVENING:2026-10-01", "0.02"));
        // the priced calls are billed on that invoice (the gaps are not)
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status = 'BILLED' AND usage_type = 'VOICE'"))
                .isEqualTo(7);

        // and the invoice's usage summary counts those calls per band with their started minutes (the
        // rate step's billable units), charged or not: DAY 61 s, 61 s, 10 s, 61 s = 4 calls, 2 + 2 + 1 + 2 =
        // 7 min; EVENING 125 s = 1 call, 3 min; Saturday, in no band (stored as ANY) 61 s = 1 call, 2 min;
        // the call not answered (0 s) is no call
        String pdf = jdbc.queryForObject("""
                SELECT i.pdf_path FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = '100001' AND i.cycle_date = ?""", String.class, NOVEMBER);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(Path.of(pdf).toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
            assertThat(text).contains("Your usage").contains("Calls (Day): 4 7 min billed")
                    .contains("Calls (Evening): 1 3 min billed").contains("Calls: 1 2 min billed");
        }
    }

    @Test
    @Order(2)
    void aGapIsRatedOnceItsRateIsImported() throws IOException {
        // given the same rates again (an upsert on table, prefix, band and first day: nothing changes)
        var again = importer.importFile(Kind.RATES, Fixtures.path("rating/rates.csv"));
        assertThat(again.unchanged()).isEqualTo(9);
        assertThat(importer.importFile(Kind.RATE_BANDS, Fixtures.path("rating/rate-bands.csv")).unchanged()).isEqualTo(2);
        // and an EVENING rate for 1900: 0.99/min, 60/60, connection fee 0.50
        Fixtures.importFile(importer, Kind.RATES, "rating/rates-premium-evening.csv");

        // when the next run rates the gaps again
        assertThat(launcher.rerun(NOVEMBER).result()).isEqualTo(Result.COMPLETED);

        // then: 120 s -> 120 s; 0.50 + 120 x 0.99 / 60 = 0.50 + 1.98 = 2.48; 8881234 is still a gap
        assertThat(rated()).contains(tuple("19005550000", "PRICED", "EVENING", new BigDecimal("2.48")))
                .contains(tuple("8881234", "GAP", null, null));
    }

    @Test
    @Order(3)
    void aRerateAfterARateFixPricesAgainWhatIsNotInvoicedYet() throws IOException {
        // given the 1900 evening rate corrected to 0.49/min; the 1900 call is RATED, not invoiced yet
        // (the account's next bill date moved past it); the other calls are on the November invoice
        Fixtures.importFile(importer, Kind.RATES, "rating/rates-premium-evening-fixed.csv");
        long records = count("SELECT COUNT(*) FROM usage_record");
        List<Tuple> before = rated();

        // when
        CycleOutcome outcome = usageLauncher.rerate(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1));

        // then: 0.50 + 120 x 0.49 / 60 = 0.50 + 0.98 = 1.48; the invoiced calls keep their amounts; no new record
        assertThat(outcome.result()).isEqualTo(Result.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isEqualTo(records);
        List<Tuple> expected = new ArrayList<>(before);
        expected.set(expected.indexOf(tuple("19005550000", "PRICED", "EVENING", new BigDecimal("2.48"))),
                tuple("19005550000", "PRICED", "EVENING", new BigDecimal("1.48")));
        assertThat(rated()).isEqualTo(expected);
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status = 'BILLED'")).isEqualTo(7);

        // and a second rerate of the same period changes nothing
        assertThat(usageLauncher.rerate(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)).result())
                .isEqualTo(Result.COMPLETED);
        assertThat(rated()).isEqualTo(expected);
    }

    @Test
    @Order(4)
    void freeSwitchCallsArePricedTheSameWay() throws IOException {
        // given a FreeSWITCH call (example template) of Tuesday 2026-10-06 10:00 to a French mobile, 10 s talked
        Files.createDirectories(properties.inbox("fs"));
        Files.write(properties.inbox("fs").resolve("Master.csv"), List.of("\"Alice\",\"5145550101\",\"33612345678\","
                + "\"default\",\"2026-10-06 10:00:00\",\"2026-10-06 10:00:05\",\"2026-10-06 10:00:15\",\"15\",\"10\","
                + "\"NORMAL_CLEARING\",\"5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0\",\"\",\"1001\",\"PCMU\",\"PCMU\""));

        // when
        assertThat(launcher.rerun(NOVEMBER).result()).isEqualTo(Result.COMPLETED);

        // then: 336, 30/6: 10 s -> 30 s; 0.15 + 30 x 0.25 / 60 = 0.275, below the minimum 0.50 -> 0.50
        assertThat(jdbc.queryForObject("SELECT rated_amount FROM usage_record WHERE source = 'fs'", BigDecimal.class))
                .isEqualByComparingTo("0.50");
    }

    @Test
    @Order(5)
    void callsThatComeAfterTheirPeriodWasBilledGetOnlyWhatWasLeftOfTheIncludedMinutes() throws IOException {
        // given a Montreal call of Monday 2026-10-12 10:00 (DAY), 61 s talked, in a file that came after
        // October was billed on the November invoice, whose calls used all 3 included minutes
        Files.write(properties.inbox("pbx").resolve("Master.csv"), List.of(
                call("15145550100", "2026-10-12", "10:00:00", "10:00:05", "10:01:06", 66, 61, "ANSWERED")));

        // when December is billed
        LocalDate december = LocalDate.of(2026, 12, 1);
        assertThat(launcher.bill(december).result()).isEqualTo(Result.COMPLETED);

        // then October's calls not billed yet are billed now, after the November invoice's calls
        // (10:00 Oct 5: 120 s, 19:00 Oct 5: 60 s of 180) used the 180 s included: none left
        // - Oct 6 FreeSWITCH France mobile (does not use included minutes): 0.50
        // - Oct 12 Montreal DAY, 61 s -> 120 s, nothing included left: 120 x 0.02 / 60 = 0.04
        //   (with the 180 s given again it would be 0.00)
        // - Oct 5 20:00 1900 EVENING at the fixed rate: 0.50 + 120 x 0.49 / 60 = 1.48
        // DAY: 0.50 + 0.04 = 0.54; EVENING: 1.48
        List<Tuple> voiceLines = new ArrayList<>();
        jdbc.query("SELECT l.line_key, l.amount FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id"
                + " WHERE i.cycle_date = ? AND l.line_key LIKE 'USAGE:VOICE:%' ORDER BY l.line_key", rs -> {
            voiceLines.add(tuple(rs.getString(1), rs.getBigDecimal(2).toPlainString()));
        }, december);
        assertThat(voiceLines).containsExactly(
                tuple("USAGE:VOICE:S100001-2:DAY:2026-10-01", "0.54"),
                tuple("USAGE:VOICE:S100001-2:EVENING:2026-10-01", "1.48"));
    }

    private List<Tuple> rated() {
        List<Tuple> rows = new ArrayList<>();
        // PRICED: RATED, or BILLED by the charge step (rated_amount is the call's full price, before included minutes)
        jdbc.query("""
                SELECT destination, CASE WHEN status = 'RATING_GAP' THEN 'GAP' ELSE 'PRICED' END, rate_band, rated_amount
                FROM usage_record ORDER BY start_time""", rs -> {
            rows.add(tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
        });
        return rows;
    }
}
