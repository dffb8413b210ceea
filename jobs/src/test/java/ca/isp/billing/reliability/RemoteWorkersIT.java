package ca.isp.billing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;

/**
 * Remote workers as an operator runs them: a manager ({@code run.sh bill ... --workers remote})
 * and two workers ({@code run.sh worker}), three separate JVMs on the machine's RabbitMQ and
 * MariaDB, one shared BILLING_HOME, a schema and a queue prefix of their own. The cycle they bill
 * must end exactly as the kill drill's single-process run of the same imported ISP (same seed,
 * chunk and grid sizes): every invoice, line, tax line, ledger entry, payment, late fee,
 * delinquency event, delivery and file, to the cent ({@link StateSnapshot}).
 *
 * <ul>
 * <li>Two workers: the cycle completes in one run, every partition was run by a worker (its
 * heartbeat row names it), both workers took partitions, no request is left in the queue.</li>
 * <li>A worker killed with -9 in the middle of a render partition (it is paused there by the
 * restart-drill hook, then killed for real): the manager notices the silence, fails that
 * partition and the run (exit 5); the broker delivers the dead worker's request again and the
 * other worker drops it instead of running the partition a second time; the same command
 * then resumes with only that partition left (one more execution of it, none of the others),
 * and the final state equals the single-process run: nothing doubled, nothing missing.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteWorkersIT {

    private static final String SUITE = "remote workers (manager + worker JVMs over RabbitMQ)";
    static final String AMQP_URL = System.getenv().getOrDefault("BILLING_TEST_AMQP_URL",
            "amqp://guest:guest@127.0.0.1:5672");
    /** A worker JVM starts in about 30 s; on a machine loaded by other suites it once took over 3 min. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);

    private KillDrill drill;

    @BeforeAll
    void prepare() throws Exception {
        requireBroker();
        drill = KillDrill.of(MariaDbDatabase.drills("MariaDB", MariaDbDatabase.SERVER, MariaDbDatabase.USER,
                MariaDbDatabase.PASSWORD));
    }

    @AfterAll
    void writeReport() {
        ReliabilityReport.write();
    }

    @Test
    void aManagerAndTwoWorkerProcessesBillAsOneProcessDoes() {
        String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8);
        List<BillingCommand.Running> workers = new ArrayList<>();
        ReliabilityReport.Case c = drill.run(SUITE, "manager and two worker JVMs, compared with one process",
                (folder, db, rc, failures) -> {
                    workers.add(startWorker(folder, db, "w1", prefix, List.of()));
                    workers.add(startWorker(folder, db, "w2", prefix, List.of()));
                    awaitReady(workers, failures);
                    BillingCommand.Ended manager = BillingCommand.run(folder, db, "bill-remote", RUN_TIMEOUT,
                            managerArgs(prefix, List.of()));
                    rc.runs.add(KillDrill.describe("bill --workers remote", manager));
                    if (manager.exitCode() != 0) {
                        failures.add("the manager exited " + manager.exitCode() + ":\n" + manager.lastLines(25));
                        return;
                    }
                    try (Connection connection = db.connect()) {
                        Map<String, Long> byWorker = partitionsByWorker(connection);
                        rc.observations.add("partitions run per worker: " + byWorker);
                        long partitions = count(connection, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION"
                                + " WHERE STEP_NAME LIKE '%Partition:partition%'");
                        long beaten = byWorker.values().stream().mapToLong(Long::longValue).sum();
                        if (partitions == 0 || beaten != partitions) {
                            failures.add(partitions + " partitions ran, " + beaten + " of them on a worker: every"
                                    + " partition must run on a worker, none in the manager");
                        }
                        if (byWorker.keySet().stream().filter(w -> w.startsWith("w1:") || w.startsWith("w2:")).count() != 2) {
                            failures.add("both workers should have taken partitions: " + byWorker);
                        }
                    }
                    long left = messagesLeft(prefix);
                    if (left != 0) {
                        failures.add(left + " partition request(s) left in the queue");
                    }
                }, List.of(), () -> stopWorkers(workers, prefix));
        assertThat(c.status).as(c.details).isEqualTo(ReliabilityReport.Status.PASSED);
    }

    @Test
    void aWorkerKilledMidPartitionFailsItsPartitionAndTheRestartFinishesOnlyThat() {
        String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8);
        List<BillingCommand.Running> workers = new ArrayList<>();
        // Each worker pauses in its third render chunk (one invoice per chunk at chunk size 4): the
        // first to get there is killed with -9 while paused, two chunks of its partition committed.
        List<String> pauseInRender = List.of("--billing.fault.step=render", "--billing.fault.chunk=3",
                "--billing.fault.action=pause", "--billing.fault.pause-seconds=30");
        // the manager's staleness check, shortened for the test (a loaded CI machine still beats in time)
        List<String> quickWatch = List.of("--billing.remote.heartbeat=1s", "--billing.remote.stale-after=20s");
        ReliabilityReport.Case c = drill.run(SUITE, "a worker killed with -9 mid-partition, then the restart",
                (folder, db, rc, failures) -> {
                    BillingCommand.Running w1 = startWorker(folder, db, "w1", prefix, pauseInRender);
                    BillingCommand.Running w2 = startWorker(folder, db, "w2", prefix, pauseInRender);
                    workers.add(w1);
                    workers.add(w2);
                    awaitReady(workers, failures);
                    BillingCommand.Running manager = BillingCommand.start(folder, db, "bill-remote",
                            managerArgs(prefix, quickWatch));
                    BillingCommand.Running killed = null;
                    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
                    while (killed == null && System.nanoTime() < deadline && manager.isAlive()) {
                        for (BillingCommand.Running w : workers) {
                            if (w.output().contains("fault injection: pausing")) {
                                killed = w;
                                break;
                            }
                        }
                        Thread.sleep(100);
                    }
                    if (killed == null) {
                        failures.add("no worker reached its third render chunk:\n" + manager.await(RUN_TIMEOUT).lastLines(25));
                        return;
                    }
                    BillingCommand.Running survivor = killed == w1 ? w2 : w1;
                    String victim = killed == w1 ? "w1" : "w2";
                    killed.killMinus9();
                    rc.observations.add(victim + " killed with -9 while paused in its render partition");
                    BillingCommand.Ended first = manager.await(RUN_TIMEOUT);
                    rc.runs.add(KillDrill.describe("bill --workers remote (" + victim + " killed)", first));
                    if (first.exitCode() != 5 || !first.output().contains("lost its worker " + victim + ":")) {
                        failures.add("the manager should fail the run (exit 5) saying the partition lost its worker "
                                + victim + "; it exited " + first.exitCode() + ":\n" + first.lastLines(25));
                        return;
                    }
                    rc.observations.add("manager: " + first.output().lines()
                            .filter(l -> l.contains("lost its worker")).findFirst().orElse("").strip());
                    // the broker hands the dead worker's request to the survivor, which must not run it again
                    if (!survivor.awaitOutput("Dropped the request for partition renderPartition", Duration.ofMinutes(1))) {
                        failures.add("the dead worker's request was not seen dropped by the other worker:\n"
                                + survivor.output().lines().filter(l -> l.contains("artition")).toList());
                    }
                    Map<String, Long> before;
                    try (Connection connection = db.connect()) {
                        before = executionsPerPartition(connection);
                    }
                    BillingCommand.Ended resumed = BillingCommand.run(folder, db, "bill-remote-resume", RUN_TIMEOUT,
                            managerArgs(prefix, quickWatch));
                    rc.runs.add(KillDrill.describe("the same command again (resume)", resumed));
                    if (resumed.exitCode() != 0) {
                        failures.add("the resume exited " + resumed.exitCode() + ":\n" + resumed.lastLines(25));
                        return;
                    }
                    try (Connection connection = db.connect()) {
                        Map<String, Long> after = executionsPerPartition(connection);
                        rc.observations.add("executions per render partition after the resume: "
                                + filter(after, "renderPartition"));
                        // charge and tax were complete: not run again; of render, only the partition that
                        // lost its worker ran again (one more execution), the other one was complete
                        for (Map.Entry<String, Long> partition : after.entrySet()) {
                            long had = before.getOrDefault(partition.getKey(), 0L);
                            boolean failedOne = partition.getKey().startsWith("renderPartition")
                                    && failedBefore(connection, partition.getKey());
                            long expected = partition.getKey().startsWith("chargePartition")
                                    || partition.getKey().startsWith("taxPartition") ? had
                                    : failedOne ? had + 1 : Math.max(had, 1);
                            if (partition.getValue() != expected) {
                                failures.add(partition.getKey() + ": " + partition.getValue() + " executions, expected "
                                        + expected + " (before the resume: " + had + ")");
                            }
                        }
                        // every invoice rendered once in committed chunks: the killed execution's two
                        // chunks plus what the resume wrote add up to the invoices, no more
                        long written = count(connection, "SELECT SUM(WRITE_COUNT) FROM BATCH_STEP_EXECUTION"
                                + " WHERE STEP_NAME LIKE 'renderPartition:%'");
                        long rendered = count(connection, "SELECT COUNT(*) FROM invoice WHERE rendered_at IS NOT NULL"
                                + " AND cycle_date = DATE '" + KillDrill.CYCLE + "'");
                        if (written != rendered) {
                            failures.add("render partitions wrote " + written + " invoices for " + rendered
                                    + " rendered: some were rendered twice");
                        }
                    }
                    long left = messagesLeft(prefix);
                    if (left != 0) {
                        failures.add(left + " partition request(s) left in the queue");
                    }
                }, List.of(), () -> stopWorkers(workers, prefix));
        assertThat(c.status).as(c.details).isEqualTo(ReliabilityReport.Status.PASSED);
    }

    // ------------------------------------------------------------------ the processes

    private static BillingCommand.Running startWorker(CaseFolder folder, Database db, String name, String prefix,
                                                      List<String> extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("worker", "--billing.chunk-size=" + KillDrill.CHUNK_SIZE,
                "--billing.remote.queue-prefix=" + prefix, "--billing.remote.worker-threads=1",
                "--billing.remote.heartbeat=1s"));
        args.addAll(extra);
        return BillingCommand.start(folder, db, "worker-" + name, args,
                Map.of("BILLING_WORKER_NAME", name, "BILLING_AMQP_URL", AMQP_URL));
    }

    /** The kill drill's bill command (same chunk and grid sizes as its reference run), remote. */
    private static List<String> managerArgs(String prefix, List<String> extra) {
        List<String> args = new ArrayList<>(KillDrill.BILL);
        args.addAll(List.of("--workers", "remote", "--billing.remote.queue-prefix=" + prefix,
                "--billing.remote.poll-interval=250ms"));
        args.addAll(extra);
        return args;
    }

    private static void awaitReady(List<BillingCommand.Running> workers, List<String> failures) throws Exception {
        for (BillingCommand.Running worker : workers) {
            if (!worker.awaitOutput("waiting for partitions on queue", START_TIMEOUT)) {
                failures.add("a worker did not start:\n" + worker.output());
            }
        }
    }

    /** SIGTERM to every worker still running: each must stop by itself (exit 143), then the queue goes. */
    private static void stopWorkers(List<BillingCommand.Running> workers, String prefix) throws Exception {
        List<String> problems = new ArrayList<>();
        for (BillingCommand.Running worker : workers) {
            if (worker.isAlive()) {
                worker.terminate();
                BillingCommand.Ended ended = worker.await(Duration.ofMinutes(3));
                if (ended.timedOut() || ended.exitCode() != 143 || !ended.output().contains(" stopped")) {
                    problems.add("a worker did not stop cleanly on SIGTERM (exit " + ended.exitCode() + "):\n"
                            + ended.lastLines(10));
                }
            }
        }
        deleteQueue(prefix);
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }

    // ------------------------------------------------------------------ the broker

    private static void requireBroker() {
        try (com.rabbitmq.client.Connection ignored = connectionFactory().newConnection()) {
            // up
        } catch (Exception e) {
            String reason = "no RabbitMQ at " + ca.isp.billing.jobs.remote.RemoteSettings.withoutPassword(AMQP_URL) + " (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the remote worker cases: " + reason, e);
            }
            System.out.println("SKIPPED remote workers: " + reason);
            Assumptions.abort(reason);
        }
    }

    private static ConnectionFactory connectionFactory() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(AMQP_URL);
        return factory;
    }

    private static long messagesLeft(String prefix) throws Exception {
        try (com.rabbitmq.client.Connection connection = connectionFactory().newConnection();
             Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(prefix + ".partition-requests").getMessageCount();
        }
    }

    private static void deleteQueue(String prefix) throws Exception {
        try (com.rabbitmq.client.Connection connection = connectionFactory().newConnection();
             Channel channel = connection.createChannel()) {
            channel.queueDelete(prefix + ".partition-requests");
        }
    }

    // ------------------------------------------------------------------ the job repository

    /** Partition executions per worker, from the heartbeat rows the workers wrote. */
    private static Map<String, Long> partitionsByWorker(Connection connection) throws SQLException {
        Map<String, Long> byWorker = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT worker, COUNT(*) FROM partition_heartbeat GROUP BY worker ORDER BY worker")) {
            while (rs.next()) {
                byWorker.put(rs.getString(1), rs.getLong(2));
            }
        }
        return byWorker;
    }

    /** "renderPartition:partition1" to how many executions it has had. */
    private static Map<String, Long> executionsPerPartition(Connection connection) throws SQLException {
        Map<String, Long> executions = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT STEP_NAME, COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE '%Partition:partition%'"
                        + " GROUP BY STEP_NAME ORDER BY STEP_NAME")) {
            while (rs.next()) {
                executions.put(rs.getString(1), rs.getLong(2));
            }
        }
        return executions;
    }

    private static boolean failedBefore(Connection connection, String partition) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = '" + partition
                + "' AND STATUS = 'FAILED'") > 0;
    }

    private static Map<String, Long> filter(Map<String, Long> all, String step) {
        Map<String, Long> some = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(step)) {
                some.put(k, v);
            }
        });
        return some;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
