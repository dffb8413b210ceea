package ca.isp.billing.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One case's folder: {@code home/} (its BILLING_HOME: inbox, database, out, ...), {@code cwd/}
 * (the process's working folder) and {@code tmp/} (its java.io.tmpdir), side by side, so that
 * a file written anywhere but the home shows up in one of the other two; {@code runs/} keeps
 * the output of every command. Under jobs/target/reliability-work/, deleted when the case
 * passes, kept as evidence when it fails.
 */
final class CaseFolder {

    static final Path WORK = BillingCommand.ROOT.resolve("jobs/target/reliability-work");

    private final Path root;
    private final AtomicInteger runs = new AtomicInteger();
    private final long created = System.currentTimeMillis();

    private CaseFolder(Path root) {
        this.root = root;
    }

    static CaseFolder create(String name) throws IOException {
        Files.createDirectories(WORK);
        Path root = WORK.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_"));
        delete(root);
        CaseFolder folder = new CaseFolder(root);
        for (Path dir : List.of(folder.home(), folder.workingDir(), folder.tmpDir(), root.resolve("runs"))) {
            Files.createDirectories(dir);
        }
        ownerOnly(folder.home());
        return folder;
    }

    Path root() {
        return root;
    }

    Path home() {
        return root.resolve("home");
    }

    Path workingDir() {
        return root.resolve("cwd");
    }

    Path tmpDir() {
        return root.resolve("tmp");
    }

    Path nextOutputFile(String label) {
        return root.resolve("runs").resolve(String.format("%02d-%s.out", runs.incrementAndGet(), label));
    }

    /** Copies a prepared home (its database file, its inbox) into this case's home. */
    void copyHomeFrom(Path template) throws IOException {
        try (Stream<Path> paths = Files.walk(template)) {
            for (Path source : paths.toList()) {
                Path target = home().resolve(template.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source));
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * What the runs left outside the home: anything in the process's working and temporary
     * folders, and any file of the repository's var/ (run.sh's default home) or templates/
     * changed since the case began.
     */
    List<String> filesOutsideHome() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path dir : List.of(workingDir(), tmpDir())) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.filter(p -> !p.equals(dir)).forEach(p -> found.add(root.relativize(p).toString()));
            }
        }
        for (Path dir : List.of(BillingCommand.ROOT.resolve("var"), BillingCommand.ROOT.resolve("templates"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.filter(Files::isRegularFile).toList()) {
                    if (Files.getLastModifiedTime(p).toMillis() >= created) {
                        found.add(BillingCommand.ROOT.relativize(p).toString());
                    }
                }
            }
        }
        return found;
    }

    void delete() {
        delete(root);
    }

    /** rwx------ on a folder the test made (what run.sh's umask 077 gives an operator's home). */
    static void ownerOnly(Path path) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "rwx------" : "rw-------"));
    }

    static void delete(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
