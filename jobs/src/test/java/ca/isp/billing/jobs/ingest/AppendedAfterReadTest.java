package ca.isp.billing.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.rate.UsageRating;
import ca.isp.billing.readers.FileFingerprint;

/**
 * A sender appends a line right after the ingest has read and committed the file, before the
 * file leaves the inbox (a synchronization that runs first after the commit, so no timing is
 * involved). What is archived is exactly what was read and recorded; the grown file stays in the
 * inbox, and the next run stores its new line (the lines already stored are duplicates by key).
 */
class AppendedAfterReadTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final String NAME = "usage-late.csv";
    private static final String LATE_LINE = "g-3,radius-mtl-1,alice,DATA,2026-10-20T10:00:00,3000\n";

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void archivesWhatWasReadAndLeavesTheGrownFileForTheNextRun() throws IOException {
        // given: a two-record file in the inbox
        Path file = Fixtures.drop("usage-growing.csv", properties.inbox("usage"), NAME);
        String read = Files.readString(file, StandardCharsets.UTF_8);
        UsageFileIngester tasklet = new UsageFileIngester(jdbc, UsageRating.load(jdbc), transactionManager, properties,
                DateWindow.ANY);

        // when: it is read and committed, and a line is appended before it leaves the inbox
        StepContribution first = TaskletRuns.contribution();
        assertThat(TaskletRuns.execute(transactionManager, tasklet, first, () -> append(file)))
                .isEqualTo(RepeatStatus.CONTINUABLE);
        assertThat(TaskletRuns.execute(transactionManager, tasklet, first)).isEqualTo(RepeatStatus.FINISHED);

        // then: the archive holds the bytes read, whose SHA-256 is the one recorded
        Path archived = properties.archive("usage").resolve(NAME);
        assertThat(archived).hasContent(read);
        assertThat(jdbc.queryForObject("SELECT sha256 FROM ingested_file WHERE file_name = ?", String.class, NAME))
                .isEqualTo(FileFingerprint.sha256(archived));
        assertThat(jdbc.queryForList("SELECT record_id FROM usage_record ORDER BY record_id", String.class))
                .containsExactly("g-1", "g-2");
        // and the grown file waits in the inbox
        assertThat(file).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).endsWith(LATE_LINE);

        // when: the next run
        StepContribution next = TaskletRuns.contribution();
        assertThat(TaskletRuns.execute(transactionManager, tasklet, next)).isEqualTo(RepeatStatus.CONTINUABLE);
        assertThat(TaskletRuns.execute(transactionManager, tasklet, next)).isEqualTo(RepeatStatus.FINISHED);

        // then: the late line is stored, the two others are duplicates, and the grown file is archived beside the first
        assertThat(jdbc.queryForList("SELECT record_id FROM usage_record ORDER BY record_id", String.class))
                .containsExactly("g-1", "g-2", "g-3");
        assertThat(next.getWriteCount()).isEqualTo(1);
        assertThat(next.getFilterCount()).isEqualTo(2);
        assertThat(file).doesNotExist();
        String grownSha = FileFingerprint.sha256(properties.archive("usage").resolve("usage-late." + "%s.csv"
                .formatted(jdbc.queryForObject("SELECT SUBSTRING(sha256, 1, 8) FROM ingested_file WHERE id = "
                        + "(SELECT MAX(id) FROM ingested_file)", String.class))));
        assertThat(jdbc.queryForList("SELECT sha256 FROM ingested_file ORDER BY id", String.class))
                .containsExactly(FileFingerprint.sha256(archived), grownSha);
    }

    private static void append(Path file) {
        try {
            Files.writeString(file, LATE_LINE, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            // Same size and time would hide the change on a coarse clock: make the time move too.
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
