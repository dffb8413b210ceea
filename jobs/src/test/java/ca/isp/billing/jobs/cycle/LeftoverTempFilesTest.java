package ca.isp.billing.jobs.cycle;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;

/**
 * A process killed while writing a PDF, a letter, an email, the manifest or the run summary
 * leaves a temporary file ({@code .<name>.<process>-<n>.tmp}) beside them. The step that writes
 * those folders deletes such leftovers when it starts, and nothing else: a file of another
 * name is the operator's.
 */
class LeftoverTempFilesTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    /** A process id no live process has (each process draws its own at random). */
    private static final String DEAD_PROCESS = "0123456789abcdef";

    @Test
    void theStepsThatWriteOutputDeleteWhatAKilledRunLeftAndNothingElse() throws IOException {
        // given: leftovers of a killed run in every output folder of the cycle, beside files that are not ours
        CycleTestSupport.generateAndImport(importer, properties, 12, 7);
        String cycle = CYCLE.toString();
        List<Path> leftovers = List.of(
                temp(HOME.resolve("out/invoices").resolve(cycle), "F-2026-000001.pdf"),
                temp(HOME.resolve("out/mail-vendor").resolve(cycle), "F-2026-000001-PRINT.pdf"),
                temp(HOME.resolve("out/mail-vendor").resolve(cycle), "manifest.csv"),
                temp(HOME.resolve("out/email").resolve(cycle), "F-2026-000002-EMAIL.eml"),
                temp(HOME.resolve("out/reports").resolve(cycle), "run-summary.txt"));
        List<Path> notOurs = List.of(
                file(HOME.resolve("out/email").resolve(cycle), "notes.tmp"),
                file(HOME.resolve("out/email").resolve(cycle), ".F-2026-000002-EMAIL.eml.tmp"),
                file(HOME.resolve("out/invoices").resolve(cycle), ".draft.pdf.mine-1.tmp"),
                file(HOME.resolve("out/mail-vendor").resolve(cycle), "README.txt"));

        // when
        assertThat(launcher.bill(CYCLE).result()).isEqualTo(Result.COMPLETED);

        // then
        assertThat(leftovers).allSatisfy(leftover -> assertThat(leftover).doesNotExist());
        assertThat(notOurs).allSatisfy(file -> assertThat(file).exists());
    }

    private static Path temp(Path folder, String target) throws IOException {
        return file(folder, "." + target + "." + DEAD_PROCESS + "-7.tmp");
    }

    private static Path file(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), "half written");
    }
}
