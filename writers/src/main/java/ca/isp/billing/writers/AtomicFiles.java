package ca.isp.billing.writers;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import ca.isp.billing.domain.files.FolderGuard;
import ca.isp.billing.domain.files.OwnerOnly;

/**
 * Writes a file so that readers see either the old content or the whole new one, never half:
 * write a temporary file in the same folder, then move it over the target. A rerun overwrites.
 * The name is checked to stay inside the folder, and the file is created owner-only (rw-------).
 */
public final class AtomicFiles {

    /** The content of a file, written to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws Exception;
    }

    /** Marks this process's temporary files: {@code .<name>.<process>-<n>.tmp}. */
    private static final String PROCESS = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    private static final AtomicLong TEMP_COUNT = new AtomicLong();

    private AtomicFiles() {
    }

    public static Path write(Path folder, String name, byte[] bytes) {
        return write(folder, name, out -> out.write(bytes));
    }

    /** Writes {@code name} in {@code folder} (created owner-only if missing) and returns its path. */
    public static Path write(Path folder, String name, Content content) {
        Path target = FolderGuard.resolve(folder, name);
        Path temp = null;
        try {
            OwnerOnly.createDirectories(target.getParent());
            temp = target.resolveSibling("." + target.getFileName() + "." + PROCESS + "-" + TEMP_COUNT.incrementAndGet()
                    + ".tmp");
            try (OutputStream out = new BufferedOutputStream(OwnerOnly.createFile(temp))) {
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
