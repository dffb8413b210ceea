package ca.isp.billing.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.demo.DemoIspGenerator;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.support.FaultInjection;
import ca.isp.billing.testing.PinnedClock;

/**
 * A whole billing application started by a test on a database of its choice (H2 file or a
 * MariaDB schema), so one test can compare runs: faulty against clean, H2 against MariaDB.
 */
public final class BillingRun implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path home;

    private BillingRun(ConfigurableApplicationContext context, Path home) {
        this.context = context;
        this.home = home;
    }

    /** Starts the application on a fresh H2 file database in a new folder. */
    public static BillingRun onH2() throws IOException {
        Path home = Files.createTempDirectory("billing-run-");
        return start(home, "jdbc:h2:file:" + home.resolve("db").resolve("billing"), "sa", "");
    }

    /** The same with more settings (Lob, SMTP, hand-off), as command-line arguments. */
    public static BillingRun onH2(Map<String, String> settings) throws IOException {
        Path home = Files.createTempDirectory("billing-run-");
        return start(home, "jdbc:h2:file:" + home.resolve("db").resolve("billing"), "sa", "", settings);
    }

    public static BillingRun start(Path home, String url, String user, String password) {
        return start(home, url, user, password, Map.of());
    }

    public static BillingRun start(Path home, String url, String user, String password, Map<String, String> settings) {
        // As command-line arguments: they win over application.properties and the environment.
        Map<String, Object> properties = new HashMap<>();
        properties.put("billing.home", home.toString());
        properties.put("billing.templates", CycleTestSupport.templates().toString());
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        properties.put("billing.grid-size", "2");
        properties.put("billing.chunk-size", "8");
        properties.putAll(settings);
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BillingApplication.class, PinnedClock.class).run(args);
        return new BillingRun(context, home);
    }

    public DemoIspGenerator.Summary generateAndImport(int accounts, long seed) throws IOException {
        return CycleTestSupport.generateAndImport(context.getBean(ReferenceDataImporter.class),
                context.getBean(BillingProperties.class), accounts, seed);
    }

    public Result bill() {
        return context.getBean(CycleLauncher.class).bill(CycleTestSupport.CYCLE).result();
    }

    /** {@code ./run.sh rerun} of the test cycle: a completed cycle's steps again, doing what is left. */
    public Result rerun() {
        return context.getBean(CycleLauncher.class).rerun(CycleTestSupport.CYCLE).result();
    }

    public FaultInjection faults() {
        return context.getBean(FaultInjection.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    public BillingProperties properties() {
        return context.getBean(BillingProperties.class);
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() {
        context.close();
    }
}
