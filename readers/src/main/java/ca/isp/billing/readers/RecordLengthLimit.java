package ca.isp.billing.readers;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/**
 * Passes a CSV stream to the parser unchanged, except a record longer than {@code max}
 * characters: its first {@code max} characters pass, a quoted value left open is closed, and
 * the rest of its physical line is skipped. A 10 MB line, or an unclosed quote that would run
 * to the end of the file, then costs one bounded record (which {@link CsvRowReader} rejects)
 * instead of the memory of the whole file, and the lines after it are read as usual.
 *
 * <p>To know where records end it follows RFC 4180 quoting as the parser does: a quote opens a
 * value only at the start of a field (spaces before it allowed), two quotes inside are one, and
 * a line break inside quotes belongs to the value. Line breaks are all passed on, so the
 * parser's line numbers stay the file's.
 */
final class RecordLengthLimit extends Reader {

    private final Reader in;
    private final int max;
    private final char[] input = new char[8192];
    /** Each input character gives at most two output characters (a closing quote and itself). */
    private final char[] output = new char[2 * 8192];
    private int outputStart;
    private int outputEnd;
    private boolean endOfInput;

    private long line = 1;
    private long recordStart = 1;
    private int length;
    private boolean fieldStart = true;
    private boolean inQuotes;
    /** Inside quotes, the last character was a quote: closing, or the first of two. */
    private boolean quoteInQuotes;
    private boolean afterCarriageReturn;
    private boolean skipping;
    /** Line where a record starts -> line where it was cut. */
    private final Map<Long, Long> cuts = new HashMap<>();

    RecordLengthLimit(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The line where the record starting on {@code recordStartLine} was cut, or null if it was not. */
    Long cutAt(long recordStartLine) {
        return cuts.get(recordStartLine);
    }

    @Override
    public int read(char[] buffer, int offset, int count) throws IOException {
        while (outputStart == outputEnd) {
            if (endOfInput) {
                return -1;
            }
            fill();
        }
        int n = Math.min(count, outputEnd - outputStart);
        System.arraycopy(output, outputStart, buffer, offset, n);
        outputStart += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void fill() throws IOException {
        outputStart = 0;
        outputEnd = 0;
        int n = in.read(input, 0, input.length);
        if (n < 0) {
            endOfInput = true;
            return;
        }
        for (int i = 0; i < n; i++) {
            take(input[i]);
        }
    }

    private void take(char c) {
        boolean lineBreak = c == '\n' || c == '\r';
        if (skipping) {
            if (lineBreak) {
                skipping = false;
                endRecord(c);
            }
            return;
        }
        // a quote inside quotes followed by anything but a quote closed the value
        boolean outside = !inQuotes || (quoteInQuotes && c != '"');
        if (outside && lineBreak) {
            endRecord(c);
            return;
        }
        if (length >= max) {
            cut(c, lineBreak);
            return;
        }
        emit(c);
        length++;
        if (lineBreak) {
            countLine(c); // inside quotes: part of the value
        } else {
            afterCarriageReturn = false;
        }
        follow(c);
    }

    /** Keeps track of quoting, as the parser reads it. */
    private void follow(char c) {
        if (inQuotes) {
            if (quoteInQuotes) {
                quoteInQuotes = false;
                if (c != '"') {
                    inQuotes = false;
                    fieldStart = c == ',';
                }
            } else if (c == '"') {
                quoteInQuotes = true;
            }
        } else if (c == ',') {
            fieldStart = true;
        } else if (c == '"' && fieldStart) {
            inQuotes = true;
            fieldStart = false;
        } else if (c != ' ' && c != '\t') {
            fieldStart = false;
        }
    }

    /** The record is too long: close an open quote so the parser ends the value, skip to the line's end. */
    private void cut(char c, boolean lineBreak) {
        cuts.put(recordStart, line);
        if (inQuotes && !quoteInQuotes) {
            emit('"');
        }
        inQuotes = false;
        quoteInQuotes = false;
        if (lineBreak) {
            endRecord(c);
        } else {
            skipping = true;
        }
    }

    private void endRecord(char c) {
        emit(c);
        countLine(c);
        length = 0;
        fieldStart = true;
        inQuotes = false;
        quoteInQuotes = false;
        recordStart = line;
    }

    /** CR, LF and CR LF are each one line break, as the parser counts them. */
    private void countLine(char c) {
        if (c == '\n' && afterCarriageReturn) {
            afterCarriageReturn = false;
            return;
        }
        line++;
        afterCarriageReturn = c == '\r';
    }

    private void emit(char c) {
        output[outputEnd++] = c;
    }
}
