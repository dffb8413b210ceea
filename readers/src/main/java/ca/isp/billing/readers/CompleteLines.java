package ca.isp.billing.readers;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a file line by line from a {@link FilePosition}, giving only complete lines: those ended
 * by a line feed. The server writing the file (FreeRADIUS, Asterisk, FreeSWITCH) may be half-way
 * through its last line; that line is left for a later read, which starts from the offset after
 * the last line taken. A line longer than {@code maxLength} bytes is cut there (and flagged), so
 * a file with no line breaks costs bounded memory.
 */
final class CompleteLines implements Closeable {

    /** One complete line, without its CR LF or LF: its number, and the offsets of its start and just after it. */
    record Line(String text, long number, long startOffset, long endOffset, boolean cut) {

        /** The position of this line: a read from there starts with it. */
        FilePosition start() {
            return new FilePosition(startOffset, number);
        }
    }

    private final String fileName;
    private final InputStream in;
    private final int maxLength;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[65_536];
    private int chunkStart;
    private int chunkEnd;
    private boolean ended;
    private long offset;
    private long number;

    private CompleteLines(String fileName, InputStream in, FilePosition from, int maxLength) {
        this.fileName = fileName;
        this.in = in;
        this.maxLength = maxLength;
        this.offset = from.offset();
        this.number = from.line();
    }

    /**
     * Opens the file at the position. A file shorter than the position is not the file read
     * before (replaced, or truncated): that is a {@link BadFileException}, never a silent restart.
     */
    static CompleteLines open(Path file, FilePosition from, int maxLength) throws IOException {
        String fileName = file.getFileName().toString();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < from.offset()) {
                throw new BadFileException(fileName, "shorter (" + size + " bytes) than the position already read ("
                        + from.offset() + "): replaced or truncated since?");
            }
            channel.position(from.offset());
            return new CompleteLines(fileName, Channels.newInputStream(channel), from, maxLength);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    String fileName() {
        return fileName;
    }

    /** The next complete line, or null when the rest of the file (if any) is not a complete line yet. */
    Line next() throws IOException {
        line.reset();
        long length = 0;
        boolean cut = false;
        while (!ended) {
            if (chunkStart == chunkEnd && !fill()) {
                // the end for now: an unfinished line waits for the next read, which starts before it
                ended = true;
                return null;
            }
            int newline = chunkStart;
            while (newline < chunkEnd && chunk[newline] != '\n') {
                newline++;
            }
            int room = maxLength - line.size();
            int take = newline - chunkStart;
            if (take > room) {
                cut = true;
            }
            line.write(chunk, chunkStart, Math.min(take, Math.max(room, 0)));
            length += take;
            if (newline < chunkEnd) {
                chunkStart = newline + 1;
                long start = offset;
                offset += length + 1;
                byte[] bytes = line.toByteArray();
                int end = !cut && bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                // malformed UTF-8 becomes U+FFFD, which no identifier or number accepts
                return new Line(new String(bytes, 0, end, StandardCharsets.UTF_8), number++, start, offset, cut);
            }
            chunkStart = chunkEnd;
        }
        return null;
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk);
        if (n <= 0) {
            return false;
        }
        chunkStart = 0;
        chunkEnd = n;
        return true;
    }

    /** Where the next read starts: after the last complete line returned. */
    FilePosition position() {
        return new FilePosition(offset, number);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
