package ca.isp.billing.readers;

/** A bad value in one field of a record; {@link CsvRowReader} turns it into a {@link Reject}. */
public class FieldException extends RuntimeException {

    private final String field;
    private final String reason;

    public FieldException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
