package ca.isp.billing.readers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FileFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void knownDigests() throws IOException {
        Path abc = Files.writeString(dir.resolve("abc.csv"), "abc", StandardCharsets.UTF_8);
        Path empty = Files.createFile(dir.resolve("empty.csv"));

        assertThat(FileFingerprint.sha256(abc))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(FileFingerprint.sha256(empty))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void fileLargerThanTheReadBuffer() throws IOException {
        // one million 'a': the FIPS 180-2 test vector, read over many buffer fills
        Path file = Files.writeString(dir.resolve("big.csv"), "a".repeat(1_000_000), StandardCharsets.US_ASCII);

        assertThat(FileFingerprint.sha256(file))
                .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    @Test
    void sameContentSameFingerprintWhateverTheName() throws IOException {
        Path first = Files.writeString(dir.resolve("usage-1.csv"), "record_id\nr1\n");
        Path renamed = Files.writeString(dir.resolve("usage-copy.csv"), "record_id\nr1\n");
        Path changed = Files.writeString(dir.resolve("usage-2.csv"), "record_id\nr2\n");

        assertThat(FileFingerprint.sha256(renamed)).isEqualTo(FileFingerprint.sha256(first));
        assertThat(FileFingerprint.sha256(changed)).isNotEqualTo(FileFingerprint.sha256(first));
    }
}
