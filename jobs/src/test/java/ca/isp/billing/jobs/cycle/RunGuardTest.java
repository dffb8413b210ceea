package ca.isp.billing.jobs.cycle;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.MariaDbSchema;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.support.RunGuard;

/**
 * One run at a time, whatever starts it, and a run left "running" by a dead process resumed by
 * the same command: the run guard is held by the live process (a named lock on MariaDB, the
 * database file's lock on H2, a lock within the process), so holding it proves nobody else runs.
 */
class RunGuardTest {

    @Test
    void aRunLeftRunningByADeadProcessIsResumedByTheSameCommand() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            run.generateAndImport(40, 3);
            // Given a run that failed in the invoice step and then looks as a killed one does:
            // STARTED, no end time (kill -9 leaves it so; nothing else can, here)
            run.faults().arm("invoice", 2);
            assertThat(run.bill()).isEqualTo(Result.FAILED);
            run.faults().disarm();
            run.jdbc().update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL");
            run.jdbc().update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL WHERE STATUS = 'FAILED'");
            // and, as after a real kill on H2, the execution ids jump (the sequence's cache is lost)
            run.jdbc().update("ALTER SEQUENCE BATCH_JOB_EXECUTION_SEQ RESTART WITH 33");

            // When the operator types the same command, without --recover
            CycleOutcome outcome = run.bean(CycleLauncher.class).bill(CYCLE);

            // then it is recovered and resumed, and the summary counts two runs of the cycle, 1 and 2
            assertThat(outcome.result()).isEqualTo(Result.COMPLETED);
            String summary = Files.readString(run.properties().reports(CYCLE).resolve("run-summary.txt"));
            assertThat(summary).contains("(run 1)", "(run 2)").doesNotContain("(run 3)", "(run 33)");
            assertThat(CycleTestSupport.invoiceTotals(run.jdbc(), CYCLE)).isNotEmpty();
        }
    }

    @Test
    void aSecondRunInTheSameProcessIsInTheWayWhileTheFirstHoldsTheGuard() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            RunGuard guard = run.bean(RunGuard.class);
            try (RunGuard.Held held = guard.tryAcquire().orElseThrow()) {
                // (another thread: the lock within the process is re-entrant for its owner)
                CycleOutcome second = CompletableFuture.supplyAsync(() -> run.bean(CycleLauncher.class).bill(CYCLE)).get();
                assertThat(second.result()).isEqualTo(Result.IN_THE_WAY);
                assertThat(second.message()).startsWith("another billing run is in progress on this database");
            }
            assertThat(guard.tryAcquire()).isPresent().get().satisfies(RunGuard.Held::close);
        }
    }

    @Test
    void onMariaDbAProcessHoldingTheNamedLockKeepsEveryOtherRunOut() throws Exception {
        MariaDbSchema schema = MariaDbSchema.create("billing_guard", getClass());
        Path home = Files.createTempDirectory("billing-mariadb-guard-");
        try (BillingRun run = BillingRun.start(home, schema.url(), schema.user, schema.password);
             Connection other = DriverManager.getConnection(schema.url(), schema.user, schema.password)) {
            // Given another process (another connection) holds this database's run lock
            try (Statement statement = other.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT GET_LOCK('billing-run:" + schema.name() + "', 0)")) {
                assertThat(rs.next() && rs.getInt(1) == 1).isTrue();
            }
            // then bill and rerun are in the way (exit 3), not a raw duplicate-key error
            CycleOutcome bill = run.bean(CycleLauncher.class).bill(CYCLE);
            assertThat(bill.result()).isEqualTo(Result.IN_THE_WAY);
            assertThat(run.bean(CycleLauncher.class).rerun(CYCLE).result()).isEqualTo(Result.IN_THE_WAY);

            // When that process dies (its connection closes), the lock is free again: once the server
            // has seen the connection go, which it does on its own time (a busy machine: some ms)
            other.close();
            awaitFreeLock(schema);
            assertThat(run.bean(CycleLauncher.class).bill(CYCLE).result()).isEqualTo(Result.COMPLETED);
        } finally {
            schema.drop();
        }
    }

    private static void awaitFreeLock(MariaDbSchema schema) throws Exception {
        try (Connection look = DriverManager.getConnection(schema.url(), schema.user, schema.password);
             Statement statement = look.createStatement()) {
            for (int i = 0; i < 100; i++) {
                try (ResultSet rs = statement.executeQuery("SELECT IS_FREE_LOCK('billing-run:" + schema.name() + "')")) {
                    if (rs.next() && rs.getInt(1) == 1) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the lock of a closed connection is still held after 5 s");
    }
}
