package ca.isp.billing.writers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old content or the whole new one, never half:
 * write a temporary file in the same folder, then move it over the target. A rerun overwrites.
 */
final class AtomicFiles {

    /** The content of a file, written to the stream it is given. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws Exception;
    }

    private AtomicFiles() {
    }

    static Path write(Path target, byte[] bytes) {
        return write(target, out -> out.write(bytes));
    }

    static Path write(Path target, Content content) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (Exception e) {
            deleteQuietly(temp);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(new IOException("cannot write " + target + ": " + e.getMessage(), e));
        }
    }

    /** Refuses names that could escape the folder or need quoting in a shell. */
    static String requireFileStem(String name, String what) {
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._:@=+-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException(what + " \"" + name
                    + "\" is not usable as a file name (letters, digits and . _ : @ = + - only, not starting with .)");
        }
        return name;
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the original failure is what matters
            }
        }
    }
}
