package ca.isp.billing.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
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

/**
 * Only regular files of the inbox are read. A symbolic link (here to a file outside the home)
 * or a folder named like a CSV file is refused with a reject line saying why, never read, and
 * left where it is; the regular files beside it are ingested as usual.
 */
class InboxLinkTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final Path ELSEWHERE = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void refusesLinksAndFoldersAndReadsTheRegularFiles() throws IOException {
        // given: a usage file outside the home, linked from the inbox; a folder named *.csv; a regular file
        Path outside = ELSEWHERE.resolve("someone-elses.csv");
        Files.writeString(outside, "record_id,source,service_id,usage_type,start_time,quantity\n"
                + "x-1,radius-mtl-1,alice,DATA,2026-10-20T10:00:00,3000\n", StandardCharsets.UTF_8);
        Path inbox = properties.inbox("usage");
        Files.createDirectories(inbox);
        Path link = Files.createSymbolicLink(inbox.resolve("a-linked.csv"), outside);
        Files.createDirectories(inbox.resolve("b-folder.csv"));
        Fixtures.drop("usage-steady.csv", inbox, "c-steady.csv");

        // when: one step execution
        UsageFileIngester tasklet = new UsageFileIngester(jdbc, UsageRating.load(jdbc), transactionManager, properties,
                DateWindow.ANY);
        StepContribution contribution = TaskletRuns.contribution();
        int calls = 0;
        while (TaskletRuns.execute(transactionManager, tasklet, contribution) == RepeatStatus.CONTINUABLE) {
            assertThat(++calls).as("tasklet calls").isLessThan(10);
        }

        // then: only the regular file was read
        assertThat(jdbc.queryForList("SELECT file_name FROM ingested_file", String.class)).containsExactly("c-steady.csv");
        assertThat(jdbc.queryForList("SELECT record_id FROM usage_record", String.class)).containsExactly("s-1");
        assertThat(contribution.getReadCount()).isEqualTo(1);
        // each refusal has its reject line
        List<CSVRecord> linkRejects = Fixtures.rejects(properties.rejects().resolve("a-linked.csv.rejects.csv"));
        assertThat(linkRejects).extracting(r -> r.get("file"), r -> r.get("line"), r -> r.get("field"), r -> r.get("raw"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a-linked.csv", "1", "", ""));
        assertThat(linkRejects.get(0).get("reason")).contains("symbolic link").contains("not read");
        List<CSVRecord> folderRejects = Fixtures.rejects(properties.rejects().resolve("b-folder.csv.rejects.csv"));
        assertThat(folderRejects.get(0).get("reason")).contains("not a regular file").contains("not read");
        // the link and the folder are left as they are, the file it points to untouched and not archived
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(inbox.resolve("b-folder.csv")).isDirectory();
        assertThat(outside).hasContent("record_id,source,service_id,usage_type,start_time,quantity\n"
                + "x-1,radius-mtl-1,alice,DATA,2026-10-20T10:00:00,3000");
        assertThat(Files.exists(properties.archive("usage").resolve("a-linked.csv"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(properties.archive("usage").resolve("c-steady.csv")).exists();
    }
}
