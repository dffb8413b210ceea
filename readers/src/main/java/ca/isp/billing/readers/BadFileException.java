package ca.isp.billing.readers;

/** A file that cannot be read at all: empty, no header, a required column missing, broken CSV. */
public class BadFileException extends RuntimeException {

    private final String file;
    private final String reason;

    public BadFileException(String file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
