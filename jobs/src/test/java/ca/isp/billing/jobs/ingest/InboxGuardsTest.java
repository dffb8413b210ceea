package ca.isp.billing.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Bad values in the inbox through real cycles: a line or a field too long, an amount or a usage
 * quantity no customer ever has, dates a century away, identifiers that look like paths. Each is
 * one rejected line with its reason; the rest of the file goes in and the cycle completes. The
 * cycle 2026-11-01 is billed first with no files; each test then drops files and reruns it (the
 * last one bills 2026-12-01). Today is 2026-11-20 (PinnedClock).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboxGuardsTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);
    private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);
    private static final String USAGE = "record_id,source,service_id,usage_type,start_time,quantity";
    private static final String PAYMENTS = "payment_ref,account_number,received_on,amount,method";

    @BeforeAll
    void billNovemberWithNoFiles() throws IOException {
        // accounts 100001..100003 due 2026-11-01; alice is on FIBRE-100 (500 GB included, 1.00/GB over)
        Fixtures.importAll(importer, "reference", Kind.PLANS, Kind.TAX_RATES, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS,
                Kind.OPENING_BALANCES);
        assertThat(launcher.bill(NOVEMBER).result()).isEqualTo(Result.COMPLETED);
    }

    @Test
    @Order(1)
    void aHugeLineOrAFieldTooLongIsOneRejectAndTheRestOfTheFileGoesIn() throws IOException {
        // given: a 10 MB line and a record id of 101 characters (the column holds 100) between good lines
        drop("usage", "usage-long.csv", USAGE,
                "g-1,radius-mtl-1,alice,DATA,2026-11-05T08:00:00,1000",
                "g-2,radius-mtl-1," + "x".repeat(10 * 1024 * 1024) + ",DATA,2026-11-05T09:00:00,1000",
                "r".repeat(101) + ",radius-mtl-1,alice,DATA,2026-11-05T10:00:00,1000",
                "g-4,radius-mtl-1,alice,DATA,2026-11-05T11:00:00,1000");

        // when
        Result exit = launcher.rerun(NOVEMBER).result();

        // then
        assertThat(exit).isEqualTo(Result.COMPLETED);
        assertThat(jdbc.queryForList("SELECT record_id FROM usage_record ORDER BY record_id", String.class))
                .containsExactly("g-1", "g-4");
        assertThat(rejects("usage-long.csv")).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple("3", "", "longer than 65536 characters: cut there, the rest of the line skipped"),
                        tuple("4", "record_id", "longer than 100 characters: '" + "r".repeat(40) + "…' (101 characters)"));
    }

    @Test
    @Order(2)
    void aPaymentOfAnAbsurdAmountIsRejectedAndTheOthersApplied() throws IOException {
        // given
        drop("payments", "payments-absurd.csv", PAYMENTS,
                "PAY-1,100001,2026-11-10,20.00,BANK",
                "PAY-2,100002,2026-11-10,99999999999999.99,BANK",
                "PAY-3,100002,2026-11-10,0.00,BANK");

        // when
        Result exit = launcher.rerun(NOVEMBER).result();

        // then
        assertThat(exit).isEqualTo(Result.COMPLETED);
        assertThat(jdbc.queryForList("SELECT payment_ref FROM payment", String.class)).containsExactly("PAY-1");
        assertThat(rejects("payments-absurd.csv")).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple("3", "amount", "above the plausible maximum 1000000.00: '99999999999999.99'"),
                        tuple("4", "amount", "must be greater than 0: '0.00'"));
    }

    @Test
    @Order(3)
    void datesOutsideTheirPlausibleWindowAreRejected() throws IOException {
        // given: the windows span the cycle date (2026-11-01) and today (2026-11-20): usage from 6
        // months before the earlier to 1 day after the later, 2026-05-01..2026-11-21; payments from a
        // year before to 7 days after, 2025-11-01..2026-11-27
        drop("usage", "usage-dates.csv", USAGE,
                "d-1,radius-mtl-1,alice,DATA,1900-01-01T00:00:00,1000",
                "d-2,radius-mtl-1,alice,DATA,2099-01-01T00:00:00,1000",
                "d-3,radius-mtl-1,alice,DATA,2026-04-30T23:59:59,1000",
                "d-4,radius-mtl-1,alice,DATA,2026-05-01T00:00:00,1000",
                "d-5,radius-mtl-1,alice,DATA,2026-11-21T23:59:59,1000",
                "d-6,radius-mtl-1,alice,DATA,2026-11-22T00:00:00,1000");
        drop("payments", "payments-dates.csv", PAYMENTS,
                "PD-1,100001,1900-01-01,10.00,BANK",
                "PD-2,100001,2099-01-01,10.00,BANK",
                "PD-3,100001,2026-11-27,10.00,BANK");

        // when
        Result exit = launcher.rerun(NOVEMBER).result();

        // then
        assertThat(exit).isEqualTo(Result.COMPLETED);
        String usageWindow = "outside the plausible window 2026-05-01..2026-11-21: ";
        assertThat(rejects("usage-dates.csv")).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple("2", "start_time", usageWindow + "'1900-01-01T00:00:00'"),
                        tuple("3", "start_time", usageWindow + "'2099-01-01T00:00:00'"),
                        tuple("4", "start_time", usageWindow + "'2026-04-30T23:59:59'"),
                        tuple("7", "start_time", usageWindow + "'2026-11-22T00:00:00'"));
        assertThat(jdbc.queryForList("SELECT record_id FROM usage_record WHERE record_id LIKE 'd-%' ORDER BY 1",
                String.class)).containsExactly("d-4", "d-5");
        String paymentWindow = "outside the plausible window 2025-11-01..2026-11-27: ";
        assertThat(rejects("payments-dates.csv")).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple("2", "received_on", paymentWindow + "'1900-01-01'"),
                        tuple("3", "received_on", paymentWindow + "'2099-01-01'"));
        assertThat(jdbc.queryForList("SELECT payment_ref FROM payment WHERE payment_ref LIKE 'PD-%'", String.class))
                .containsExactly("PD-3");
    }

    @Test
    @Order(4)
    void identifiersThatLookLikePathsAreRejected() throws IOException {
        // given
        drop("usage", "usage-paths.csv", USAGE,
                "../../etc/x,radius-mtl-1,alice,DATA,2026-11-12T08:00:00,1000",
                "p-2,/tmp/x,alice,DATA,2026-11-12T08:00:00,1000",
                "p-3,radius-mtl-1,..\\x,DATA,2026-11-12T08:00:00,1000",
                "p-4:a,radius-mtl-1,alice@nli.example,DATA,2026-11-12T08:00:00,1000");
        drop("payments", "payments-paths.csv", PAYMENTS,
                "../../x,100001,2026-11-12,10.00,BANK",
                "PP-2,../100001,2026-11-12,10.00,BANK");

        // when
        Result exit = launcher.rerun(NOVEMBER).result();

        // then
        assertThat(exit).isEqualTo(Result.COMPLETED);
        assertThat(rejects("usage-paths.csv")).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple("2", "record_id", "'/' is not allowed (A-Z, a-z, 0-9 and . _ - : only): '../../etc/x'"),
                        tuple("3", "source", "'/' is not allowed (A-Z, a-z, 0-9 and . _ - only): '/tmp/x'"),
                        tuple("4", "service_id", "'\\' is not allowed (A-Z, a-z, 0-9 and . _ - @ + : , only): '..\\x'"));
        assertThat(jdbc.queryForList("SELECT record_id FROM usage_record WHERE record_id LIKE 'p-%'", String.class))
                .containsExactly("p-4:a");
        assertThat(rejects("payments-paths.csv")).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple("2", "payment_ref", "'/' is not allowed (A-Z, a-z, 0-9 and . _ - only): '../../x'"),
                        tuple("3", "account_number", "'/' is not allowed (A-Z, a-z, 0-9 and . _ - only): '../100001'"));
    }

    @Test
    @Order(5)
    void usageOfMoreThanOneSessionCanHoldIsRejectedAndTheNextCycleCompletes() throws IOException {
        // given: two sessions of 2^63 - 1 bytes (together more than a long holds) and a call of 25 hours
        drop("usage", "usage-overflow.csv", USAGE,
                "o-1,radius-mtl-1,alice,DATA,2026-11-10T08:00:00,9223372036854775807",
                "o-2,radius-mtl-1,alice,DATA,2026-11-10T09:00:00,9223372036854775807",
                "o-3,pbx-mtl,5145550101,VOICE,2026-11-10T09:00:00,90000",
                "o-4,radius-mtl-1,alice,DATA,2026-11-10T10:00:00,1000000000000000");
        assertThat(launcher.rerun(NOVEMBER).result()).isEqualTo(Result.COMPLETED);

        // when: December charges November's usage
        Result exit = launcher.bill(DECEMBER).result();

        // then: the implausible records never reached the charge step; 1 PB is the most one session holds
        assertThat(exit).isEqualTo(Result.COMPLETED);
        assertThat(rejects("usage-overflow.csv")).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple("2", "quantity", "more than 1000000000000000 bytes (1 PB) in one DATA record: '9223372036854775807'"),
                        tuple("3", "quantity", "more than 1000000000000000 bytes (1 PB) in one DATA record: '9223372036854775807'"),
                        tuple("4", "quantity", "more than 86400 seconds (24 hours) in one VOICE record: '90000'"));
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE record_id = 'o-4' AND status = 'BILLED'")).isEqualTo(1);
    }

    private void drop(String kind, String name, String... lines) throws IOException {
        Path inbox = properties.inbox(kind);
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private List<CSVRecord> rejects(String file) throws IOException {
        return Fixtures.rejects(properties.rejects().resolve(file + ".rejects.csv"));
    }
}
