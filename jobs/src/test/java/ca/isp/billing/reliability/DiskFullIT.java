package ca.isp.billing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The disk filling while PDFs are written: the case's {@code out/} is a 1 MB tmpfs (about 30 of
 * the ISP's 55 invoice PDFs fit), so the render step runs out of space half way. The run must
 * fail cleanly (exit 5, a message naming the full disk, no half-written file left); once space is
 * given (the file system grown to 64 MB, as an operator would free or add space) the same command
 * must complete with the same final state as an uninterrupted run.
 *
 * <p>Mounting needs root (or CAP_SYS_ADMIN): CI runs as root. Where the mount is refused the case
 * is skipped with the reason; run it by hand as root with
 * {@code mvn -o -B verify -Preliability -Dit.test=DiskFullIT}.
 */
class DiskFullIT {

    static final String SUITE = "disk full";
    static final String NAME = "out/ on a 1 MB file system, full while PDFs are written";

    @Test
    void renderingOnAFullDiskFailsCleanlyAndTheSameCommandCompletesOnceThereIsSpace() throws Exception {
        String refused = mountRefused();
        if (refused != null) {
            ReliabilityReport.Case skipped = new ReliabilityReport.Case(SUITE, "H2", NAME);
            skipped.status = ReliabilityReport.Status.SKIPPED;
            skipped.check = "SKIPPED: " + refused + "; run it as root: mvn -o -B verify -Preliability -Dit.test=DiskFullIT";
            ReliabilityReport.add(skipped);
            System.out.println("SKIPPED DiskFullIT: " + refused);
            Assumptions.abort(refused);
        }
        KillDrill drill = KillDrill.of(H2KillMatrixIT.H2);
        Path[] mounted = new Path[1];
        ReliabilityReport.Case c = drill.run(SUITE, NAME,
                (folder, db, kase, failures) -> {
                    Path out = folder.home().resolve("out");
                    Files.createDirectories(out);
                    CaseFolder.ownerOnly(out);
                    String mount = command("mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", out.toString());
                    if (mount != null) {
                        failures.add("cannot mount the small file system: " + mount);
                        return;
                    }
                    mounted[0] = out;
                    BillingCommand.Ended ended = BillingCommand.run(folder, db, "bill-disk-full", Duration.ofMinutes(5),
                            KillDrill.BILL);
                    kase.runs.add(KillDrill.describe("bill, out/ 1 MB", ended));
                    String error = ended.output().lines().filter(l -> l.startsWith("error:")).findFirst()
                            .orElse("(no error line)");
                    long pdfs = count(out.resolve("invoices"), ".pdf");
                    kase.observations.add("the run failed with " + pdfs + " PDFs on disk: "
                            + (error.length() > 300 ? error.substring(0, 300) + "..." : error));
                    if (ended.exitCode() != 5) {
                        failures.add("the run exited " + ended.exitCode() + ", expected 5:\n" + ended.lastLines(15));
                    } else if (!error.contains("No space left on device")) {
                        failures.add("the error does not say the disk is full: " + error);
                    }
                    long temps = count(out, ".tmp");
                    if (temps > 0) {
                        failures.add(temps + " temporary files left on the full disk by the failed run");
                    }
                    String grow = command("mount", "-o", "remount,size=64m", out.toString());
                    if (grow != null) {
                        failures.add("could not grow the file system: " + grow);
                    }
                    kase.observations.add("space given: out/ grown to 64 MB");
                }, List.of(), () -> {
                    if (mounted[0] != null) {
                        String umount = command("umount", mounted[0].toString());
                        if (umount != null) {
                            command("umount", "-l", mounted[0].toString());
                        }
                    }
                });
        assertThat(c.status).as(c.details).isEqualTo(ReliabilityReport.Status.PASSED);
    }

    /** Why this machine refuses to mount a small tmpfs for the test (not root, no CAP_SYS_ADMIN), or null. */
    private static String mountRefused() throws IOException, InterruptedException {
        Path probe = CaseFolder.WORK.resolve("mount-probe");
        Files.createDirectories(probe);
        String mount = command("mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", probe.toString());
        if (mount == null) {
            command("umount", probe.toString());
        }
        Files.deleteIfExists(probe);
        return mount == null ? null : "cannot mount a small file system here (" + mount.strip() + ")";
    }

    /** Runs a command; null when it succeeded, else what it printed. */
    private static String command(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() == 0 ? null : "exit " + process.exitValue() + ": " + output;
    }

    private static long count(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }
}
