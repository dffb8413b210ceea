package ca.isp.billing.readers;

/** The outcome of reading one CSV record: a parsed row, or a reject saying why not. */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Bad {

    /** Line number of the record in its file, counting the header as line 1. */
    long line();

    /**
     * A record that parsed into a row, with the line as read: a row refused later (unknown
     * account...) is rejected with it like a line that did not parse.
     */
    record Ok<T>(long line, T row, String raw) implements Parsed<T> {
    }

    /** A record that did not parse; the other records of the file are still read. */
    record Bad<T>(Reject reject) implements Parsed<T> {

        @Override
        public long line() {
            return reject.line();
        }
    }
}
