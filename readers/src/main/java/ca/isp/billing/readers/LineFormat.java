package ca.isp.billing.readers;

/**
 * A CSV file with no header and one record per line, written by a switch as calls end
 * (Asterisk's and FreeSWITCH's Master.csv): {@link #columns()} names its fields in order.
 */
public interface LineFormat<T> extends RowFormat<T> {

    /** Whether a quote inside a value is doubled (RFC 4180, Asterisk) or written as is (FreeSWITCH). */
    boolean doubledQuotes();
}
