package ca.isp.billing.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.rate.UsageRating;

/**
 * A usage file still being written while the ingest reads it: a sender appends a line after the
 * tasklet has read the file (a subclass hook, so no timing is involved). What was read is rolled
 * back, the file stays in the inbox and is not tried again in the same step execution; the next
 * execution reads it whole. Each tasklet call runs in its own transaction, as in the step.
 */
class FileChangedWhileReadTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final String GROWING = "usage-growing.csv";
    private static final String STEADY = "usage-steady.csv";
    private static final String LATE_LINE = "g-3,radius-mtl-1,alice,DATA,2026-10-20T10:00:00,3000\n";

    @Autowired
    private PlatformTransactionManager transactionManager;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger taskletLog = (Logger) LoggerFactory.getLogger(InboxFileTasklet.class);

    /** Appends a line to usage-growing.csv the first time it has been read, as a slow sender would. */
    private static final class SlowSender extends UsageFileIngester {

        private boolean appended;

        SlowSender(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, BillingProperties properties) {
            super(jdbc, UsageRating.load(jdbc), transactionManager, properties, DateWindow.ANY);
        }

        @Override
        protected void afterReading(Path file) {
            if (!appended && file.getFileName().toString().equals(GROWING)) {
                appended = true;
                try {
                    Files.writeString(file, LATE_LINE, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                    // Same size and time would hide the change on a coarse clock: make the time move too.
                    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                            Files.getLastModifiedTime(file).toMillis() + 2000));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    @BeforeEach
    void dropFilesAndListen() throws IOException {
        Path inbox = properties.inbox("usage");
        Files.createDirectories(inbox);
        Files.copy(fixture(GROWING), inbox.resolve(GROWING));
        Files.copy(fixture(STEADY), inbox.resolve(STEADY));
        logged.start();
        taskletLog.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        taskletLog.detachAppender(logged);
    }

    @Test
    void leavesAFileThatChangedWhileReadInTheInboxAndReadsItWholeNextTime() {
        SlowSender tasklet = new SlowSender(jdbc, transactionManager, properties);

        // when: the first step execution
        StepContribution first = contribution();
        // usage-growing.csv comes first by name; it grows while read
        assertThat(execute(tasklet, first)).isEqualTo(RepeatStatus.CONTINUABLE);

        // then: nothing of it is stored or counted, it is still in the inbox, with no reject file
        assertThat(count("SELECT COUNT(*) FROM ingested_file")).isZero();
        assertThat(count("SELECT COUNT(*) FROM usage_record")).isZero();
        assertThat(properties.inbox("usage").resolve(GROWING)).exists();
        assertThat(properties.archive("usage").resolve(GROWING)).doesNotExist();
        assertThat(properties.rejects().resolve(GROWING + ".rejects.csv")).doesNotExist();
        assertThat(first.getReadCount()).isZero();
        assertThat(first.getWriteCount()).isZero();
        assertThat(logged.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
                .contains(org.assertj.core.groups.Tuple.tuple(Level.WARN,
                        GROWING + " changed while it was read: left in the inbox for the next run"));

        // when: the same execution goes on; the changed file is skipped, the next one is read, then it is done
        assertThat(execute(tasklet, first)).isEqualTo(RepeatStatus.CONTINUABLE);
        assertThat(execute(tasklet, first)).isEqualTo(RepeatStatus.FINISHED);

        // then: only usage-steady.csv (1 record) was taken; usage-growing.csv waits
        assertThat(jdbc.queryForList("SELECT file_name FROM ingested_file", String.class)).containsExactly(STEADY);
        assertThat(first.getReadCount()).isEqualTo(1);
        assertThat(first.getWriteCount()).isEqualTo(1);
        assertThat(properties.inbox("usage").resolve(GROWING)).exists();

        // when: the next step execution (the sender has finished writing)
        StepContribution next = contribution();
        assertThat(execute(tasklet, next)).isEqualTo(RepeatStatus.CONTINUABLE);
        assertThat(execute(tasklet, next)).isEqualTo(RepeatStatus.FINISHED);

        // then: the whole file, the late line included: 3 records
        assertThat(jdbc.queryForList("SELECT record_id FROM usage_record ORDER BY record_id", String.class))
                .containsExactly("g-1", "g-2", "g-3", "s-1");
        assertThat(jdbc.queryForObject("SELECT lines_read FROM ingested_file WHERE file_name = ?", Long.class, GROWING))
                .isEqualTo(3L);
        assertThat(next.getReadCount()).isEqualTo(3);
        assertThat(properties.inbox("usage").resolve(GROWING)).doesNotExist();
        assertThat(properties.archive("usage").resolve(GROWING)).exists();
    }

    private RepeatStatus execute(InboxFileTasklet<?> tasklet, StepContribution contribution) {
        return new TransactionTemplate(transactionManager).execute(status -> {
            try {
                return tasklet.execute(contribution, null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static StepContribution contribution() {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "billingCycle"), new JobParameters());
        return new StepExecution("ingest", job).createStepContribution();
    }

    private static Path fixture(String name) {
        try {
            return Path.of(FileChangedWhileReadTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
