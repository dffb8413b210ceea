package ca.isp.billing.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.collections.AccountReinstatement;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.report.CycleStatus;
import ca.isp.billing.jobs.review.ReviewDesk;
import picocli.CommandLine;

/**
 * The command line as operators and scripts type it, parsed by picocli into the commands of this
 * package (their beans are mocks): the option spellings, the one-line mistakes and their exit
 * codes of the hand-written parser it replaced. run.sh and .ci/smoke test the whole process.
 */
class BillingCommandLineTest {

    private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");

    private final Mocks mocks = new Mocks();
    private String out;
    private String err;

    @Test
    void springSettingsAreSpringsAndNeverReachTheCommands() {
        assertThat(BillingCommandLine.commandArguments("bill", "--billing.fault.step=charge", "--cycle-date",
                "2026-11-01", "--spring.datasource.url=jdbc:h2:mem:x", "--logging.level.root=WARN", "--force"))
                .containsExactly("bill", "--cycle-date", "2026-11-01", "--force");
        assertThat(BillingCommandLine.commandArguments("--billing.home=/tmp/x")).isEmpty();
    }

    @Test
    void bothSpellingsOfAnOptionAndFlags() {
        assertThat(run("bill", "--cycle-date", "2026-11-01", "--force")).isZero();
        assertThat(run("bill", "--cycle-date=2026-11-01", "--force")).isZero();
        verify(mocks.get(CycleLauncher.class), org.mockito.Mockito.times(2)).bill(NOV_1, CycleLauncher.Option.FORCE);
        assertThat(run("bill", "--cycle-date=2026-11-01", "--recover")).isZero();
        verify(mocks.get(CycleLauncher.class)).bill(NOV_1, CycleLauncher.Option.RECOVER);
    }

