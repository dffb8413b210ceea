package ca.isp.billing.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.MariaDbSchema;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * The calls' insert-first duplicate check on MariaDB (CallSourcesTest has it on H2): a batch that
 * meets calls stored already, some by its own file's first batch in the same transaction, is
 * rolled back to its savepoint (Connector/J, rewritten multi-row INSERTs) and its new calls stored
 * after a lookup. Same server and skip rule as {@link ca.isp.billing.jobs.cycle.MariaDbCycleTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbCallDuplicatesTest {

    private MariaDbSchema schema;

    @BeforeAll
    void createSchema() {
        schema = MariaDbSchema.create("billing_calls", getClass());
    }

    @AfterAll
    void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void aBatchWithStoredCallsIsUndoneThenStoredWithoutThem() throws Exception {
        Path home = Files.createTempDirectory("billing-mariadb-calls-");
        try (BillingRun maria = BillingRun.start(home, schema.url(), schema.user, schema.password, Map.of(
                "billing.ingest.sources.asterisk.format", "asterisk-csv",
                "billing.ingest.sources.asterisk.zone", "America/Toronto"))) {
            // given: 5145550101 is the VOIP-BASIC subscription S100001-2 of account 100001; an earlier file's calls
            Fixtures.importAll(maria.bean(ReferenceDataImporter.class), "reference", Kind.PLANS, Kind.TAX_RATES,
                    Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
            Path inbox = maria.properties().inbox("asterisk");
            Fixtures.drop("calls/asterisk-Master.csv", inbox, "Master-20261007.csv");
            assertThat(maria.bill()).isEqualTo(Result.COMPLETED);
            long before = maria.jdbc().queryForObject("SELECT COUNT(*) FROM usage_record", Long.class);

            // and a file of 1,150 new calls, then (in its second batch of 1,000) 100 of its first calls
            // again and a call of the earlier file
            List<String> lines = Files.readAllLines(Fixtures.path("calls/asterisk-Master.csv"));
            DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
            List<String> file = new ArrayList<>();
            for (int i = 0; i < 1150; i++) {
                LocalDateTime start = LocalDateTime.of(2026, 10, 9, 8, 0).plusSeconds(60L * i);
                file.add(lines.get(0).replace("2026-10-04 10:00:00", start.format(time))
                        .replace("2026-10-04 10:00:05", start.plusSeconds(5).format(time))
                        .replace("2026-10-04 10:02:05", start.plusSeconds(125).format(time)));
            }
            file.addAll(file.subList(0, 100));
            file.add(lines.get(0));
            Files.write(inbox.resolve("Master-20261009.csv"), file);

            // when
            assertThat(maria.rerun()).isEqualTo(Result.COMPLETED);

            // then: each new call once, the 101 others duplicates
            assertThat(maria.jdbc().queryForObject("SELECT COUNT(*) FROM usage_record", Long.class))
                    .isEqualTo(before + 1150);
            assertThat(maria.jdbc().queryForList(
                    "SELECT lines_read, records_stored, duplicates FROM ingested_file WHERE file_name = ?",
                    "Master-20261009.csv").get(0)).containsValues(1251L, 1150L, 101L);
        }
    }
}
