package ca.isp.billing.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;

/**
 * run.sh bench ingest, small: the records it writes are all ingested and rated (the phone numbers
 * and user names it sets up match), the raw insert writes as many rows as the ingest stored and
 * leaves none behind, and the last line has the form.
 */
class IngestBenchTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        // as run.sh configures them
        registry.add("billing.ingest.sources.bench-radius.format", () -> "freeradius-detail");
        registry.add("billing.ingest.sources.bench-radius.folder", () -> "bench-input/radacct");
        registry.add("billing.ingest.sources.bench-radius.zone", () -> "UTC");
        registry.add("billing.ingest.sources.bench-pbx.format", () -> "asterisk-csv");
        registry.add("billing.ingest.sources.bench-pbx.zone", () -> "UTC");
        registry.add("billing.ingest.sources.bench-pbx.log-unique-id", () -> "true");
    }

    @Autowired
    private IngestBench bench;

    @Test
    void ingestsAndRatesEveryRecordThenMeasuresTheRawInsert() throws Exception {
        // when: 600 records = 300 RADIUS (100 sessions of Start, Interim-Update, Stop) + 300 calls
        IngestBench.Result result = bench.run(600);

        // then: every record stored (a session's three readings each count more) and rated
        assertThat(result.records()).isEqualTo(600);
        assertThat(result.rows()).isEqualTo(600);
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE status = 'RATED'")).isEqualTo(600);
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE source = 'raw-bench'")).isZero();
        assertThat(result.lastLine()).matches("ingest: \\d+ records/s, raw insert: \\d+ rows/s, ratio \\d+\\.\\d\\d");
    }
}
