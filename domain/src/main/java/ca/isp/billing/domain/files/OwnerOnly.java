package ca.isp.billing.domain.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders with personal data are created readable by their owner only (rw-------,
 * rwx------), whatever the umask of the process that writes them: run.sh sets umask 077, but a
 * test or a scheduler may not. On a file system without POSIX permissions they are created plainly.
 */
public final class OwnerOnly {

    private static final FileAttribute<?> FILE = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<?> FOLDER = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------"));

    private OwnerOnly() {
    }

    /** Creates the folder and its missing parents rwx------; folders that exist are left as they are. */
    public static Path createDirectories(Path folder) throws IOException {
        return posix(folder) ? Files.createDirectories(folder, FOLDER) : Files.createDirectories(folder);
    }

    /** A new file, rw-------, open for writing; fails if the name is taken (even by a link). */
    public static OutputStream createFile(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attributes = posix(file) ? new FileAttribute<?>[]{FILE} : new FileAttribute<?>[0];
        return Channels.newOutputStream(Files.newByteChannel(file, options, attributes));
    }

    /** The same, as a channel: for a file that must be forced to disk ({@code FileChannel.force}) before it is used. */
    public static FileChannel createChannel(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attributes = posix(file) ? new FileAttribute<?>[]{FILE} : new FileAttribute<?>[0];
        return FileChannel.open(file, options, attributes);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
