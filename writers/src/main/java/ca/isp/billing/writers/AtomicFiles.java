package ca.isp.billing.writers;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ca.isp.billing.domain.files.FolderGuard;
import ca.isp.billing.domain.files.OwnerOnly;

/**
 * Writes a file so that readers see either the old content or the whole new one, never half:
 * write a temporary file in the same folder, then move it over the target. A rerun overwrites.
 * The name is checked to stay inside the folder, and the file is created owner-only (rw-------).
 *
 * <p>Durable when {@code write} returns: the temporary file is forced to disk
 * ({@code FileChannel.force(true)}) before the move, and the folder is forced after it (inside
 * {@link #withFoldersForcedOnce}, once when all the writes are done), so the name and the whole
 * content survive a power cut. Every caller writes before the commit that
 * records the file (a delivery SENT, a PDF rendered): a commit never names a file the disk may
 * still lose.
 */
public final class AtomicFiles {

    /** The content of a file, written to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(AtomicFiles.class);

    /**
     * Temporary files are {@code .<name>.<process>-<n>.tmp}, {@code <process>} drawn at random
     * once per process: a leftover of a killed process is told apart from a file that another
     * thread of this one is writing right now.
     */
    private static final String PROCESS = String.format("%016x", new SecureRandom().nextLong());
    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.([0-9a-f]{16})-[0-9]+\\.tmp");
    private static final AtomicLong TEMP_COUNT = new AtomicLong();
    /** Files and folders forced to disk by this thread: tests check that a step forced its files before its commit. */
    private static final ThreadLocal<long[]> FORCED = ThreadLocal.withInitial(() -> new long[2]);
    /** Inside {@link #withFoldersForcedOnce}: the folders to force when the writes are done. */
    private static final ThreadLocal<Set<Path>> DEFERRED_FOLDERS = new ThreadLocal<>();
    /** File systems already said (once each) not to force folders. */
    private static final Set<String> FOLDERS_NOT_FORCEABLE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** PDFs are tens of kilobytes: written in a few calls, not in 8 KB pieces. */
    private static final int BUFFER = 64 * 1024;

    /**
     * Zero while this is the only process writing its folders. With remote workers several
     * processes write the same shared folders at once: another process's temporary file is then
     * a leftover only once it is older than this (a live process writes one in well under it).
     */
    private static volatile Duration othersWriteFor = Duration.ZERO;

    private AtomicFiles() {
    }

    /**
     * Remote workers (several processes, one shared BILLING_HOME): leave other processes' temporary
     * files younger than {@code liveFor} alone, they may be being written right now.
     */
    public static void sharedWithOtherProcesses(Duration liveFor) {
        othersWriteFor = liveFor;
    }

    public static Path write(Path folder, String name, byte[] bytes) {
        return write(folder, name, out -> out.write(bytes));
    }

