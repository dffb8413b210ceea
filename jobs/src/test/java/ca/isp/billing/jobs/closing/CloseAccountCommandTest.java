package ca.isp.billing.jobs.closing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.jobs.BillingApplication;
import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cli.BillingCommandLine;
import ca.isp.billing.testing.PinnedClock;

/**
 * The commands as an operator types them (run.sh passes them to the application as they are),
 * each in an application of its own on one H2 home, today 2026-11-20: close-account's options and
 * refusals with their exit codes, and account reinstate's.
 */
class CloseAccountCommandTest {

    @Test
    void closeAccountAndReinstateAsTyped() throws Exception {
        Path home = Files.createTempDirectory("billing-close-command-");
        assertThat(run(home, "import", "plans", Fixtures.path("hand-worked/plans.csv").toString())).isZero();
        assertThat(run(home, "import", "tax-rates", Fixtures.path("hand-worked/tax-rates.csv").toString())).isZero();
        assertThat(run(home, "import", "accounts", Fixtures.path("hand-worked/closing/accounts.csv").toString())).isZero();
        assertThat(run(home, "import", "subscriptions",
                Fixtures.path("hand-worked/closing/subscriptions.csv").toString())).isZero();

        // usage: refund or carry must be said (exit 1); a last day after today is refused (exit 2)
        assertThat(run(home, "close-account", "--account", "470002", "--date", "2026-11-10"))
                .isEqualTo(BillingCommandLine.USAGE);
        assertThat(run(home, "close-account", "--account", "470002", "--date", "2026-11-10", "--refund", "--carry"))
                .isEqualTo(BillingCommandLine.USAGE);
        assertThat(run(home, "close-account", "--account", "470002", "--date", "2026-11-21", "--carry"))
                .isEqualTo(BillingCommandLine.BAD_INPUT);
        assertThat(run(home, "close-account", "--account", "999999", "--date", "2026-11-10", "--carry"))
                .isEqualTo(BillingCommandLine.BAD_INPUT);

        // 470002 was never billed (next bill date 10-01): its final bill charges October whole, 50.00, and
        // November to the 10th, 50.00 x 10 / 30 = 16.666 -> 16.67; 66.67, HST 66.67 x 0.13 = 8.6671 -> 8.67;
        // total 75.34, owed (nothing to carry)
        assertThat(run(home, "close-account", "--account", "470002", "--date", "2026-11-10", "--carry", "--by", "ana"))
                .isZero();
        assertThat(run(home, "close-account", "--account", "470002", "--date", "2026-11-10", "--carry")).isZero();
        assertThat(run(home, "close-account", "--account", "470002", "--date", "2026-11-10", "--refund"))
                .isEqualTo(BillingCommandLine.BAD_INPUT);
        // not written off: nothing to reinstate (exit 2); no account named: usage (exit 1)
        assertThat(run(home, "account", "reinstate", "470002", "--by", "ana")).isEqualTo(BillingCommandLine.BAD_INPUT);
        assertThat(run(home, "account", "reinstate")).isEqualTo(BillingCommandLine.USAGE);

        try (BillingRun app = BillingRun.start(home, url(home), "sa", "")) {
            JdbcTemplate jdbc = app.jdbc();
            Map<String, Object> bill = jdbc.queryForMap("SELECT total, review_status FROM invoice WHERE source = 'FINAL'");
            assertThat((BigDecimal) bill.get("TOTAL")).isEqualByComparingTo("75.34");
            assertThat(bill.get("REVIEW_STATUS")).isEqualTo("CLEARED");
            assertThat(jdbc.queryForMap("SELECT settlement, settled, closed_by FROM account_closure"))
                    .containsEntry("SETTLEMENT", "CARRY").containsEntry("SETTLED", true).containsEntry("CLOSED_BY", "ana");
            assertThat(jdbc.queryForObject("SELECT status FROM account WHERE account_number = '470002'", String.class))
                    .isEqualTo("CLOSED");
            assertThat(Fixtures.balance(jdbc, "470002")).isEqualByComparingTo("75.34");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Long.class)).isEqualTo(1L);
        }
    }

    private static String url(Path home) {
        return "jdbc:h2:file:" + home.resolve("db").resolve("billing");
    }

    /** One command in an application of its own, as run.sh starts it; its exit code. */
    private static int run(Path home, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.add("--billing.home=" + home);
        args.add("--billing.templates=" + CycleTestSupport.templates());
        args.add("--spring.datasource.url=" + url(home));
        args.add("--spring.datasource.username=sa");
        args.add("--spring.datasource.password=");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BillingApplication.class,
                PinnedClock.class).run(args.toArray(String[]::new))) {
            return context.getBean(BillingCommandLine.class).getExitCode();
        }
    }
}
