package ca.isp.billing.jobs.ingest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.SessionSplitter;
import ca.isp.billing.domain.UsageType;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.rate.UsageRating;
import ca.isp.billing.readers.AcctStatusType;
import ca.isp.billing.readers.BadFileException;
import ca.isp.billing.readers.FilePosition;
import ca.isp.billing.readers.FreeRadiusDetailReader;
import ca.isp.billing.readers.Parsed;
import ca.isp.billing.readers.RadiusRecord;
import ca.isp.billing.readers.RadiusSession;
import ca.isp.billing.readers.ReadAhead;
import ca.isp.billing.readers.Reject;
import ca.isp.billing.readers.RejectFileWriter;

/**
 * Reads FreeRADIUS's accounting detail files where the server writes them ({@code <folder>/<nas-ip>/detail-YYYYMMDD}),
 * never moving them, one file (or 10,000 records of it) per transaction. How far each file was read is kept in
 * {@code source_file} and moved in the transaction that stores what was read, so the next run
 * takes only the records added since, and a record not complete yet (the server is writing it)
 * waits for the next run: no record is taken twice or lost.
 *
 * <p>A session's counters are cumulative (RFC 2866), and its records may come in several runs
 * (an interim this hour, the Stop the next), so a session is stored as it goes: its counters so
 * far in {@code radius_session}, and in {@code usage_record} one DATA record per reading that
 * counted more than the readings before it, holding the difference (upload, download, seconds;
 * quantity = upload + download), or one per local day when the interval since the reading before
 * crosses midnight (SessionSplitter: shared by time, so usage periods get the bytes counted in them). The records of a session thus add up to its highest counters,
 * which are its last ones: the usage of {@link ca.isp.billing.domain.SessionUsage}, and never
 * the sum of the interims. After its Stop a session takes nothing more (a Stop sent again, an
 * interim that arrives late: counted as duplicates). A counter lower than one already stored
 * (a NAS that counts backwards) adds nothing: what was stored may be billed already. An
 * Accounting-On or -Off of a NAS ends its open sessions whose last reading is before it, at
 * their last counters ({@code ended_by} NAS_RESTART, NAS_SHUTDOWN); a session read again after
 * that goes on.
 *
 * <p>Each record is stored already rated (UsageRating, the rate step's rules): RATED, or
 * UNMATCHED when no subscription has its user name or framed IP address yet, which the rate step
 * takes again on every run.
 *
 * <p>A record is dated (start_time, in the source's zone) by the start of what it counts: the
 * session's start for its first reading, the reading before for the next ones. Its file_id is
 * null: it comes from no inbox file (the position read is in {@code source_file}).
 */
