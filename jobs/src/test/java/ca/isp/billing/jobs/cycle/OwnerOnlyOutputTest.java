package ca.isp.billing.jobs.cycle;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;

/**
 * Everything a cycle writes holds personal data, so it is the owner's only, whatever the umask
 * of the process (the test JVM's is usually 022): PDFs, letters, emails, the manifest, reject
 * files, archived inbox files, the run summary (rw-------) and the folders made for them
 * (rwx------). run.sh also sets umask 077 for what others create (H2's files, the log);
 * .ci/smoke checks those.
 */
class OwnerOnlyOutputTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Test
    void everyFileAndFolderTheCycleWritesIsTheOwnersOnly() throws IOException {
        assumeTrue(HOME.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        // given: a generated ISP with bad lines in its inbox files (so there are reject files)
        CycleTestSupport.generateAndImport(importer, properties, 24, 7);

        // when
        assertThat(launcher.bill(CYCLE).result()).isEqualTo(Result.COMPLETED);

        // then: every kind of file was written...
        String cycle = CYCLE.toString();
        assertThat(names(HOME.resolve("out/invoices").resolve(cycle))).anyMatch(n -> n.endsWith(".pdf"));
        assertThat(names(HOME.resolve("out/mail-vendor").resolve(cycle))).anyMatch(n -> n.endsWith("-PRINT.pdf"))
                .contains("manifest.csv");
        assertThat(names(HOME.resolve("out/email").resolve(cycle))).anyMatch(n -> n.endsWith("-EMAIL.eml"));
        assertThat(names(HOME.resolve("out/reports").resolve(cycle))).contains("run-summary.txt");
        assertThat(names(HOME.resolve("rejects"))).anyMatch(n -> n.endsWith(".rejects.csv"));
        assertThat(names(HOME.resolve("archive/usage"))).isNotEmpty();
        assertThat(names(HOME.resolve("archive/payments"))).isNotEmpty();
        // ...and none is readable by anyone else
        Map<String, String> notOwnerOnly = new TreeMap<>();
        for (String folder : List.of("out", "rejects", "archive", "work")) {
            if (!Files.exists(HOME.resolve(folder))) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(HOME.resolve(folder))) {
                for (Path path : paths.toList()) {
                    String expected = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "rwx------" : "rw-------";
                    String actual = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                    if (!actual.equals(expected)) {
                        notOwnerOnly.put(HOME.relativize(path).toString(), actual);
                    }
                }
            }
        }
        assertThat(notOwnerOnly).isEmpty();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
