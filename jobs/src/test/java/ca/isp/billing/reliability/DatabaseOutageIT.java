package ca.isp.billing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The database going away in the middle of a chunk: a MariaDB server of the test's own (its
 * port, its data folder) is stopped, crashed or frozen while {@code run.sh bill} holds a tax
 * chunk open (the restart-drill pause), and started again once the run has ended. The run must
 * fail cleanly (exit 5 with a message, in bounded time, no hang), and the same command, run
 * again, must complete with the same final state as an uninterrupted run on that server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageIT {

    static final String SUITE = "database goes away";
    /** How long a failing run may take once its database is gone: 6 repository writes x 10 s connection timeout, and margin. */
    static final Duration FAILS_WITHIN = Duration.ofSeconds(150);

    enum Outage {
        /** A service stop (SIGTERM): connections closed, clean shutdown. */
        STOPPED("stopped (SIGTERM)", List.of()),
        /** A crash (SIGKILL): connections dropped, InnoDB recovers at the next start. */
        CRASHED("crashed (SIGKILL)", List.of()),
        /**
         * Frozen (SIGSTOP): the connections stay open and nothing answers, as behind a network
         * cut. Without a socket timeout the run waited for ever (seen: still waiting after 100 s,
         * then completed when the server was thawed). application.properties sets 120 s for a
         * statement and 10 s for a connection; this case shortens them on the command line so
         * that it takes seconds, not minutes: it proves the run ends, the values are the
         * operator's.
         */
        FROZEN("frozen (SIGSTOP)", List.of("--spring.datasource.hikari.data-source-properties.socketTimeout=5000",
                "--spring.datasource.hikari.data-source-properties.connectTimeout=3000",
                "--spring.datasource.hikari.connection-timeout=3000"));

        final String label;
        final List<String> timeouts;

        Outage(String label, List<String> timeouts) {
            this.label = label;
            this.timeouts = timeouts;
        }
    }

    /** The database timeouts of the packaged application.properties, as an operator's run gets them. */
    static String packagedTimeouts() throws IOException {
        try (ZipFile jar = new ZipFile(BillingCommand.JAR.toFile())) {
            ZipEntry entry = jar.getEntry("BOOT-INF/classes/application.properties");
            try (InputStream in = jar.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.startsWith("#") && l.toLowerCase().contains("timeout"))
                        .map(l -> l.substring(l.lastIndexOf('.') + 1)).toList().toString();
            }
        }
    }

    private MariaDbServer server;
    private KillDrill drill;

    @BeforeAll
    void startServer() throws Exception {
        String unavailable = MariaDbServer.unavailable();
        if (unavailable != null) {
            ReliabilityReport.note("database outage", "SKIPPED: a second MariaDB server cannot run here: " + unavailable);
            Assumptions.abort(unavailable);
        }
        long start = System.nanoTime();
        server = MariaDbServer.install(CaseFolder.WORK.resolve("mariadb-own-server"));
        ReliabilityReport.note("database outage", String.format("a MariaDB server of the test's own (mariadb-install-db,"
                + " mariadbd --no-defaults on port %d) installed and started in %.1f s", server.port(),
                (System.nanoTime() - start) / 1e9));
        drill = KillDrill.of(MariaDbDatabase.drills("MariaDB (own server)", server.url(), "root", ""));
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
        ReliabilityReport.write();
    }

    @ParameterizedTest(name = "server {0} during a tax chunk")
    @EnumSource(Outage.class)
    void theRunFailsCleanlyAndTheSameCommandCompletesOnceTheServerIsBack(Outage outage) throws Exception {
        ReliabilityReport.Case c = drill.run(SUITE, "server " + outage.label + " during a tax chunk",
                (folder, db, kase, failures) -> {
                    List<String> args = new ArrayList<>(KillDrill.BILL);
                    int chunk = drill.resolveChunk(Fault.inChunk("tax", 0));
                    args.addAll(List.of("--billing.fault.step=tax", "--billing.fault.chunk=" + chunk,
                            "--billing.fault.action=pause", "--billing.fault.pause-seconds=4"));
                    args.addAll(outage.timeouts);
                    BillingCommand.Running run = BillingCommand.start(folder, db, "bill-outage", args);
                    if (!run.awaitOutput("fault injection: pausing", Duration.ofMinutes(2))) {
                        failures.add("the run never reached the pause in tax chunk " + chunk + ":\n" + run.output());
                        run.killMinus9();
                        return;
                    }
                    long gone = System.nanoTime();
                    switch (outage) {
                        case STOPPED -> server.stop();
                        case CRASHED -> server.crash();
                        case FROZEN -> server.freeze();
                    }
                    BillingCommand.Ended ended = run.await(FAILS_WITHIN);
                    double after = (System.nanoTime() - gone) / 1e9;
                    kase.runs.add(KillDrill.describe("paused in tax chunk " + chunk + ", server " + outage.label, ended));
                    String error = ended.output().lines().filter(l -> l.startsWith("error:")).findFirst().orElse("(no error line)");
                    kase.observations.add(String.format("the run ended %.1f s after the server went away: %s", after,
                            error.length() > 300 ? error.substring(0, 300) + "..." : error));
                    if (ended.timedOut()) {
                        failures.add("the run hung: still running " + FAILS_WITHIN.toSeconds() + " s after the server went away");
                    } else if (ended.exitCode() != 5) {
                        failures.add("the run exited " + ended.exitCode() + ", expected 5 (the cycle failed):\n"
                                + ended.lastLines(15));
                    } else if (!error.contains("run the same command again")) {
                        failures.add("the error does not tell the operator what to do: " + error);
                    }
                    if (outage == Outage.FROZEN) {
                        String timeouts = packagedTimeouts();
                        kase.observations.add("the operator's timeouts (billing.jar): " + timeouts);
                        if (!timeouts.contains("socketTimeout=") || !timeouts.contains("connectTimeout=")) {
                            failures.add("the packaged application.properties sets no socketTimeout/connectTimeout:"
                                    + " a frozen server hangs the run for as long as it lasts");
                        }
                        server.thaw();
                    } else {
                        server.start();
                    }
                    kase.observations.add("server started again");
                }, List.of());
        assertThat(c.status).as(c.details).isEqualTo(ReliabilityReport.Status.PASSED);
    }
}