public class RadiusDetailIngester implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RadiusDetailIngester.class);
    private static final int BATCH = 1000;
    /**
     * Records read in one transaction at most: the position read moves with them, so a large file
     * is read in several commits (a smaller transaction for the database to hold, and for H2 in
     * -Xmx512m) with the same exactness as one.
     */
    private static final int PER_TRANSACTION = 10_000;
    /** uk_usage_record holds record_id in 100 characters: the session's id, '/' and the reading's number. */
    private static final int MAX_UNIQUE_ID = 90;

    private final String source;
    private final Path folder;
    private final PathMatcher pattern;
    private final FreeRadiusDetailReader.Settings settings;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final RatedUsageInsert insert;
    private final BillingProperties properties;
    private final int perTransaction;
    /** Files looked at in this step execution: each once per run. */
    private final Set<Path> done = new HashSet<>();

    public RadiusDetailIngester(String source, Path folder, String pattern, FreeRadiusDetailReader.Settings settings,
                                JdbcTemplate jdbc, UsageRating rating, BillingProperties properties) {
        this(source, folder, pattern, settings, jdbc, rating, properties, PER_TRANSACTION);
    }

    /** As above, reading at most {@code perTransaction} records per transaction (a test's few). */
    RadiusDetailIngester(String source, Path folder, String pattern, FreeRadiusDetailReader.Settings settings,
                         JdbcTemplate jdbc, UsageRating rating, BillingProperties properties, int perTransaction) {
        this.perTransaction = perTransaction;
        this.source = source;
        this.folder = folder;
        this.pattern = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        this.settings = settings;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.insert = new RatedUsageInsert(jdbc, rating);
        this.properties = properties;
    }

    /** What one read of one file gave: records read = stored + duplicates + rejected. */
    record Counts(long read, long stored, long duplicates, long rejected) {

        Counts plus(Counts other) {
            return new Counts(read + other.read, stored + other.stored, duplicates + other.duplicates,
                    rejected + other.rejected);
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Path file = nextFile();
        if (file == null) {
            done.clear();
            return RepeatStatus.FINISHED;
        }
        done.add(file);
        String key = folder.relativize(file).toString().replace('\\', '/');
        FilePosition from = position(key);
        if (Files.size(file) == from.offset()) {
            return RepeatStatus.CONTINUABLE; // nothing new since the last run
        }
        String rejectName = (source + "." + key + ".from-line-" + from.line() + ".rejects.csv").replace('/', '.');
        Counts counts = new Counts(0, 0, 0, 0);
        FilePosition to;
        boolean more;
        try (RejectFileWriter rejects = RejectFileWriter.create(properties.rejects(), rejectName)) {
            // parsed on a thread of its own while the batch before is stored; it reads at most perTransaction
            // records and asks for no more, so the reader's position stays after the last record taken
            try (FreeRadiusDetailReader reader = FreeRadiusDetailReader.open(file, from, settings);
                 ReadAhead<Parsed<RadiusRecord>> records = ReadAhead.start(reader, perTransaction, source + " " + key)) {
                List<Parsed.Ok<RadiusRecord>> batch = new ArrayList<>(BATCH);
                long bad = 0;
                long taken = 0;
                while (records.hasNext()) {
                    taken++;
                    Parsed<RadiusRecord> parsed = records.next();
                    if (parsed instanceof Parsed.Ok<RadiusRecord> ok) {
                        batch.add(ok);
                    } else if (parsed instanceof Parsed.Bad<RadiusRecord> refused) {
                        rejects.write(refused.reject());
                        bad++;
                    }
                    if (batch.size() == BATCH) {
                        counts = counts.plus(store(batch, rejects));
                        batch.clear();
                    }
                }
                counts = counts.plus(store(batch, rejects)).plus(new Counts(bad, 0, 0, bad));
                more = taken >= perTransaction;
                to = reader.position(); // the reading thread is done with it: hasNext() said so
            } catch (BadFileException e) {
                rejects.write(new Reject(file.getFileName().toString(), from.line(), null, e.reason(), ""));
                log.error("{} {}: not read: {} (the position read so far is kept)", source, key, e.reason());
                return RepeatStatus.CONTINUABLE;
            }
            if (rejects.count() == 0) {
                Files.deleteIfExists(rejects.path());
            }
        }
        savePosition(key, to, counts);
        if (more) {
            done.remove(file); // the rest of it in the next transaction, from the position just saved
        }
        for (long i = 0; i < counts.read(); i++) {
            contribution.incrementReadCount();
        }
        contribution.incrementWriteCount(counts.stored());
        contribution.incrementFilterCount(counts.duplicates());
        contribution.incrementReadSkipCount(counts.rejected());
        log.info("{} {} from line {}: {} records, {} stored, {} adding nothing, {} rejected{}", source, key, from.line(),
                counts.read(), counts.stored(), counts.duplicates(), counts.rejected(),
                counts.rejected() > 0 ? " (" + properties.rejects().resolve(rejectName) + ")" : "");
        return RepeatStatus.CONTINUABLE;
    }

    /** The next file of the folder or of a NAS's subfolder whose name matches, in path order; links never. */
    private Path nextFile() throws IOException {
        if (!Files.isDirectory(folder)) {
            log.warn("{}: no folder {}: nothing read", source, folder);
            return null;
        }
        try (Stream<Path> files = Files.walk(folder, 2)) {
            return files.filter(p -> pattern.matches(p.getFileName()))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !done.contains(p))
                    .sorted().findFirst().orElse(null);
        }
    }

    private FilePosition position(String key) {
        List<FilePosition> found = jdbc.query("SELECT offset_bytes, next_line FROM source_file WHERE source = ? AND file_path = ?",
                (rs, n) -> new FilePosition(rs.getLong(1), rs.getLong(2)), source, key);
        return found.isEmpty() ? FilePosition.START : found.get(0);
    }

    private void savePosition(String key, FilePosition to, Counts counts) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        int updated = jdbc.update("""
                UPDATE source_file SET offset_bytes = ?, next_line = ?, records_read = records_read + ?,
                    rejected = rejected + ?, read_at = ? WHERE source = ? AND file_path = ?""",
                to.offset(), to.line(), counts.read(), counts.rejected(), now, source, key);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO source_file (source, file_path, offset_bytes, next_line, records_read, rejected, read_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", source, key, to.offset(), to.line(), counts.read(), counts.rejected(), now);
        }
    }

    /** A session's counters as stored, changed by the records of a batch. */
    private static final class SessionState {
        Long id;
        final String uniqueId;
        final String nasIp;
        final String userName;
        int readings;
        Instant lastEvent;
        long upload;
        long download;
        long seconds;
        String endedBy;

        SessionState(Long id, String uniqueId, String nasIp, String userName, int readings, Instant lastEvent,
                     long upload, long download, long seconds, String endedBy) {
            this.id = id;
            this.uniqueId = uniqueId;
            this.nasIp = nasIp;
            this.userName = userName;
            this.readings = readings;
            this.lastEvent = lastEvent;
            this.upload = upload;
            this.download = download;
            this.seconds = seconds;
            this.endedBy = endedBy;
        }
    }

    /** Stores a batch of records in file order: the sessions' new counters, their differences, the NAS's restarts. */
    private Counts store(List<Parsed.Ok<RadiusRecord>> batch, RejectFileWriter rejects) {
        if (batch.isEmpty()) {
            return new Counts(0, 0, 0, 0);
        }
        Map<String, SessionState> sessions = load(batch);
        List<RatedUsageInsert.NewUsage> usage = new ArrayList<>();
        List<RadiusRecord> nasEvents = new ArrayList<>();
        long stored = 0; // readings that counted something (a reading across midnight gives a record per day)
        long duplicates = 0;
        long rejected = 0;
        for (Parsed.Ok<RadiusRecord> ok : batch) {
            RadiusRecord record = ok.row();
            if (!record.status().isSession()) {
                nasEvents.add(record);
                duplicates++; // a NAS's event is no usage: it adds no record
                continue;
            }
            if (record.uniqueId().length() > MAX_UNIQUE_ID || record.nasIp().length() > 100) {
                rejects.write(new Reject(record.file(), record.line(), "Acct-Unique-Session-Id",
                        "longer than " + MAX_UNIQUE_ID + " characters (with NAS-IP-Address at most 100): "
                                + record.uniqueId(), ok.raw()));
                rejected++;
                continue;
            }
            SessionState state = sessions.computeIfAbsent(record.uniqueId(), id -> new SessionState(null, id,
                    record.nasIp(), record.userName(), 0, record.eventTime(), 0, 0, 0, RadiusSession.EndedBy.OPEN.name()));
            if (state.endedBy.equals(RadiusSession.EndedBy.STOP.name())) {
                duplicates++; // after its Stop a session counts nothing more
                continue;
            }
            long upload = Math.max(0, record.uploadBytes() - state.upload);
            long download = Math.max(0, record.downloadBytes() - state.download);
            long seconds = Math.max(0, record.sessionSeconds() - state.seconds);
            boolean first = state.readings == 0;
            boolean stop = record.status() == AcctStatusType.STOP;
            Instant from = first ? record.eventTime().minusSeconds(record.sessionSeconds())
                    : state.lastEvent.isBefore(record.eventTime()) ? state.lastEvent : record.eventTime();
            state.readings++;
            state.upload += upload;
            state.download += download;
            state.seconds += seconds;
            state.lastEvent = record.eventTime().isAfter(state.lastEvent) ? record.eventTime() : state.lastEvent;
            // a record after its NAS restarted: the session was not lost, it goes on
            state.endedBy = (stop ? RadiusSession.EndedBy.STOP : RadiusSession.EndedBy.OPEN).name();
            if (!first && !stop && upload == 0 && download == 0 && seconds == 0) {
                duplicates++; // an interim that counted nothing new
                continue;
            }
            addDifference(usage, state, record, from, upload, download, seconds);
            stored++;
        }
        write(sessions.values());
        // written once, rated (the rate step takes again only the unmatched ones)
        insert.insert(usage);
        for (RadiusRecord event : nasEvents) {
            String endedBy = (event.status() == AcctStatusType.ACCOUNTING_ON
                    ? RadiusSession.EndedBy.NAS_RESTART : RadiusSession.EndedBy.NAS_SHUTDOWN).name();
            jdbc.update("""
                    UPDATE radius_session SET ended_by = ?
                    WHERE source = ? AND nas_ip = ? AND ended_by = ? AND last_event <= ?""",
                    endedBy, source, event.nasIp(), RadiusSession.EndedBy.OPEN.name(), utc(event.eventTime()));
        }
        return new Counts(batch.size(), stored, duplicates, rejected);
    }

    /**
     * The usage record of what a reading counted since the one before, {@code [from, event time)}:
     * one record, or, when local midnights fall inside that interval, one per day, each with its
     * share by time (SessionSplitter), so a session across a period's end is billed where its bytes
     * were counted. The first day's record keeps the reading's id ("session/n"); the next ones are
     * "session/n.d1", "session/n.d2"... A day that got nothing has no record.
     */
    private void addDifference(List<RatedUsageInsert.NewUsage> usage, SessionState state, RadiusRecord record, Instant from,
                               long upload, long download, long seconds) {
        Instant to = record.eventTime();
        List<Instant> midnights = to.isAfter(from)
                ? SessionSplitter.midnightsInside(from, to, settings.serverZone()) : List.of();
        long[] uploads = midnights.isEmpty() ? new long[] {upload} : SessionSplitter.shareInterval(from, to, upload, midnights);
        long[] downloads = midnights.isEmpty() ? new long[] {download}
                : SessionSplitter.shareInterval(from, to, download, midnights);
        long[] times = midnights.isEmpty() ? new long[] {seconds} : SessionSplitter.shareInterval(from, to, seconds, midnights);
        for (int part = 0; part < uploads.length; part++) {
            if (part > 0 && uploads[part] == 0 && downloads[part] == 0 && times[part] == 0) {
                continue;
            }
            Instant start = part == 0 ? from : midnights.get(part - 1);
            String recordId = state.uniqueId + "/" + state.readings + (part == 0 ? "" : ".d" + part);
            usage.add(new RatedUsageInsert.NewUsage(source, recordId, record.userName(), UsageType.DATA,
                    LocalDateTime.ofInstant(start, settings.serverZone()), uploads[part] + downloads[part], uploads[part],
                    downloads[part], times[part], state.uniqueId, record.framedIp(), null, null, null));
        }
    }

    private Map<String, SessionState> load(List<Parsed.Ok<RadiusRecord>> batch) {
        List<String> ids = batch.stream().map(ok -> ok.row().uniqueId()).filter(id -> id != null).distinct().toList();
        Map<String, SessionState> sessions = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return sessions;
        }
        named.query("""
                SELECT id, unique_id, nas_ip, user_name, readings, last_event, upload_bytes, download_bytes,
                    session_seconds, ended_by FROM radius_session WHERE source = :source AND unique_id IN (:ids)""",
                new MapSqlParameterSource("source", source).addValue("ids", ids),
                rs -> {
                    sessions.put(rs.getString(2), new SessionState(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toLocalDateTime().toInstant(ZoneOffset.UTC),
                            rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getString(10)));
                });
        return sessions;
    }

    private void write(Iterable<SessionState> sessions) {
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        for (SessionState s : sessions) {
            MapSqlParameterSource row = new MapSqlParameterSource().addValue("id", s.id).addValue("source", source)
                    .addValue("uniqueId", s.uniqueId).addValue("nas", s.nasIp).addValue("user", s.userName)
                    .addValue("readings", s.readings).addValue("last", utc(s.lastEvent)).addValue("upload", s.upload)
                    .addValue("download", s.download).addValue("seconds", s.seconds).addValue("ended", s.endedBy);
            (s.id == null ? inserts : updates).add(row);
        }
        named.batchUpdate("""
                INSERT INTO radius_session (source, unique_id, nas_ip, user_name, readings, last_event, upload_bytes,
                    download_bytes, session_seconds, ended_by)
                VALUES (:source, :uniqueId, :nas, :user, :readings, :last, :upload, :download, :seconds, :ended)""",
                inserts.toArray(MapSqlParameterSource[]::new));
        named.batchUpdate("""
                UPDATE radius_session SET readings = :readings, last_event = :last, upload_bytes = :upload,
                    download_bytes = :download, session_seconds = :seconds, ended_by = :ended WHERE id = :id""",
                updates.toArray(MapSqlParameterSource[]::new));
    }

    /** radius_session times are UTC, so a NAS's restart compares with them across a daylight-saving change. */
    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

}
