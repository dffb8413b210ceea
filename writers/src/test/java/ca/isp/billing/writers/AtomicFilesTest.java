package ca.isp.billing.writers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    private static final byte[] BYTES = "content".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path home;

    @Test
    void writesTheFileWholeInItsFolderAndLeavesNoTemporaryFile() throws IOException {
        Path folder = home.resolve("out/email/2026-11-01");

        Path written = AtomicFiles.write(folder, "F-2026-000001-EMAIL.eml", BYTES);

        assertThat(written).isEqualTo(folder.toAbsolutePath().normalize().resolve("F-2026-000001-EMAIL.eml"));
        assertThat(Files.readAllBytes(written)).isEqualTo(BYTES);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(written);
        }
    }

    /**
     * Durable on return: the file is forced to disk, then moved, then its folder forced; a folder it
     * had to create is forced in its parent, so neither the name nor the content is lost in a power cut.
     */
    @Test
    void forcesTheFileAndItsFolderAndEveryFolderItCreatedToDisk() throws IOException {
        Path folder = home.resolve("out/mail-vendor/2026-11-01");
        AtomicFiles.Forced before = AtomicFiles.forcedByThisThread();

        AtomicFiles.write(folder, "F-1-PRINT.pdf", BYTES);

        AtomicFiles.Forced first = AtomicFiles.forcedByThisThread();
        assertThat(first.files() - before.files()).isEqualTo(1);
        // the batch folder (its new file) and the folder holding it (another thread may just have made
        // the batch folder), and the three folders it created: in mail-vendor, out and home
        assertThat(first.folders() - before.folders()).isEqualTo(5);

        AtomicFiles.write(folder, "F-2-PRINT.pdf", BYTES);

        AtomicFiles.Forced second = AtomicFiles.forcedByThisThread();
        assertThat(second.files() - first.files()).isEqualTo(1);
        assertThat(second.folders() - first.folders()).isEqualTo(2);
        assertThat(Files.readAllBytes(folder.resolve("F-2-PRINT.pdf"))).isEqualTo(BYTES);
    }

    /**
     * A folder that cannot be forced once the chunk's writes are done is its own exception: the
     * hand-off catches it to keep the deliveries the couriers took as SENT and fail only the files.
     * Here the folder is gone when its turn comes (as a disk error would leave it unforced).
     */
    @Test
    void aFolderThatCannotBeForcedAtTheEndIsSaidAsSuch() {
        Path folder = home.resolve("out/email/2026-11-01");

        assertThatThrownBy(() -> AtomicFiles.withFoldersForcedOnce(() -> {
            Path written = AtomicFiles.write(folder, "F-1.eml", BYTES);
            try {
                Files.delete(written);
                Files.delete(folder);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        })).isInstanceOf(AtomicFiles.FolderNotForcedException.class)
                .hasMessageContaining("cannot force " + folder + " to disk");
    }

    /** A chunk's files: each forced as written, their folder once when the chunk's writes are done. */
    @Test
    void aChunksFilesAreForcedEachAndTheirFolderOnceAtTheEnd() throws IOException {
        Path folder = home.resolve("out/invoices/2026-11-01");
        AtomicFiles.write(folder, "F-0.pdf", BYTES); // the folder exists
        AtomicFiles.Forced before = AtomicFiles.forcedByThisThread();

        AtomicFiles.Forced inside = AtomicFiles.withFoldersForcedOnce(() -> {
            for (int i = 1; i <= 3; i++) {
                AtomicFiles.write(folder, "F-" + i + ".pdf", BYTES);
            }
            return AtomicFiles.forcedByThisThread();
        });

        AtomicFiles.Forced after = AtomicFiles.forcedByThisThread();
        assertThat(inside.files() - before.files()).isEqualTo(3);
        assertThat(inside.folders() - before.folders()).as("not yet, while the chunk writes").isZero();
        assertThat(after.files() - before.files()).isEqualTo(3);
        // the folder and the one holding it, once each when the writes are done
        assertThat(after.folders() - before.folders()).as("once, when the writes are done").isEqualTo(2);
        // outside, each write forces them again
        AtomicFiles.write(folder, "F-4.pdf", BYTES);
        assertThat(AtomicFiles.forcedByThisThread().folders() - after.folders()).isEqualTo(2);
    }

    @Test
    void refusesANameThatLeavesTheFolder() {
        Path folder = home.resolve("out/email/2026-11-01");

        for (String name : new String[]{"../../escaped.eml", home.resolve("absolute.eml").toString()}) {
            assertThatThrownBy(() -> AtomicFiles.write(folder, name, BYTES))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"" + name + "\"")
                    .hasMessageContaining(folder.toAbsolutePath().normalize().toString());
        }
        assertThat(home.resolve("out/escaped.eml")).doesNotExist();
        assertThat(home.resolve("absolute.eml")).doesNotExist();
    }

    @Test
    void deletesTheTemporaryFilesOfAKilledProcessAndNothingElse() throws IOException {
        // given: a leftover of another process, and files that are not ours
        Path folder = home.resolve("out/email/2026-11-01");
        Files.createDirectories(folder);
        Path leftover = Files.writeString(folder.resolve(".F-1-EMAIL.eml.0123456789abcdef-3.tmp"), "half");
        Path notes = Files.writeString(folder.resolve("notes.tmp"), "the operator's");
        Path hidden = Files.writeString(folder.resolve(".F-1-EMAIL.eml.tmp"), "not our pattern");
        Path eml = Files.writeString(folder.resolve("F-1-EMAIL.eml"), "done");

        // when: a step starts while another thread of this process is half-way through writing a file
        int[] deleted = new int[1];
        AtomicFiles.write(folder, "F-2-EMAIL.eml", out -> {
            out.write(BYTES);
            deleted[0] = AtomicFiles.deleteLeftoverTemps(folder);
        });

        // then: only the leftover went; the file being written was finished
        assertThat(deleted[0]).isEqualTo(1);
        assertThat(leftover).doesNotExist();
        assertThat(notes).exists();
        assertThat(hidden).exists();
        assertThat(eml).exists();
        assertThat(Files.readAllBytes(folder.resolve("F-2-EMAIL.eml"))).isEqualTo(BYTES);
        assertThat(AtomicFiles.deleteLeftoverTemps(home.resolve("no-such-folder"))).isZero();
    }
}
