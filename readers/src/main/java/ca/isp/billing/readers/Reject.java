package ca.isp.billing.readers;

/**
 * One rejected input line: the file name, the line number (header = line 1), the wrong field
 * (null when the whole line is wrong), a plain-English reason and the line as read.
 */
public record Reject(String file, long line, String field, String reason, String raw) {

    /** For logs and operators, e.g. "usage-2026-11.csv line 17, field quantity: not a whole number: 'abc'". */
    public String message() {
        String where = file + " line " + line;
        return field == null ? where + ": " + reason : where + ", field " + field + ": " + reason;
    }
}
