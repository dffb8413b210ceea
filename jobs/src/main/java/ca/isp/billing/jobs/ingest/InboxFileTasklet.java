package ca.isp.billing.jobs.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ca.isp.billing.domain.files.FolderGuard;
import ca.isp.billing.domain.files.OwnerOnly;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.support.FaultInjection;
import ca.isp.billing.readers.BadFileException;
import ca.isp.billing.readers.CsvRowReader;
import ca.isp.billing.readers.Parsed;
import ca.isp.billing.readers.RowFormat;
import ca.isp.billing.readers.FileFingerprint;
import ca.isp.billing.readers.ReadAhead;
import ca.isp.billing.readers.Reject;
import ca.isp.billing.readers.RejectFileWriter;
import ca.isp.billing.readers.RowBatches;

/**
 * Takes the files of one inbox folder ({@code var/inbox/<kind>/*.csv}), one file per
 * transaction. A file is recorded by its SHA-256 together with its records, so it is either
 * wholly ingested or not at all, and the same content is never ingested twice whatever its
 * name. Bad lines go to {@code var/rejects/<file>.rejects.csv}; once committed the file goes
 * to {@code var/archive/<kind>/}. A file that cannot be read at all (missing column) goes to
 * {@code var/rejects/} with a one-line reject file saying why. When another content already
 * used the file's name, its copies carry the first 8 hex digits of its SHA-256
 * ({@code usage.1a2b3c4d.csv}, {@code usage.csv.1a2b3c4d.rejects.csv}) so nothing is overwritten.
 * A file whose size or modification time changed while it was read (still being written) is
 * rolled back and left in the inbox for the next run.
 *
 * <p>A file is read from a private copy ({@code var/work/<kind>/<file>}, made while hashing it),
 * and that copy is what is archived, so the archive holds exactly the bytes read and recorded.
 * After the commit (made durable first, see {@link DurableCommit}) the inbox file is deleted
 * only if it is still the file that was copied; one that grew meanwhile stays for the next run,
 * where the records already stored count as duplicates. Only regular files are read: a
 * symbolic link (which could lead outside the home) or a folder named {@code *.csv} is refused
 * with a reject line and left where it is.
 */
