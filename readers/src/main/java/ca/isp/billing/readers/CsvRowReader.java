package ca.isp.billing.readers;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Streams a CSV file record by record as {@link Parsed} rows, in constant memory. The header is
 * checked when the file is opened; a bad record becomes a {@link Parsed.Bad} and reading goes on.
 */
public final class CsvRowReader<T> implements Iterator<Parsed<T>>, Closeable {

    private static final char BOM = '\uFEFF';
    /**
     * The longest record read, in characters (64 KiB): a longer one is cut there and rejected, so
     * one huge line, or a quote never closed, costs neither the memory nor the rest of the file.
     */
    public static final int MAX_RECORD_LENGTH = 65_536;
    /** How much of a cut record its reject echoes. */
    private static final int CUT_RAW_LENGTH = 200;

    /**
     * RFC 4180 with values trimmed. Empty lines are kept (and skipped here) so that the parser's
     * line count tells the physical line where each record starts.
     */
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .setIgnoreEmptyLines(false)
            .get();

    private final String fileName;
    private final RowFormat<T> format;
    private final CSVParser parser;
    private final RecordLengthLimit limit;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns = new HashMap<>();
    private int width;
    private Parsed<T> next;

    private CsvRowReader(String fileName, RowFormat<T> format, CSVParser parser, RecordLengthLimit limit) {
        this.fileName = fileName;
        this.format = format;
        this.parser = parser;
        this.limit = limit;
        this.records = parser.iterator();
    }

    /** Opens the file and checks its header; throws {@link BadFileException} if it cannot be read. */
    public static <T> CsvRowReader<T> open(Path file, RowFormat<T> format) throws IOException {
        String fileName = file.getFileName().toString();
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            skipByteOrderMark(in);
            RecordLengthLimit limit = new RecordLengthLimit(in, MAX_RECORD_LENGTH);
            CSVParser parser = CSVParser.builder().setReader(limit).setFormat(CSV).get();
            CsvRowReader<T> reader = new CsvRowReader<>(fileName, format, parser, limit);
            reader.readHeader();
            return reader;
        } catch (CharacterCodingException e) {
            in.close();
            throw unreadable(fileName, 1, e);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The file name used in rejects. */
    public String fileName() {
        return fileName;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readNext();
        }
        return next != null;
    }

    @Override
    public Parsed<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException(fileName + ": no more records");
        }
        Parsed<T> result = next;
        next = null;
        return result;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static void skipByteOrderMark(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != BOM) {
            in.reset();
        }
    }

    private void readHeader() {
        CSVRecord header = nextRecord(1);
        if (header == null || isBlank(header)) {
            throw new BadFileException(fileName, "empty file, no header line");
        }
        if (limit.cutAt(1) != null) {
            throw new BadFileException(fileName, "header line longer than " + MAX_RECORD_LENGTH + " characters");
        }
        width = header.size();
        for (int i = 0; i < width; i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && columns.putIfAbsent(name, i) != null) {
                throw new BadFileException(fileName, "duplicate column '" + name + "'");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String column : format.requiredColumns()) {
            if (!columns.containsKey(column.toLowerCase(Locale.ROOT))) {
                missing.add("'" + column + "'");
            }
        }
        if (missing.size() == 1) {
            throw new BadFileException(fileName, "missing required column " + missing.get(0));
        }
        if (!missing.isEmpty()) {
            throw new BadFileException(fileName, "missing required columns " + String.join(", ", missing));
        }
    }

    private Parsed<T> readNext() {
        while (true) {
            // the parser has consumed whole lines so far: the next record starts on the line after
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record = nextRecord(line);
            if (record == null) {
                return null;
            }
            if (!isBlank(record)) {
                return toParsed(line, record);
            }
        }
    }

    private Parsed<T> toParsed(long line, CSVRecord record) {
        String[] values = record.values();
        String raw = CSVFormat.DEFAULT.format((Object[]) values);
        Long cutAt = limit.cutAt(line);
        if (cutAt != null) {
            return new Parsed.Bad<>(new Reject(fileName, line, null, tooLong(line, cutAt),
                    raw.substring(0, Math.min(raw.length(), CUT_RAW_LENGTH)) + "…"));
        }
        if (values.length != width) {
            String reason = "expected " + width + " fields, found " + values.length;
            return new Parsed.Bad<>(new Reject(fileName, line, null, reason, raw));
        }
        try {
            return new Parsed.Ok<>(line, format.parse(new Row(line, columns, values, format.maxLengths())), raw);
        } catch (FieldException e) {
            return new Parsed.Bad<>(new Reject(fileName, line, e.field(), e.reason(), raw));
        }
    }

    /** Why a cut record is rejected: over one line, or (most likely) an unclosed quote over several. */
    private static String tooLong(long line, long cutAt) {
        if (cutAt == line) {
            return "longer than " + MAX_RECORD_LENGTH + " characters: cut there, the rest of the line skipped";
        }
        return "longer than " + MAX_RECORD_LENGTH + " characters (lines " + line + " to " + cutAt
                + ", an unclosed quote?): cut there, the rest of line " + cutAt + " skipped";
    }

    /** The next record, or null at the end; broken CSV (an unclosed quote) or bad UTF-8 ends the file. */
    private CSVRecord nextRecord(long line) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw unreadable(fileName, line, e.getCause());
        }
    }

    private static BadFileException unreadable(String fileName, long line, IOException cause) {
        // the decoder reads ahead, so a bad byte is only known to be somewhere from this line on
        String reason = cause instanceof CharacterCodingException
                ? "not valid UTF-8 (at or after line " + line + ")"
                : "unreadable CSV at line " + line + ": " + cause.getMessage();
        return new BadFileException(fileName, reason);
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }
}
