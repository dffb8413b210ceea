package ca.isp.billing.jobs.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.cycle.UsageIngestLauncher;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.springframework.batch.core.step.StepExecution;

/**
 * Every step of every job logs one start and one end line, key=value, with the counts the job
 * repository recorded for it, and nothing about the customers but account numbers (here: not
 * even those).
 */
class StepLogTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final Pattern PAIR = Pattern.compile("([a-zA-Z]+)=(\\S+)");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    UsageIngestLauncher ingestLauncher;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger stepLog = (Logger) LoggerFactory.getLogger(StepLog.class);

    @BeforeEach
    void listen() {
        logged.start();
        stepLog.addAppender(logged);
        stepLog.setLevel(Level.INFO);
    }

    @AfterEach
    void stopListening() {
        stepLog.detachAppender(logged);
    }

    @Test
    void eachStepOfTheCycleAndOfTheIngestJobLogsItsStartAndItsEndWithItsCounts() throws Exception {
        CycleTestSupport.generateAndImport(importer, properties, 20, 3);

        CycleOutcome outcome = launcher.bill(CycleTestSupport.CYCLE);
        assertThat(outcome.result()).isEqualTo(Result.COMPLETED);

        List<Map<String, String>> lines = logged.list.stream().map(e -> pairs(e.getFormattedMessage())).toList();
        for (StepExecution step : outcome.execution().getStepExecutions()) {
            List<Map<String, String>> mine = lines.stream()
                    .filter(l -> step.getStepName().equals(l.get("step")) && "billingCycle".equals(l.get("job"))).toList();
            assertThat(mine).as(step.getStepName()).extracting(l -> l.get("event"))
                    .containsExactly("step-start", "step-end");
            Map<String, String> end = mine.get(1);
            assertThat(end).as(step.getStepName())
                    .containsEntry("cycleDate", CycleTestSupport.CYCLE.toString())
                    .containsEntry("status", "COMPLETED")
                    .containsEntry("read", Long.toString(step.getReadCount()))
                    .containsEntry("written", Long.toString(step.getWriteCount()))
                    .containsEntry("filtered", Long.toString(step.getFilterCount()))
                    .containsEntry("skipped", Long.toString(step.getSkipCount()))
                    .containsKeys("seconds", "rate", "commits");
        }
        // the partitions' steps too (chargePartition:partition0, ...), and the new journal step
        assertThat(lines).anyMatch(l -> l.getOrDefault("step", "").startsWith("chargePartition:"));
        assertThat(lines).anyMatch(l -> "journal".equals(l.get("step")) && "step-end".equals(l.get("event")));
        // the charge step read the due accounts (a count above zero, not a guess)
        assertThat(lines).anyMatch(l -> "charge".equals(l.get("step")) && "step-end".equals(l.get("event"))
                && Long.parseLong(l.get("read")) > 0);

        // the other jobs' steps as well
        logged.list.clear();
        assertThat(ingestLauncher.ingest().result()).isEqualTo(Result.COMPLETED);
        assertThat(logged.list.stream().map(e -> pairs(e.getFormattedMessage())))
                .anyMatch(l -> "usageIngest".equals(l.get("job")) && "step-end".equals(l.get("event")));

        // no names, emails or addresses of the imported customers in these lines
        String all = String.join("\n", logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(all).doesNotContain("@example");
    }

    private static Map<String, String> pairs(String line) {
        Map<String, String> pairs = new HashMap<>();
        Matcher m = PAIR.matcher(line);
        while (m.find()) {
            pairs.put(m.group(1), m.group(2));
        }
        return pairs;
    }
}