    @Test
    void anUnknownCommandOrOptionIsAMistakeThatNamesIt() {
        assertThat(run("frobnicate")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).isEqualTo("error: unknown command 'frobnicate' (see ./run.sh --help)\n");
        assertThat(run("bill", "--cycle-date", "2026-12-01", "--frobnicate")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).isEqualTo("error: 'bill' has no option --frobnicate (see ./run.sh --help)\n");
        assertThat(run("status", "--frobnicate=yes")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("'status' has no option --frobnicate (");
        assertThat(run("export", "journal", "--cycle", "2026-11-01")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("'export' has no option --cycle (");
        assertThat(run("--cycle-date", "2026-11-01")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("unknown command '--cycle-date'");
    }

    @Test
    void theSentencesOfMissingAndWrongValues() {
        assertThat(run("bill")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("--cycle-date YYYY-MM-DD is required");
        assertThat(run("bill", "--cycle-date", "2026-13-01")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("--cycle-date must be a date like 2026-11-01, not '2026-13-01'");
        assertThat(run("bill", "--cycle-date", "2026-11-01", "--keep")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("--keep goes with --dry-run");
        assertThat(run("bill", "--cycle-date", "2026-11-01", "--dry-run", "--workers", "remote"))
                .isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("--dry-run rehearses on this machine only");
        assertThat(run("rerun", "--cycle-date", "2026-11-01", "--workers=nowhere")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("--workers must be local or remote, not 'nowhere'");
        assertThat(run("collections")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("--date YYYY-MM-DD is required");
        assertThat(run("tax-quote", "--country", "CA")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("--postal-code is required");
        assertThat(run("report", "revenue", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "pdf"))
                .isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("--format must be csv, html or xlsx, not 'pdf'");
        assertThat(run("report")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("usage: report revenue|");
        assertThat(run("close-account", "--account", "470002", "--date", "2026-11-10", "--refund", "--carry"))
                .isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("--refund (paid back) or --carry (kept)");
        assertThat(run("bench-render", "--invoices", "5")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("--invoices must be from 10 to 1,000,000");
    }

    @Test
    void importTakesAKindAndAFileAsTyped() {
        assertThat(run("import", "nonsense", "plans.csv")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("unknown import kind 'nonsense'");
        assertThat(run("import", "accounts")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("usage: import <accounts|");
        assertThat(run("import", "accounts", "/nonexistent.csv")).isEqualTo(BillingCommandLine.BAD_INPUT);
        assertThat(err).isEqualTo("error: cannot read /nonexistent.csv\n");
        // no picocli argument files: @name is a file name like any other
        assertThat(run("import", "accounts", "@accounts.csv")).isEqualTo(BillingCommandLine.BAD_INPUT);
        assertThat(err).contains("cannot read @accounts.csv");
    }

    @Test
    void reviewTakesSeveralInvoicesAfterReleaseAndRefusesAStrayWord() {
        when(mocks.get(ReviewDesk.class).release(any(), any(), any())).thenReturn(2);
        assertThat(run("review", "--cycle-date", "2026-11-01", "--release", "F-1", "F-2", "--by", "ana")).isZero();
        verify(mocks.get(ReviewDesk.class)).release(NOV_1, List.of("F-1", "F-2"), "ana");
        assertThat(out).contains("2 invoices released by ana");
        assertThat(run("review", "--cycle-date", "2026-11-01", "--release")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("--release needs ALL or invoice numbers");
        assertThat(run("review", "--cycle-date", "2026-11-01", "F-1")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("'review' has no option F-1 (--cycle-date D [--release ALL|INVOICE...");
        assertThat(run("review", "--cycle-date", "2026-11-01", "--reason", "typo")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("--reason goes with --void");
    }

    @Test
    void subcommandsAndTheirUsageLines() {
        assertThat(run("account")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("usage: account reinstate ACCOUNT [--by NAME]");
        assertThat(run("account", "reinstate")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("usage: account reinstate ACCOUNT [--by NAME]");
        assertThat(run("account", "forgive", "470002")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("usage: account reinstate ACCOUNT [--by NAME]");
        when(mocks.get(AccountReinstatement.class).reinstate("470002", "ana"))
                .thenThrow(new AccountReinstatement.Refused("account 470002 is not written off"));
        assertThat(run("account", "reinstate", "470002", "--by=ana")).isEqualTo(BillingCommandLine.BAD_INPUT);
        assertThat(err).contains("error: account 470002 is not written off");
        assertThat(run("payments", "assign", "REF-1")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("usage: payments suspense | payments assign REF ACCOUNT [--by NAME]");
        assertThat(run("export")).isEqualTo(BillingCommandLine.USAGE);
        assertThat(err).contains("usage: export journal --cycle-date YYYY-MM-DD");
    }

    @Test
    void asBeforeTheLastOfARepeatedOptionCountsAndAStrayWordIsIgnored() {
        when(mocks.get(CycleStatus.class).ofCycle(any())).thenReturn("cycle\n");
        when(mocks.get(CycleStatus.class).overview()).thenReturn("overview\n");
        assertThat(run("status", "--cycle-date", "2026-01-01", "--cycle-date", "2026-11-01")).isZero();
        verify(mocks.get(CycleStatus.class)).ofCycle(NOV_1);
        assertThat(run("status", "now")).isZero();
        assertThat(out).isEqualTo("overview\n");
    }

    @Test
    void anUnexpectedFailureLeavesTheCommandLineAsBefore() {
        when(mocks.get(CycleStatus.class).overview()).thenThrow(new IllegalStateException("database gone"));
        assertThatThrownBy(() -> run("status")).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
    }

    @Test
    void eachOutcomeItsExitCode() {
        CycleOutcomes outcomes = new CycleOutcomes(mock(BillingProperties.class), mock(ReviewDesk.class));
        assertThat(outcomes.exitCode(outcome(CycleOutcome.Result.ALREADY_COMPLETED))).isEqualTo(BillingCommandLine.OK);
        assertThat(outcomes.exitCode(outcome(CycleOutcome.Result.REFUSED))).isEqualTo(BillingCommandLine.USAGE);
        assertThat(outcomes.exitCode(outcome(CycleOutcome.Result.IN_THE_WAY))).isEqualTo(BillingCommandLine.IN_THE_WAY);
        assertThat(outcomes.exitCode(outcome(CycleOutcome.Result.FAILED))).isEqualTo(BillingCommandLine.FAILED);
        assertThat(outcomes.exitCode(outcome(CycleOutcome.Result.STOPPED))).isEqualTo(BillingCommandLine.FAILED);
        assertThat(outcomes.accountJobExitCode(outcome(CycleOutcome.Result.REFUSED)))
                .isEqualTo(BillingCommandLine.BAD_INPUT);
        assertThat(outcomes.jobExitCode(outcome(CycleOutcome.Result.COMPLETED))).isEqualTo(BillingCommandLine.OK);
    }

    private static CycleOutcome outcome(CycleOutcome.Result result) {
        return new CycleOutcome(NOV_1, result, "said", null);
    }

    /** Runs the command line on mocks; keeps what it printed. */
    private int run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            return BillingCommandLine.execute(mocks, args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            out = outBytes.toString(StandardCharsets.UTF_8);
            err = errBytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Creates the commands with a mock for each bean their constructor takes (one per type). */
    private static final class Mocks implements CommandLine.IFactory {

        private final Map<Class<?>, Object> beans = new HashMap<>();

        @SuppressWarnings("unchecked")
        <T> T get(Class<T> type) {
            return (T) beans.computeIfAbsent(type, t -> mock(t));
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (!type.getPackageName().equals(BillingCommandLine.class.getPackageName())) {
                return CommandLine.defaultFactory().create(type);
            }
            Constructor<?> constructor = type.getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            Type[] parameters = constructor.getGenericParameterTypes();
            Object[] values = new Object[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                values[i] = bean(parameters[i]);
            }
            return type.cast(constructor.newInstance(values));
        }

        @SuppressWarnings("unchecked")
        private Object bean(Type type) {
            if (type == String.class) {
                return "layout";
            }
            if (type instanceof ParameterizedType p && p.getRawType() == ObjectProvider.class) {
                Object bean = get((Class<?>) p.getActualTypeArguments()[0]);
                ObjectProvider<Object> provider = mock(ObjectProvider.class);
                when(provider.getObject()).thenReturn(bean);
                when(provider.getIfAvailable()).thenReturn(bean);
                return provider;
            }
            return get((Class<?>) type);
        }
    }
}
