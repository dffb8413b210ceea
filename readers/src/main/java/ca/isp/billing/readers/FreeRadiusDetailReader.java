package ca.isp.billing.readers;

import ca.isp.billing.domain.DateWindow;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * Reads a FreeRADIUS 3.x accounting detail file (the {@code detail} module's default output,
 * {@code <nas-ip>/detail-YYYYMMDD}) record by record, as {@link Parsed} {@link RadiusRecord}s:
 *
 * <pre>
 * Sun Nov  2 01:10:00 2025
 *         Acct-Status-Type = Interim-Update
 *         User-Name = "carol@dsl.example"
 *         Acct-Input-Octets = 9000000
 *         Event-Timestamp = "Nov  2 2025 01:10:00 EST"
 *         Acct-Unique-Session-Id = "..."
 *         Timestamp = 1762063800
 * (blank line)
 * </pre>
 *
 * <p>A record is a header line, tab-indented {@code Attribute = value} lines and a blank line.
 * The server appends to the day's file all day: a record counts only once the blank line after
 * it is written (or the next record's header), and {@link #position()} is the offset after the
 * last complete record, where the next read of the same file starts.
 *
 * <p>Time: {@code Event-Timestamp} wins, then {@code Timestamp} minus {@code Acct-Delay-Time};
 * the header is never used. The header is the server's local time in ctime form, without a zone:
 * in the autumn hour that happens twice it reads 01:50 then 01:10 for a session 20 minutes on,
 * and it is when the packet arrived, not when the NAS counted (a retransmitted Stop has a later
 * header). Event-Timestamp is the NAS's moment of the count (FreeRADIUS's {@code preprocess}
 * adds it, as received minus the delay, when the NAS sends none), written in the server's zone
 * with its abbreviation ("01:10:00 EST"), which tells the two 01:10s apart.
 *
 * <p>A malformed record (an attribute line without " = ", a counter that is not a number or
 * not plausible, no session id or user) is a {@link Parsed.Bad} naming the line, the attribute
 * and why; the records after it are read as usual.
 */
public final class FreeRadiusDetailReader implements Iterator<Parsed<RadiusRecord>>, Closeable {

    /** A line longer than this (bytes) is cut and its record rejected: none of ours is near it. */
    static final int MAX_LINE_LENGTH = 65_536;
    /** A record with more attribute lines is rejected: FreeRADIUS writes a few dozen. */
    static final int MAX_ATTRIBUTES = 1_000;
    /** The largest value of a 32-bit RADIUS integer: octets, gigawords, seconds. */
    static final long MAX_32_BITS = 4_294_967_295L;

    /** "Nov  2 2025 01:10:00" (then the zone's abbreviation), as FreeRADIUS prints a date attribute. */
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("MMM ppd uuuu HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");

    /** How the files of one server are read. */
    public record Settings(ZoneId serverZone, RealmHandling realms, DateWindow eventTimes) {

        /** The server's time zone (its local times), realms kept, any time. */
        public static Settings of(ZoneId serverZone) {
            return new Settings(serverZone, RealmHandling.KEEP, DateWindow.ANY);
        }

        public Settings with(RealmHandling handling) {
            return new Settings(serverZone, handling, eventTimes);
        }

        /** Refuses a record whose event day is outside the window (1970, next year). */
        public Settings within(DateWindow window) {
            return new Settings(serverZone, realms, window);
        }
    }

    private record Attribute(String value, long line, String raw) {
    }

    private final CompleteLines lines;
    private final Settings settings;
    /** The file's folder: the NAS's address in the default layout, for records without NAS-IP-Address. */
    private final String folder;
    private FilePosition position;
    private Parsed<RadiusRecord> next;
    /** A header read while finishing the record before it: the start of the next record. */
    private CompleteLines.Line pending;

    private FreeRadiusDetailReader(CompleteLines lines, Settings settings, String folder, FilePosition from) {
        this.lines = lines;
        this.settings = settings;
        this.folder = folder;
        this.position = from;
    }

