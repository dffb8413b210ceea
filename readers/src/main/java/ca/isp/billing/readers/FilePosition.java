package ca.isp.billing.readers;

/**
 * How far a file that is still being appended to has been read: the byte offset just after the
 * last complete record taken, and the number of the line that comes next. A later read starts
 * there, so it takes only what was added since and never a record twice.
 */
public record FilePosition(long offset, long line) {

    /** The start of a file: nothing read yet, line 1 next. */
    public static final FilePosition START = new FilePosition(0, 1);

    public FilePosition {
        if (offset < 0 || line < 1) {
            throw new IllegalArgumentException("no such position: byte " + offset + ", line " + line);
        }
    }
}
