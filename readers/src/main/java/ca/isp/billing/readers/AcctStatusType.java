package ca.isp.billing.readers;

import java.util.Locale;

/** The Acct-Status-Type values billing reads (RFC 2866): a session's records and a NAS's restarts. */
public enum AcctStatusType {
    START(1), STOP(2), INTERIM_UPDATE(3), ACCOUNTING_ON(7), ACCOUNTING_OFF(8);

    private final int code;

    AcctStatusType(int code) {
        this.code = code;
    }

    /** Whether the record is about one session (it has counters), not about the whole NAS. */
    public boolean isSession() {
        return this == START || this == STOP || this == INTERIM_UPDATE;
    }

    /**
     * As FreeRADIUS writes it: the dictionary name ("Interim-Update"; "Alive" is its old name), or
     * the number when the dictionary has none. Null for any other type (tunnels, Failed).
     */
    static AcctStatusType parse(String text) {
        String name = text.toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.equals("ALIVE")) {
            return INTERIM_UPDATE;
        }
        for (AcctStatusType type : values()) {
            if (type.name().equals(name) || String.valueOf(type.code).equals(text)) {
                return type;
            }
        }
        return null;
    }
}