    /** Opens the file to read from a position ({@link FilePosition#START}, or where the last read stopped). */
    public static FreeRadiusDetailReader open(Path file, FilePosition from, Settings settings) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        String folder = parent == null || parent.getFileName() == null ? null : parent.getFileName().toString();
        return new FreeRadiusDetailReader(CompleteLines.open(file, from, MAX_LINE_LENGTH), settings, folder, from);
    }

    /** Where the next read of this file starts: after the last complete record returned. */
    public FilePosition position() {
        return position;
    }

    public String fileName() {
        return lines.fileName();
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = readNext();
            } catch (IOException e) {
                throw new UncheckedIOException(fileName() + ": cannot read", e);
            }
        }
        return next != null;
    }

    @Override
    public Parsed<RadiusRecord> next() {
        if (!hasNext()) {
            throw new NoSuchElementException(fileName() + ": no more complete records");
        }
        Parsed<RadiusRecord> result = next;
        next = null;
        return result;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    /** The next complete record, or null when the rest of the file is blank or not complete yet. */
    private Parsed<RadiusRecord> readNext() throws IOException {
        CompleteLines.Line header = pending;
        pending = null;
        List<CompleteLines.Line> body = new ArrayList<>();
        long bodyLines = 0;
        boolean cut = header != null && header.cut();
        CompleteLines.Line line;
        while ((line = lines.next()) != null) {
            boolean blank = line.text().isBlank();
            boolean indented = !blank && Character.isWhitespace(line.text().charAt(0));
            if (header == null && body.isEmpty()) {
                if (blank) {
                    position = lines.position(); // blank lines between records
                } else if (indented) {
                    body.add(line); // an attribute with no header before it: rejected below
                    bodyLines++;
                } else {
                    header = line;
                }
                cut |= line.cut();
                continue;
            }
            if (blank) {
                position = lines.position();
                return parse(header, body, bodyLines, cut);
            }
            if (!indented) {
                // the next record's header: this one ended without its blank line
                position = line.start();
                pending = line;
                return parse(header, body, bodyLines, cut);
            }
            bodyLines++;
            cut |= line.cut();
            if (body.size() < MAX_ATTRIBUTES) {
                body.add(line);
            }
        }
        return null; // a record not followed by its blank line yet: read again next time
    }

    private Parsed<RadiusRecord> parse(CompleteLines.Line header, List<CompleteLines.Line> body, long bodyLines,
                                       boolean cut) {
        if (header == null) {
            CompleteLines.Line first = body.get(0);
            return bad(first.number(), null, "attribute line with no header line before it: a record cut at its start?",
                    first.text().strip());
        }
        if (cut) {
            return bad(header.number(), null, "a line longer than " + MAX_LINE_LENGTH + " bytes: cut, record skipped",
                    header.text());
        }
        if (bodyLines > MAX_ATTRIBUTES) {
            return bad(header.number(), null, "more than " + MAX_ATTRIBUTES + " attribute lines (" + bodyLines
                    + "): a blank line missing?", header.text());
        }
        Map<String, Attribute> attributes = new HashMap<>();
        for (CompleteLines.Line line : body) {
            String text = line.text().strip();
            int equals = text.indexOf(" = ");
            if (equals <= 0) {
                return bad(line.number(), null, "not an 'Attribute = value' line: " + Row.quote(text), text);
            }
            String name = text.substring(0, equals).strip();
            // the first of a repeated attribute counts, as for the server
            attributes.putIfAbsent(name, new Attribute(unquote(text.substring(equals + 3).strip()), line.number(), text));
        }
        try {
            return new Parsed.Ok<>(header.number(), toRecord(header, attributes), header.text());
        } catch (AttributeException e) {
            return bad(e.line, e.field(), e.reason(), e.raw);
        }
    }

    private RadiusRecord toRecord(CompleteLines.Line header, Map<String, Attribute> attributes) {
        Fields fields = new Fields(attributes, header);
        String typeText = fields.required("Acct-Status-Type");
        AcctStatusType status = AcctStatusType.parse(typeText);
        if (status == null) {
            throw fields.bad("Acct-Status-Type", "not a status billing reads (Start, Interim-Update, Stop, "
                    + "Accounting-On, Accounting-Off): " + Row.quote(typeText));
        }
        String nasIp = fields.optional("NAS-IP-Address");
        if (nasIp == null) {
            nasIp = fields.optional("NAS-IPv6-Address");
        }
        if (nasIp == null) {
            nasIp = folder;
        }
        Instant eventTime = eventTime(fields);
        if (!status.isSession()) {
            return new RadiusRecord(nasIp, status, null, null, null, null, null, eventTime, 0, 0, 0, null,
                    fileName(), header.number());
        }
        String sessionId = fields.required("Acct-Session-Id");
        String uniqueId = fields.optional("Acct-Unique-Session-Id");
        if (uniqueId == null) {
            uniqueId = nasIp + ":" + sessionId;
        }
        String fullName = fields.required("User-Name");
        String refusal = fullName.length() > 100 ? "longer than 100 characters" : Identifier.SERVICE_ID.refusal(fullName);
        if (refusal != null) {
            throw fields.bad("User-Name", refusal + ": " + Row.quote(fullName));
        }
        int at = fullName.lastIndexOf('@');
        String realm = at > 0 && at < fullName.length() - 1 ? fullName.substring(at + 1) : null;
        String userName = realm != null && settings.realms() == RealmHandling.STRIP ? fullName.substring(0, at) : fullName;
        long upload = bytes(fields, "Acct-Input-Gigawords", "Acct-Input-Octets");
        long download = bytes(fields, "Acct-Output-Gigawords", "Acct-Output-Octets");
        long seconds = fields.counter("Acct-Session-Time");
        return new RadiusRecord(nasIp, status, sessionId, uniqueId, userName, realm, fields.optional("Framed-IP-Address"),
                eventTime, upload, download, seconds, fields.optional("Acct-Terminate-Cause"), fileName(),
                header.number());
    }

    /** gigawords x 2^32 + octets (RFC 2869), refused above what one session plausibly moves. */
    private static long bytes(Fields fields, String gigawordsName, String octetsName) {
        long gigawords = fields.counter(gigawordsName);
        long octets = fields.counter(octetsName);
        long total = gigawords * (1L << 32) + octets; // at most (2^32 - 1) x 2^32 + 2^32 - 1 < 2^64: checked below
        if (gigawords > UsageFormat.MAX_DATA_BYTES >> 32 || total > UsageFormat.MAX_DATA_BYTES) {
            throw fields.bad(gigawords > 0 ? gigawordsName : octetsName, "more than " + UsageFormat.MAX_DATA_BYTES
                    + " bytes (1 PB) in one session: " + gigawords + " gigawords and " + octets + " octets");
        }
        return total;
    }

    /** Event-Timestamp; without it, Timestamp (when FreeRADIUS received it) minus Acct-Delay-Time. */
    private Instant eventTime(Fields fields) {
        Instant received = null;
        if (fields.optional("Timestamp") != null) {
            received = Instant.ofEpochSecond(fields.counter("Timestamp") - fields.counter("Acct-Delay-Time"));
        }
        String text = fields.optional("Event-Timestamp");
        Instant time = text == null ? received : eventTimestamp(fields, text, received);
        if (time == null) {
            throw fields.bad("Event-Timestamp", "missing, and no Timestamp either: when the NAS counted is unknown");
        }
        if (!settings.eventTimes().contains(LocalDateTime.ofInstant(time, settings.serverZone()))) {
            throw fields.bad(text != null ? "Event-Timestamp" : "Timestamp", "outside the plausible window "
                    + settings.eventTimes() + ": " + Row.quote(text != null ? text : fields.optional("Timestamp")));
        }
        return time;
    }

    /**
     * "Nov  2 2025 01:10:00 EST" in the server's zone; in the hour that happens twice, the
     * abbreviation says which (else the one nearer to when the server received it). A server
     * that writes UTC or GMT is read as such. Seconds since 1970 are read as they are.
     */
    private Instant eventTimestamp(Fields fields, String text, Instant received) {
        if (DIGITS.matcher(text).matches()) {
            return Instant.ofEpochSecond(fields.counter("Event-Timestamp"));
        }
        int space = text.lastIndexOf(' ');
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(text.substring(0, Math.max(space, 0)), EVENT_TIME);
        } catch (DateTimeParseException e) {
            throw fields.bad("Event-Timestamp", "not a time like 'Nov  2 2025 01:10:00 EST': " + Row.quote(text));
        }
        String abbreviation = text.substring(space + 1);
        if (abbreviation.equals("UTC") || abbreviation.equals("GMT")) {
            return local.toInstant(ZoneOffset.UTC);
        }
        List<Instant> candidates;
        try {
            candidates = LocalTimes.candidates("Event-Timestamp", local, text, settings.serverZone());
        } catch (FieldException e) {
            throw fields.bad("Event-Timestamp", e.reason());
        }
        for (Instant candidate : candidates) {
            if (candidates.size() > 1 && ABBREVIATION.format(candidate.atZone(settings.serverZone())).equals(abbreviation)) {
                return candidate;
            }
        }
        return received == null ? candidates.get(0) : LocalTimes.nearest(candidates, received);
    }

    /** A quoted value without its quotes, FreeRADIUS's escapes undone (\" \\ \n \r \t and octal \ooo). */
    static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        String inner = value.substring(1, value.length() - 1);
        if (inner.indexOf('\\') < 0) {
            return inner;
        }
        StringBuilder text = new StringBuilder(inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c != '\\' || i == inner.length() - 1) {
                text.append(c);
                continue;
            }
            char escaped = inner.charAt(++i);
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                default -> {
                    if (escaped >= '0' && escaped <= '7' && i + 2 < inner.length()
                            && isOctal(inner.charAt(i + 1)) && isOctal(inner.charAt(i + 2))) {
                        int code = Integer.parseInt(inner.substring(i, i + 3), 8);
                        // a byte of UTF-8 FreeRADIUS could not print: no identifier accepts it
                        text.append(code < 0x80 ? (char) code : '\uFFFD');
                        i += 2;
                    } else {
                        text.append(escaped);
                    }
                }
            }
        }
        return text.toString();
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private Parsed<RadiusRecord> bad(long line, String field, String reason, String raw) {
        return new Parsed.Bad<>(new Reject(fileName(), line, field, reason, raw));
    }

    /** The record's attributes by name, typed; a bad one names its own line. */
    private static final class Fields {

        private final Map<String, Attribute> attributes;
        private final CompleteLines.Line header;

        Fields(Map<String, Attribute> attributes, CompleteLines.Line header) {
            this.attributes = attributes;
            this.header = header;
        }

        String optional(String name) {
            Attribute attribute = attributes.get(name);
            return attribute == null || attribute.value().isEmpty() ? null : attribute.value();
        }

        String required(String name) {
            String value = optional(name);
            if (value == null) {
                throw new AttributeException(header.number(), name, "missing: required in a "
                        + (name.equals("Acct-Status-Type") ? "" : "session's ") + "record", header.text());
            }
            return value;
        }

        /** A 32-bit RADIUS integer; absent is 0. */
        long counter(String name) {
            String value = optional(name);
            if (value == null) {
                return 0;
            }
            if (!DIGITS.matcher(value).matches()) {
                throw bad(name, "not a whole number: " + Row.quote(value));
            }
            long number = Long.parseLong(value);
            if (number > MAX_32_BITS && !name.equals("Timestamp") && !name.equals("Event-Timestamp")) {
                throw bad(name, "above " + MAX_32_BITS + ", the most a 32-bit RADIUS counter holds: " + Row.quote(value));
            }
            return number;
        }

        /** A bad value of the attribute, on its line (the header's when it is missing). */
        AttributeException bad(String name, String reason) {
            Attribute attribute = attributes.get(name);
            return attribute == null
                    ? new AttributeException(header.number(), name, reason, header.text())
                    : new AttributeException(attribute.line(), name, reason, attribute.raw());
        }
    }

    /** A bad attribute: where it is and why, for the record's {@link Reject}. */
    private static final class AttributeException extends FieldException {

        private final long line;
        private final String raw;

        AttributeException(long line, String field, String reason, String raw) {
            super(field, reason);
            this.line = line;
            this.raw = raw;
        }
    }
}
