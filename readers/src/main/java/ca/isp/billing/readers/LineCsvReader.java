package ca.isp.billing.readers;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Streams a headerless CSV file of one record per line ({@link LineFormat}) as {@link Parsed}
 * rows, from a {@link FilePosition}: a switch appends to its Master.csv as calls end, so only
 * lines ended by their line feed are read, and {@link #position()} says where the next read
 * starts. Each line stands alone: a bad one (wrong number of fields, broken quoting, a bad value)
 * is a {@link Parsed.Bad} and the next lines are read as usual. Blank lines are skipped.
 */
public final class LineCsvReader<T> implements Iterator<Parsed<T>>, Closeable {

    /** How much of a cut line its reject echoes. */
    private static final int CUT_RAW_LENGTH = 200;

    private final CompleteLines lines;
    private final LineFormat<T> format;
    private final Map<String, Integer> columns = new HashMap<>();
    private Parsed<T> next;

    private LineCsvReader(CompleteLines lines, LineFormat<T> format) {
        this.lines = lines;
        this.format = format;
        List<String> names = format.columns();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
        }
    }

    /** Opens the file to read from a position ({@link FilePosition#START}, or where the last read stopped). */
    public static <T> LineCsvReader<T> open(Path file, FilePosition from, LineFormat<T> format) throws IOException {
        return new LineCsvReader<>(CompleteLines.open(file, from, CsvRowReader.MAX_RECORD_LENGTH), format);
    }

    /** Where the next read of this file starts: after the last complete line. */
    public FilePosition position() {
        return lines.position();
    }

    public String fileName() {
        return lines.fileName();
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            CompleteLines.Line line;
            try {
                line = lines.next();
            } catch (IOException e) {
                throw new UncheckedIOException(fileName() + ": cannot read", e);
            }
            if (line == null) {
                return false;
            }
            if (!line.text().isBlank()) {
                next = parse(line);
            }
        }
        return true;
    }

    @Override
    public Parsed<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException(fileName() + ": no more complete lines");
        }
        Parsed<T> result = next;
        next = null;
        return result;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private Parsed<T> parse(CompleteLines.Line line) {
        String raw = line.text();
        if (line.cut()) {
            return bad(line, "longer than " + CsvRowReader.MAX_RECORD_LENGTH + " bytes: cut there, the rest of the "
                    + "line skipped", raw.substring(0, Math.min(raw.length(), CUT_RAW_LENGTH)) + "…");
        }
        String[] values;
        try {
            values = CsvFields.split(raw, format.doubledQuotes()).toArray(String[]::new);
        } catch (IllegalArgumentException e) {
            return bad(line, e.getMessage(), raw);
        }
        if (values.length != format.columns().size()) {
            return bad(line, "expected " + format.columns().size() + " fields, found " + values.length, raw);
        }
        try {
            return new Parsed.Ok<>(line.number(), format.parse(new Row(line.number(), columns, values,
                    format.maxLengths())), raw);
        } catch (FieldException e) {
            return new Parsed.Bad<>(new Reject(fileName(), line.number(), e.field(), e.reason(), raw));
        }
    }

    private Parsed<T> bad(CompleteLines.Line line, String reason, String raw) {
        return new Parsed.Bad<>(new Reject(fileName(), line.number(), null, reason, raw));
    }
}
