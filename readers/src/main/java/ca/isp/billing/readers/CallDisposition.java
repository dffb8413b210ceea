package ca.isp.billing.readers;

/** How a call ended, as Asterisk writes it in its CDRs ("NO ANSWER" with a space). */
public enum CallDisposition {
    ANSWERED("ANSWERED"), NO_ANSWER("NO ANSWER"), BUSY("BUSY"), FAILED("FAILED"), CONGESTION("CONGESTION");

    private final String label;

    CallDisposition(String label) {
        this.label = label;
    }

    /** As written in a file: ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION. */
    public String label() {
        return label;
    }

    /** The disposition written this way (any case, "NO_ANSWER" too), or null. */
    static CallDisposition parse(String text) {
        for (CallDisposition disposition : values()) {
            if (disposition.label.equalsIgnoreCase(text) || disposition.name().equalsIgnoreCase(text)) {
                return disposition;
            }
        }
        return null;
    }

    /** For reasons: "ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION". */
    static String labels() {
        StringBuilder text = new StringBuilder();
        for (CallDisposition disposition : values()) {
            text.append(text.length() == 0 ? "" : ", ").append(disposition.label);
        }
        return text.toString();
    }
}
