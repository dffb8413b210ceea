package ca.isp.billing.jobs.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.assertj.core.groups.Tuple;
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
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * A plan's data priced by consumption components (import data-components) through the cycle:
 * FIBRE-100 (its own rule: 500 GB included, 1.00 a GB over) gets a stepped DATA component with a
 * cap and a PEAK component metered per day with a minimum; its October usage is billed by them on
 * the November invoice, the plan's own rule no longer used. Every amount worked by hand below.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataComponentsTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);
    private static final long GB = 1_000_000_000L;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @BeforeAll
    void importReferenceData() throws IOException {
        Fixtures.importAll(importer, "reference", Kind.PLANS, Kind.TAX_RATES, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
    }

    @Test
    @Order(1)
    void componentsAreImportedAndBadLinesRejectedWithTheirReason() throws IOException {
        Path file = HOME.resolve("data-components.csv");
        Files.write(file, List.of(
                "plan_code,component,name_en,name_fr,metering,from_gb,price_per_gb,minimum,cap",
                // DATA: the first 100 GB included, 100-110 GB at 2.00, from 110 GB at 1.00, at most 25.00
                "FIBRE-100,data,Data,Données,period,100,2.00,,25.00",
                "FIBRE-100,DATA,Data,Données,period,110,1.00,,25.00",
                // PEAK: each day's GB beyond 10 at 0.50, a day with some at least 1.00
                "FIBRE-100,PEAK,Daily data,Données quotidiennes,day,10,0.50,1.00,",
                // refused: a plan not imported; a band of DATA whose settings differ; a cap below the minimum
                "NO-SUCH,DATA,Data,Données,period,0,1.00,,",
                "FIBRE-100,DATA,Data,Données,period,120,0.50,,30.00",
                "FIBRE-100,XTRA,Extra,Extra,day,1,0.10,5.00,2.00"));

        ReferenceDataImporter.Result result = importer.importFile(Kind.DATA_COMPONENTS, file);

        assertThat(result.inserted()).isEqualTo(3);
        assertThat(result.rejected()).isEqualTo(3);
        List<CSVRecord> rejects = Fixtures.rejects(result.rejectFile());
        // (lines of the file: the header is line 1; a line the format refuses is written first)
        assertThat(rejects).extracting(r -> r.get("line"), r -> r.get("field")).containsExactlyInAnyOrder(
                tuple("5", "plan_code"), tuple("6", "component"), tuple("7", "cap"));
        assertThat(rejects).filteredOn(r -> r.get("field").equals("plan_code")).singleElement()
                .satisfies(r -> assertThat(r.get("reason")).contains("no plan NO-SUCH"));
        assertThat(rejects).filteredOn(r -> r.get("field").equals("component")).singleElement()
                .satisfies(r -> assertThat(r.get("reason")).contains("differ from its line above"));

        // the same file again changes nothing
        ReferenceDataImporter.Result again = importer.importFile(Kind.DATA_COMPONENTS, file);
        assertThat(again.inserted() + again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
    }

    @Test
    @Order(2)
    void octobersDataIsBilledByTheComponentsOnTheNovemberInvoice() throws IOException {
        // given alice's October: 60 GB on the 5th, 45 GB on the 6th, 10.5 GB on the 7th (115.5 GB);
        // Marie Dupont's (French): 12 GB on the 20th
        Files.createDirectories(properties.inbox("usage"));
        Files.write(properties.inbox("usage").resolve("october.csv"), List.of(
                "record_id,source,service_id,usage_type,start_time,quantity",
                "d-1,radius-mtl-1,alice,DATA,2026-10-05T08:00:00," + 60 * GB,
                "d-2,radius-mtl-1,alice,DATA,2026-10-06T08:00:00," + 45 * GB,
                "d-3,radius-mtl-1,alice,DATA,2026-10-07T08:00:00," + 10_500_000_000L,
                "d-4,radius-mtl-1,\"dupont,marie\",DATA,2026-10-20T08:00:00," + 12 * GB));

        // when
        assertThat(launcher.bill(NOVEMBER).result()).isEqualTo(Result.COMPLETED);

        // then alice, DATA over the period, 115.5 GB: 100-110 GB: 10 x 2.00 = 20.00; 110-115.5 GB:
        // 5.5 x 1.00 = 5.50; 25.50 above the cap: 25.00.
        // PEAK each day beyond 10 GB at 0.50: Oct 5 50 GB = 25.00; Oct 6 35 GB = 17.50; Oct 7 0.5 GB = 0.25,
        // below the day's minimum: 1.00. 25.00 + 17.50 + 1.00 = 43.50.
        // (The plan's own rule, 500 GB included, would have billed nothing: it is no longer used.)
        assertThat(usageLines("100001")).containsExactly(
                tuple("USAGE:DATA:S100001-1:DATA:2026-10-01", new BigDecimal("25.00")),
                tuple("USAGE:DATA:S100001-1:PEAK:2026-10-01", new BigDecimal("43.50")));
        // Marie Dupont, 12 GB: DATA nothing (within 100); PEAK 2 GB x 0.50 = 1.00, the minimum itself
        assertThat(usageLines("100002")).containsExactly(
                tuple("USAGE:DATA:S100002-1:PEAK:2026-10-01", new BigDecimal("1.00")));
        assertThat(jdbc.queryForObject("""
                SELECT l.description FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                JOIN account a ON a.id = i.account_id WHERE a.account_number = '100002' AND l.line_type = 'USAGE'""",
                String.class)).startsWith("Données quotidiennes : 12");
        // and the usage is billed: a rerun bills it again nowhere
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE invoice_id IS NULL")).isZero();
    }

    private List<Tuple> usageLines(String account) {
        return jdbc.query("""
                SELECT l.line_key, l.amount FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND l.line_type = 'USAGE' ORDER BY l.line_no""",
                (rs, n) -> tuple(rs.getString(1), rs.getBigDecimal(2)), account);
    }
}
