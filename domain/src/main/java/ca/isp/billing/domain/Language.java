package ca.isp.billing.domain;

import java.util.Locale;

/** Invoice language of an account. */
public enum Language {
    EN(Locale.CANADA), FR(Locale.CANADA_FRENCH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** Parses "en"/"fr" in any case. */
    public static Language of(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
