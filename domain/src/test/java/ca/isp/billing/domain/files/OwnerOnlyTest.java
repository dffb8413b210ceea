package ca.isp.billing.domain.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and folders with personal data are the owner's only, whatever the umask of the process. */
class OwnerOnlyTest {

    @TempDir
    Path home;

    @BeforeEach
    void posixOnly() {
        assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
    }

    @Test
    void createsFoldersRwxForTheOwnerOnly() throws IOException {
        Path folder = OwnerOnly.createDirectories(home.resolve("out/invoices/2026-11-01"));

        assertThat(permissions(folder)).isEqualTo("rwx------");
        assertThat(permissions(home.resolve("out/invoices"))).isEqualTo("rwx------");
        assertThat(permissions(home.resolve("out"))).isEqualTo("rwx------");
    }

    @Test
    void createsFilesRwForTheOwnerOnlyAndNeverOverAnExistingOne() throws IOException {
        Path file = home.resolve("F-2026-000001.pdf");

        try (OutputStream out = OwnerOnly.createFile(file)) {
            out.write("%PDF".getBytes(StandardCharsets.US_ASCII));
        }

        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(file).hasContent("%PDF");
        assertThatThrownBy(() -> OwnerOnly.createFile(file)).isInstanceOf(FileAlreadyExistsException.class);
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
