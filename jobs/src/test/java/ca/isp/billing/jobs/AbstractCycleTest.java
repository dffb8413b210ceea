package ca.isp.billing.jobs;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.support.FaultInjection;
import ca.isp.billing.testing.PinnedClock;

/**
 * A whole application on a fresh embedded H2 file database and its own var/ folder per test
 * class, with small chunks and two partitions so a cycle of a few dozen accounts spans
 * several chunks in each partition.
 */
@SpringBootTest
@Import(PinnedClock.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class AbstractCycleTest {

    /**
     * Each test class calls this from its own {@code @DynamicPropertySource} with its own
     * folder: its own application, database and var/.
     */
    protected static void billingHome(DynamicPropertyRegistry registry, Path home) {
        registry.add("billing.home", () -> home.toString());
        registry.add("billing.templates", () -> CycleTestSupport.templates().toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + home.resolve("db").resolve("billing"));
        registry.add("billing.grid-size", () -> "2");
        registry.add("billing.chunk-size", () -> "8");
    }

    @Autowired
    protected CycleLauncher launcher;
    @Autowired
    protected ReferenceDataImporter importer;
    @Autowired
    protected BillingProperties properties;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected FaultInjection faults;

    protected static Path newHome() {
        try {
            return java.nio.file.Files.createTempDirectory("billing-test-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
