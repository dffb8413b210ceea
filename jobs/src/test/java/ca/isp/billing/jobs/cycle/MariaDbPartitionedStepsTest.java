package ca.isp.billing.jobs.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.MariaDbSchema;

/**
 * PartitionedStepsTest on a real MariaDB, where concurrent partitions take InnoDB's locks: the
 * same cycle with one partition and with three must leave the same rows, late fees included.
 * Three partitions writing late fees at once used to fail with error 1467 (the late fee writer's
 * INSERT ... SELECT took the table's AUTO-INC lock and two partitions deadlocked), and a deadlock
 * does not come every time: the three-partition cycle runs several times, with small chunks so
 * that the partitions' inserts interleave. (The same held for delinquency events, whose writer
 * had the same INSERT ... SELECT.) The mail vendor's manifest, streamed from MariaDB in mailing
 * order, is checked against Java's order too. Needs the server at 127.0.0.1:3306 (see MariaDbSchema).
 */
class MariaDbPartitionedStepsTest {

    private static final int ACCOUNTS = 150;
    private static final long SEED = 7;
    private static final int RUNS_OF_THREE = 3;

    @Test
    void threePartitionsGiveWhatOneGivesEveryTime() throws Exception {
        Map<String, List<String>> one = cycle(1);
        // the demo's late payers: several chunks of fees in each partition
        assertThat(one.get("late fees")).hasSizeGreaterThan(20);
        assertThat(one.get("delinquency")).isNotEmpty();
        for (int run = 1; run <= RUNS_OF_THREE; run++) {
            assertThat(cycle(3)).as("three partitions, run %d", run).isEqualTo(one);
        }
    }

    private static Map<String, List<String>> cycle(int gridSize) throws Exception {
        MariaDbSchema schema = MariaDbSchema.create("billing_parts", MariaDbPartitionedStepsTest.class);
        Path home = Files.createTempDirectory("billing-mariadb-parts-");
        try (BillingRun run = BillingRun.start(home, schema.url(), schema.user, schema.password,
                Map.of("billing.grid-size", Integer.toString(gridSize), "billing.chunk-size", "4"))) {
            return PartitionedStepsTest.billAndRead(run, ACCOUNTS, SEED, gridSize);
        } finally {
            schema.drop();
            FileSystemUtils.deleteRecursively(home);
        }
    }
}
