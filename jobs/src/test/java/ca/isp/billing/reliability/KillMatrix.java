package ca.isp.billing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kill -9 matrix of one database: every chunk step of billingCycle killed in its middle
 * chunk, every named point between a commit and what depends on it, several kills in a row, and
 * real kill -9s at random moments; each resumed with the same command and compared with the
 * uninterrupted run. The tasklet steps are covered by the named points (ingest and payments:
 * usage-/payments-committed and -archived; handoffManifest: manifest-written and the first chunk
 * of lateFees, the step after it; report: report-written).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KillMatrix {

    static final String SUITE = "kill -9 matrix";
    static final List<String> POINTS = List.of("usage-committed", "usage-archived", "payments-committed",
            "payments-archived", "render-written", "handoff-written", "manifest-written", "report-written");

    private KillDrill drill;

    abstract KillDrill.Databases databases();

    @BeforeAll
    void prepare() throws Exception {
        ReliabilityReport.note("random kills", "seed " + KillDrill.KILL_SEED + " (replay with -Dreliability.seed="
                + KillDrill.KILL_SEED + ")");
        drill = KillDrill.of(databases());
    }

    @AfterAll
    void writeReport() {
        ReliabilityReport.write();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String step : KillDrill.CHUNK_STEPS.keySet()) {
            cases.add(Arguments.of("halt in " + step + ", middle chunk", List.of(Fault.inChunk(step, 0))));
        }
        cases.add(Arguments.of("halt in lateFees chunk 1 (handoffManifest just committed)",
                List.of(Fault.inChunk("lateFees", 1))));
        for (String point : POINTS) {
            cases.add(Arguments.of("halt at " + point, List.of(Fault.at(point))));
        }
        cases.add(Arguments.of("four kills in a row: charge, render-written, handoff, delinquency",
                List.of(Fault.inChunk("charge", 0), Fault.at("render-written"), Fault.inChunk("handoff", 0),
                        Fault.inChunk("delinquency", 0))));
        cases.add(Arguments.of("real kill -9 at a random moment", List.of(Fault.randomKill())));
        cases.add(Arguments.of("real kill -9 at random moments, twice in a row",
                List.of(Fault.randomKill(), Fault.randomKill())));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void killedRunResumedByTheSameCommandEndsAsAnUninterruptedRun(String name, List<Fault> faults) throws Exception {
        ReliabilityReport.Case c = drill.run(SUITE, name, faults);
        assertThat(c.status).as(c.details).isEqualTo(ReliabilityReport.Status.PASSED);
    }
}
