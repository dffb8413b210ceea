package ca.isp.billing.jobs.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * A phone subscription moves mid-period from a plan with a rate table (VOIP-BASIC) to one without
 * (VOIP-PLAIN, 0.10 a started minute). Each call is rated on the plan of its own day; the period is
 * billed on the plan of its last day, so its calls are minutes at VOIP-PLAIN's price, and the
 * account is billed (it was once left uncharged for good: its calls had a rated amount and its
 * plan had no table).
 */
class VoicePlanChangeTest extends AbstractCycleTest {

    private static final java.nio.file.Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.ingest.sources.pbx.format", () -> "asterisk-csv");
        registry.add("billing.ingest.sources.pbx.zone", () -> "America/Toronto");
    }

    @Test
    void callsOfAPeriodEndingOnAPlanWithoutTableAreItsMinutes() throws Exception {
        Fixtures.importAll(importer, "reference", Kind.PLANS, Kind.TAX_RATES, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
        Fixtures.importFile(importer, Kind.RATES, "rating/rates.csv");
        Fixtures.importFile(importer, Kind.RATE_BANDS, "rating/rate-bands.csv");
        Fixtures.importFile(importer, Kind.PLANS, "rating/plans-plain-phone.csv");
        Fixtures.importFile(importer, Kind.SUBSCRIPTIONS, "rating/subscriptions-to-plain.csv");
        Files.createDirectories(properties.inbox("pbx"));
        // Monday Oct 5 10:00 (on VOIP-BASIC) and Monday Oct 12 10:00 (on VOIP-PLAIN), 61 s each to Montreal
        Files.write(properties.inbox("pbx").resolve("Master.csv"), List.of(
                call("2026-10-05", "1"), call("2026-10-12", "2")));

        assertThat(launcher.bill(LocalDate.of(2026, 11, 1)).result()).isEqualTo(Result.COMPLETED);

        // the Oct 5 call was priced by VOIP-BASIC's table (1514 DAY: 120 s x 0.02 / 60 = 0.04), the
        // Oct 12 one not (VOIP-PLAIN has no table)
        assertThat(jdbc.queryForList("SELECT rated_amount FROM usage_record ORDER BY start_time", java.math.BigDecimal.class))
                .containsExactly(new java.math.BigDecimal("0.04"), null);
        // October ends on VOIP-PLAIN: 2 + 2 started minutes x 0.10 = 0.40, one line; the account is billed
        List<Tuple> voice = new ArrayList<>();
        jdbc.query("SELECT l.line_key, l.amount FROM invoice_line l WHERE l.line_key LIKE 'USAGE:VOICE:%'", rs -> {
            voice.add(tuple(rs.getString(1), rs.getBigDecimal(2).toPlainString()));
        });
        assertThat(voice).containsExactly(tuple("USAGE:VOICE:S100001-2:2026-10-01", "0.40"));
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status = 'BILLED'")).isEqualTo(2);
    }

    private static String call(String day, String id) {
        return String.join(",", "\"1001\"", "\"5145550101\"", "\"15145550100\"", "\"from-internal\"",
                "\"\"\"Alice\"\" <5145550101>\"", "\"PJSIP/1001-000" + id + "\"", "\"PJSIP/trunk-0002\"", "\"Dial\"",
                "\"PJSIP/15145550100@trunk,30\"", "\"" + day + " 10:00:00\"", "\"" + day + " 10:00:05\"",
                "\"" + day + " 10:01:06\"", "66", "61", "\"ANSWERED\"", "\"DOCUMENTATION\"");
    }
}
