package ca.isp.billing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kill -9 matrix on the embedded H2 database of the home (run.sh without BILLING_DB_URL). */
class H2KillMatrixIT extends KillMatrix {

    static final KillDrill.Databases H2 = new KillDrill.Databases() {
        @Override
        public String kind() {
            return "H2";
        }

        @Override
        public Database forTemplate(CaseFolder template) {
            return new H2Database(template.home());
        }

        @Override
        public Database forCase(CaseFolder folder, Database template) {
            return new H2Database(folder.home()); // the database file came with the copy of the home
        }
    };

    @Override
    KillDrill.Databases databases() {
        return H2;
    }

    /** The comparison itself is tested: differences and broken rules planted on purpose must be reported. */
    @Test
    void theComparisonCatchesWhatItIsMeantToCatch() throws Exception {
        ReliabilityReport.Case c = KillDrill.of(H2).selfCheck("harness self-check");
        assertThat(c.status).as(c.details).isEqualTo(ReliabilityReport.Status.PASSED);
    }
}