public abstract class InboxFileTasklet<T> implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(InboxFileTasklet.class);

    /** What one file gave: lines read = stored + duplicates + rejected. */
    public record FileCounts(long linesRead, long stored, long duplicates, long rejected) {
    }

    /** What one batch of good rows gave; rows the batch refuses are written to the reject file. */
    public record BatchCounts(long stored, long duplicates) {
    }

    /**
     * Opens a file as rows: a {@link CsvRowReader} for a file with a header, a
     * {@link ca.isp.billing.readers.LineCsvReader} for a switch's headerless call file. Both
     * are closed after the file is read.
     */
    @FunctionalInterface
    public interface Opener<T> {

        Iterator<Parsed<T>> open(Path file) throws IOException;
    }

    private final String kind;
    private final Opener<T> opener;
    private final Path inbox;
    private final PathMatcher pattern;
    private final int batchSize;
    protected final JdbcTemplate jdbc;
    protected final BillingProperties properties;

    private final TransactionTemplate perFile;
    private final DurableCommit durableCommit;
    private final FaultInjection faults;
    /** Files found changing while read, or refused, in this step execution: not tried again now. */
    private final Set<Path> skipped = new HashSet<>();
    /** False until the step execution's first call, which empties the work folder. */
    private boolean started;

    /** The inbox {@code var/inbox/<kind>/*.csv}, read with a CSV format that has a header. */
    protected InboxFileTasklet(String kind, RowFormat<T> format, int batchSize, JdbcTemplate jdbc,
                               PlatformTransactionManager transactionManager, BillingProperties properties,
                               FaultInjection faults) {
        this(kind, properties.inbox(kind), "*.csv", file -> CsvRowReader.open(file, format), batchSize, jdbc,
                transactionManager, properties, faults);
    }

    /**
     * Any inbox folder: the files whose name matches the glob pattern ({@code *.csv},
     * {@code Master-*.csv}), opened by the opener. The kind names the archive, work and
     * fingerprint space: the same content is ingested once per kind.
     */
    protected InboxFileTasklet(String kind, Path inbox, String pattern, Opener<T> opener, int batchSize,
                               JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                               BillingProperties properties, FaultInjection faults) {
        this.kind = kind;
        this.faults = faults;
        this.opener = opener;
        this.inbox = inbox;
        this.pattern = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        this.batchSize = batchSize;
        this.jdbc = jdbc;
        this.properties = properties;
        this.perFile = new TransactionTemplate(transactionManager);
        this.perFile.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.durableCommit = new DurableCommit(jdbc);
    }

    /**
     * Stores a batch of good rows of a file (file_id is its ingested_file row) in a few queries;
     * a row the batch refuses (unknown account...) goes to {@code rejects} with its line.
     */
    protected abstract BatchCounts store(List<Parsed.Ok<T>> rows, String fileName, long fileId, RejectFileWriter rejects);

    /**
     * Called once a file has been read and stored, just before it is checked for changes; does
     * nothing here. A test overrides it to write to the file as a slow sender would.
     */
    protected void afterReading(Path file) {
    }

    /**
     * Size and modification time of a file (and which file it is): if either moves while it is
     * read, someone is still writing it.
     */
    record FileState(long size, FileTime modified, Object fileKey) {

        static FileState of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                return new FileState(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot look at " + file, e);
            }
        }
    }

    /** Thrown inside the file's savepoint so everything read from a changing file is rolled back. */
    private static final class FileChangedException extends RuntimeException {

        FileChangedException(Path file) {
            super(file + " changed while it was read");
        }
    }

    /** Reads the file in batches of good rows; bad lines go straight to the reject file. */
    private FileCounts ingest(Path file, long fileId, RejectFileWriter rejects) throws IOException {
        String fileName = file.getFileName().toString();
        List<BatchCounts> batches = new ArrayList<>();
        long lines;
        // parsed on a thread of its own while the batch before is stored (ReadAhead closes the reader)
        try (ReadAhead<Parsed<T>> reader = ReadAhead.start(opener.open(file), fileName)) {
            lines = RowBatches.read(reader, batchSize, rejects, rows -> batches.add(store(rows, fileName, fileId, rejects)));
        }
        long stored = batches.stream().mapToLong(BatchCounts::stored).sum();
        long duplicates = batches.stream().mapToLong(BatchCounts::duplicates).sum();
        return new FileCounts(lines, stored, duplicates, rejects.count());
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        if (!started) {
            // A copy left by a killed run is of no use: the file it came from is still in the inbox.
            emptyWorkFolder();
            started = true;
        }
        Path file = nextFile();
        if (file == null) {
            // The step is done: files skipped as changing are tried again by the next execution.
            skipped.clear();
            started = false;
            return RepeatStatus.FINISHED;
        }
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            refuse(file);
            return RepeatStatus.CONTINUABLE;
        }
        // Noted before the copy, so a file still being written is seen changing.
        FileState before = FileState.of(file);
        Path copy = FolderGuard.resolve(workFolder(), name);
        String sha = copyAndHash(file, copy);
        // Decided from committed state only, so a rerun after a crash picks the same names again.
        FileNames names = FileNames.of(name, sha, nameTakenByOtherContent(name, sha));
        List<String> earlier = jdbc.queryForList(
                "SELECT file_name FROM ingested_file WHERE kind = ? AND sha256 = ?", String.class, kind, sha);
        if (!earlier.isEmpty()) {
            log.warn("{} has the same content as {} ingested before: not ingested again, archived", name, earlier.get(0));
            archiveAfterCommit(copy, FolderGuard.resolve(properties.archive(kind), names.copy()), file, before);
            return RepeatStatus.CONTINUABLE;
        }
        FileCounts counts;
        Path rejectFile;
        try (RejectFileWriter rejects = RejectFileWriter.create(properties.rejects(), names.rejects())) {
            rejectFile = rejects.path();
            try {
                // A savepoint: a file found unreadable or changing half-way leaves nothing of itself behind.
                counts = perFile.execute(status -> ingestFile(copy, sha, file, before, rejects));
            } catch (FileChangedException e) {
                counts = null;
            } catch (BadFileException e) {
                rejects.write(new Reject(name, 1, null, e.reason(), ""));
                log.error("Rejected the whole file {}: {}", name, e.reason());
                // Not recorded as ingested, so a corrected version (new content) can come; the bad one is kept aside.
                archiveAfterCommit(copy, FolderGuard.resolve(properties.rejects(), names.copy()), file, before);
                return RepeatStatus.CONTINUABLE;
            }
        }
        if (counts == null) {
            // Its rejects were rolled back with its records; the whole file is read again next run.
            Files.deleteIfExists(rejectFile);
            Files.deleteIfExists(copy);
            skipped.add(file);
            log.warn("{} changed while it was read: left in the inbox for the next run", name);
            return RepeatStatus.CONTINUABLE;
        }
        for (long i = 0; i < counts.linesRead(); i++) {
            contribution.incrementReadCount();
        }
        contribution.incrementWriteCount(counts.stored());
        contribution.incrementFilterCount(counts.duplicates());
        contribution.incrementReadSkipCount(counts.rejected());
        log.info("{} {}: {} lines, {} stored, {} duplicates, {} rejected{}", kind, name, counts.linesRead(),
                counts.stored(), counts.duplicates(), counts.rejected(),
                counts.rejected() > 0 ? " (" + rejectFile + ")" : "");
        archiveAfterCommit(copy, FolderGuard.resolve(properties.archive(kind), names.copy()), file, before);
        return RepeatStatus.CONTINUABLE;
    }

    /**
     * A link or anything else that is not a regular file is never read (a link could lead outside
     * the home, a pipe would block): one reject line says why, and it is left where it is for the
     * operator to replace with the file itself.
     */
    private void refuse(Path entry) throws IOException {
        String name = entry.getFileName().toString();
        String what = Files.isSymbolicLink(entry) ? "a symbolic link" : "not a regular file";
        String reason = "is " + what + ": not read, left in the inbox (put the file itself there)";
        try (RejectFileWriter rejects = RejectFileWriter.create(properties.rejects(), name + ".rejects.csv")) {
            rejects.write(new Reject(name, 1, null, reason, ""));
        }
        log.error("Refused {} in {}: {}", name, entry.getParent(), reason);
        skipped.add(entry);
    }

    /** Private copies of the files being read: {@code var/work/<kind>/}. */
    private Path workFolder() {
        return properties.home().resolve("work").resolve(kind);
    }

    private void emptyWorkFolder() throws IOException {
        Path work = workFolder();
        if (!Files.isDirectory(work, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> copies = Files.list(work)) {
            for (Path copy : copies.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.deleteIfExists(copy);
            }
        }
    }

    /**
     * Copies the inbox file (never through a link) to an owner-only private copy and returns the
     * SHA-256 of exactly the bytes copied: the records, the fingerprint and the archive all come
     * from that copy.
     */
    private static String copyAndHash(Path file, Path copy) throws IOException {
        OwnerOnly.createDirectories(copy.getParent());
        Files.deleteIfExists(copy);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
             OutputStream out = new BufferedOutputStream(OwnerOnly.createFile(copy))) {
            return FileFingerprint.copy(in, out);
        }
    }

    /**
     * Where a file's copy (archived or set aside) and its reject file go. The plain names
     * unless another content has used the file's name: then both carry the first 8 hex digits
     * of the SHA-256, {@code usage.1a2b3c4d.csv} and {@code usage.csv.1a2b3c4d.rejects.csv}.
     */
    record FileNames(String copy, String rejects) {

        static FileNames of(String name, String sha, boolean nameTaken) {
            if (!nameTaken) {
                return new FileNames(name, name + ".rejects.csv");
            }
            String sha8 = sha.substring(0, 8);
            int dot = name.lastIndexOf('.');
            String copy = dot > 0 ? name.substring(0, dot) + "." + sha8 + name.substring(dot) : name + "." + sha8;
            return new FileNames(copy, name + "." + sha8 + ".rejects.csv");
        }
    }

    /**
     * True when a different content has used this name: recorded as ingested (any kind, as the
     * reject folder is shared), archived under it, or set aside under it as a whole-file reject.
     * Only committed state counts, never a reject file a crashed attempt may have left.
     */
    private boolean nameTakenByOtherContent(String name, String sha) {
        Integer others = jdbc.queryForObject(
                "SELECT COUNT(*) FROM ingested_file WHERE file_name = ? AND NOT (kind = ? AND sha256 = ?)",
                Integer.class, name, kind, sha);
        return (others != null && others > 0)
                || holdsOtherContent(properties.archive(kind).resolve(name), sha)
                || holdsOtherContent(properties.rejects().resolve(name), sha);
    }

    private static boolean holdsOtherContent(Path copy, String sha) {
        return Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS) && !FileFingerprint.sha256(copy).equals(sha);
    }

    /** Reads the private copy; the inbox file is only looked at, to see whether it is still being written. */
    private FileCounts ingestFile(Path copy, String sha, Path file, FileState before, RejectFileWriter rejects) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    INSERT INTO ingested_file (kind, file_name, sha256, lines_read, records_stored, duplicates,
                        rejected, ingested_at) VALUES (?, ?, ?, 0, 0, 0, 0, ?)""", new String[]{"id"});
            ps.setString(1, kind);
            ps.setString(2, file.getFileName().toString());
            ps.setString(3, sha);
            ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now()));
            return ps;
        }, key);
        long fileId = key.getKey().longValue();
        FileCounts counts;
        try {
            counts = ingest(copy, fileId, rejects);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + copy, e);
        }
        afterReading(file);
        if (!FileState.of(file).equals(before)) {
            throw new FileChangedException(file);
        }
        jdbc.update("UPDATE ingested_file SET lines_read = ?, records_stored = ?, duplicates = ?, rejected = ? WHERE id = ?",
                counts.linesRead(), counts.stored(), counts.duplicates(), counts.rejected(), fileId);
        return counts;
    }

    /** The first entry of the inbox by name that matches the pattern, whatever it is (see {@link #refuse}). */
    private Path nextFile() throws IOException {
        if (!Files.isDirectory(inbox)) {
            return null;
        }
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(p -> pattern.matches(p.getFileName()))
                    .filter(p -> !skipped.contains(p))
                    .sorted().findFirst().orElse(null);
        }
    }

    /**
     * Once what was read is committed and on disk, the private copy becomes the archived (or
     * set aside) file, then the inbox file is deleted if it is still the one that was copied. The
     * target holds either nothing or the same bytes (see {@link FileNames}), so replacing it loses
     * nothing. A crash before the delete leaves the inbox file, whose content is then known.
     */
    private void archiveAfterCommit(Path copy, Path target, Path file, FileState read) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    durableCommit.ensure();
                    // kill drills: between the commit and the file's move, and after the move
                    faults.point(kind + "-committed");
                    OwnerOnly.createDirectories(target.getParent());
                    Files.move(copy, target, StandardCopyOption.REPLACE_EXISTING);
                    faults.point(kind + "-archived");
                    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && FileState.of(file).equals(read)) {
                        Files.delete(file);
                    } else {
                        skipped.add(file);
                        log.warn("{} changed after it was read: archived as read, left in the inbox for the next run "
                                + "(where its records already stored count as duplicates)", file.getFileName());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot archive " + copy + " as " + target, e);
                }
            }
        });
    }
}