    /** Writes {@code name} in {@code folder} (created owner-only if missing) and returns its path. */
    public static Path write(Path folder, String name, Content content) {
        Path target = FolderGuard.resolve(folder, name);
        Path temp = null;
        try {
            createFolders(target.getParent());
            temp = target.resolveSibling("." + target.getFileName() + "." + PROCESS + "-" + TEMP_COUNT.incrementAndGet()
                    + ".tmp");
            try (FileChannel channel = OwnerOnly.createChannel(temp)) {
                // the content may close its stream (a CSV printer does): the channel stays open to be forced
                OutputStream out = new BufferedOutputStream(new KeptOpen(Channels.newOutputStream(channel)), BUFFER);
                content.writeTo(out);
                out.flush();
                channel.force(true);
                FORCED.get()[0]++;
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            // the folder, and the folder that holds it: another thread may have just created this
            // folder and not yet forced its name in its parent
            Set<Path> deferred = DEFERRED_FOLDERS.get();
            if (deferred != null) {
                deferred.add(target.getParent()); // forced once when the chunk's files are all written
                if (target.getParent().getParent() != null) {
                    deferred.add(target.getParent().getParent());
                }
            } else {
                forceFolder(target.getParent());
                if (target.getParent().getParent() != null) {
                    forceFolder(target.getParent().getParent());
                }
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

    /** Files that must be on disk before something happens: what {@link #withFoldersForcedOnce} runs. */
    @FunctionalInterface
    public interface Writes<T> {
        T run();
    }

    /**
     * Runs {@code writes} (on this thread), each file forced to disk as it is written but each
     * folder they were moved into forced once, at the end, instead of once per file: a chunk of
     * letters in one folder costs one folder fsync. When this returns normally, every file written
     * is on disk, names included, as after {@link #write}: call it before the commit that names
     * them. When {@code writes} throws, the folders are not forced (nothing may name the files).
     */
    public static <T> T withFoldersForcedOnce(Writes<T> writes) {
        if (DEFERRED_FOLDERS.get() != null) {
            return writes.run(); // already inside: the outer call forces them
        }
        Set<Path> folders = new LinkedHashSet<>();
        DEFERRED_FOLDERS.set(folders);
        T result;
        try {
            result = writes.run();
        } finally {
            DEFERRED_FOLDERS.remove();
        }
        for (Path folder : folders) {
            try {
                forceFolder(folder);
            } catch (IOException e) {
                throw new FolderNotForcedException(new IOException("cannot force " + folder + " to disk: "
                        + e.getMessage(), e));
            }
        }
        return result;
    }

    /**
     * Creates the folder and its missing parents (owner-only); those it created are forced to disk in
     * the folder that holds each, so a new folder is not lost with the files in it.
     */
    private static void createFolders(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        List<Path> missing = new ArrayList<>();
        for (Path f = folder; f != null && !Files.isDirectory(f); f = f.getParent()) {
            missing.add(f);
        }
        OwnerOnly.createDirectories(folder);
        for (Path created : missing) {
            if (created.getParent() != null) {
                forceFolder(created.getParent());
            }
        }
    }

    /**
     * Forces a folder's entries (a file moved in, a name created) to disk. Linux and the BSDs take
     * an fsync of a folder opened for reading; where a folder cannot be opened so (Windows) its
     * entries are the file system's business and nothing is done.
     */
    public static void forceFolder(Path folder) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            if (Files.isDirectory(folder)) {
                // no way to open a folder here (Windows)
                if (FOLDERS_NOT_FORCEABLE.add(folder.getFileSystem().toString() + folder.getRoot())) {
                    log.warn("Folders cannot be opened to be forced to disk here ({}: {})", folder, e.getMessage());
                }
                return;
            }
            throw e;
        }
        try (channel) {
            channel.force(true);
            FORCED.get()[1]++;
        } catch (IOException e) {
            // some file systems (FUSE, CIFS, bind mounts) refuse an fsync on a folder as PostgreSQL and
            // Lucene found: EINVAL, EBADF, EACCES; their entries are then the file system's business
            String message = String.valueOf(e.getMessage());
            if (message.contains("Invalid argument") || message.contains("Bad file descriptor")
                    || message.contains("Permission denied") || message.contains("not supported")) {
                if (FOLDERS_NOT_FORCEABLE.add(folder.getFileSystem().toString() + folder.getRoot())) {
                    log.warn("This file system does not force folders to disk ({}: {}): a file's name written under"
                            + " it relies on the file system alone", folder, message);
                }
                return;
            }
            throw e;
        }
    }

    /**
     * The files were written and each forced, but a folder they were moved into could not be forced
     * to disk: their names may not survive a power cut, so nothing may call them delivered.
     */
    public static final class FolderNotForcedException extends UncheckedIOException {
        FolderNotForcedException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A stream whose close only flushes: the file's channel is closed once forced. */
    private static final class KeptOpen extends FilterOutputStream {

        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** How many files and folders the current thread has forced to disk so far. */
    public record Forced(long files, long folders) {
    }

    /** What the current thread forced so far: a test compares it before a step writes and when it commits. */
    public static Forced forcedByThisThread() {
        long[] forced = FORCED.get();
        return new Forced(forced[0], forced[1]);
    }

    /**
     * Deletes the temporary files that a killed process left in {@code folder}; called when a
     * step that writes there starts. Only names of our pattern from another process are
     * deleted: this process's own (other threads writing) and every other file are left alone.
     */
    public static int deleteLeftoverTemps(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher name = TEMP_NAME.matcher(file.getFileName().toString());
                if (name.matches() && !name.group(1).equals(PROCESS)
                        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && olderThanLiveWrites(file)
                        && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up temporary files in " + folder, e);
        }
        if (deleted > 0) {
            log.warn("Deleted {} temporary files left in {} by a run that was killed", deleted, folder);
        }
        return deleted;
    }

    private static boolean olderThanLiveWrites(Path file) throws IOException {
        Duration live = othersWriteFor;
        return live.isZero() || Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant()
                .isBefore(Instant.now().minus(live));
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
