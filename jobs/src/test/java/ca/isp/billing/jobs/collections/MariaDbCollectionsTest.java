package ca.isp.billing.jobs.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ca.isp.billing.domain.PenaltyClass;
import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.MariaDbSchema;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * The SQL of issue 13 on a real MariaDB (V16, the penalty-class and exclusion-date imports, the
 * late fee writer, the delinquency calendar and the daily job): the same outcome as the H2 tests
 * CollectionsJobTest and PenaltyClassCycleTest's import. Needs a server as MariaDbCycleTest does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbCollectionsTest {

    private MariaDbSchema schema;

    @BeforeAll
    void createSchema() {
        schema = MariaDbSchema.create("billing_collections_it", getClass());
    }

    @AfterAll
    void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void collectsOnTheCalendarWithImportedClassesAndExclusions() throws Exception {
        Path home = Files.createTempDirectory("billing-mariadb-collections-");
        try (BillingRun maria = BillingRun.start(home, schema.url(), schema.user, schema.password, Map.of(
                "billing.delinquency.days-past-due", "1", "billing.delinquency.suspend-after-days", "7",
                "billing.delinquency.allowed-days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY"))) {
            ReferenceDataImporter importer = maria.bean(ReferenceDataImporter.class);
            Fixtures.importAll(importer, "penalty-classes", Kind.PENALTY_CLASSES, Kind.ACCOUNTS);
            Fixtures.importAll(importer, "collections-calendar", Kind.EXCLUSION_DATES, Kind.PLANS, Kind.ACCOUNTS,
                    Kind.SUBSCRIPTIONS, Kind.OPENING_BALANCES);
            // imported twice: nothing changes (the upserts compare MariaDB's values to the file's)
            assertThat(importer.importFile(Kind.PENALTY_CLASSES, Fixtures.path("penalty-classes/penalty-classes.csv"))
                    .unchanged()).isEqualTo(2);
            assertThat(importer.importFile(Kind.EXCLUSION_DATES,
                    Fixtures.path("collections-calendar/exclusion-dates.csv")).unchanged()).isEqualTo(4);

            PenaltyClasses classes = PenaltyClasses.load(maria.jdbc(), "", PenaltyClass.flat("LATE-FLAT",
                    new java.math.BigDecimal("10.00"), 5, new java.math.BigDecimal("5.00")));
            assertThat(classes.forAccount("COMMERCIAL").eachPeriod()).isTrue();
            assertThat(classes.forAccount("COMMERCIAL").maximumFee()).isEqualByComparingTo("75.00");
            assertThat(classes.forAccount("RES-PCT").eachPeriod()).isFalse();

            CollectionsLauncher collections = maria.bean(CollectionsLauncher.class);
            for (LocalDate day = LocalDate.of(2026, 9, 3); !day.isAfter(LocalDate.of(2026, 9, 15)); day = day.plusDays(1)) {
                assertThat(collections.collect(day).result()).as(day.toString()).isEqualTo(Result.COMPLETED);
                assertThat(collections.collect(day).result()).isEqualTo(Result.ALREADY_COMPLETED);
            }
            assertThat(maria.jdbc().queryForList("""
                    SELECT DATE_FORMAT(e.event_date, '%Y-%m-%d') AS d, e.to_status FROM delinquency_event e
                    ORDER BY e.event_date"""))
                    .extracting(e -> e.get("d"), e -> e.get("to_status"))
                    .containsExactly(tuple("2026-09-08", "DELINQUENT"), tuple("2026-09-15", "SUSPENDED"));
            assertThat(maria.jdbc().queryForList("SELECT period_no, amount FROM late_fee ORDER BY invoice_id"))
                    .extracting(f -> ((Number) f.get("period_no")).intValue(), f -> f.get("amount").toString())
                    .containsExactly(tuple(0, "10.00"), tuple(0, "10.00"));
            assertThat(Files.readString(home.resolve("out/provisioning/2026-09-15/suspensions.csv")))
                    .contains("200001,'+voip.200001|anne.gagnon@nli.example,SUSPEND,");
        }
    }
}
