package ca.isp.billing.readers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a file's content: an input file is ingested once per content, whatever its name. */
public final class FileFingerprint {

    private static final int BUFFER_SIZE = 64 * 1024;

    private FileFingerprint() {
    }

    /** Lower-case hex SHA-256, read in a stream so file size does not matter. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return copy(in, OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Copies {@code in} to {@code out} and returns the SHA-256 of exactly the bytes copied: a copy
     * and its fingerprint can never disagree, whatever happens to the source afterwards.
     */
    public static String copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[BUFFER_SIZE];
        int read;
        while ((read = in.read(buffer)) != -1) {
            digest.update(buffer, 0, read);
            out.write(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
