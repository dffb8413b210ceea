package ca.isp.billing.domain;

import java.util.Locale;

/**
 * Invoice language of an account: English, French, or both side by side on the same invoice
 * (BILINGUAL, as federal Canadian documents are: English on the left, French on the right).
 */
public enum Language {
    EN(Locale.CANADA), FR(Locale.CANADA_FRENCH), BILINGUAL(Locale.CANADA);

    /**
     * Between the English and the French of a bilingual invoice line's description
     * ("Internet 100 / Internet 100"): a slash between thin spaces, which the typed text of a
     * plan or a charge does not hold, so the invoice can put each half in its own column.
     */
    public static final String SEPARATOR = "\u2009/\u2009";

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /** The locale of the invoice's formatting; a bilingual invoice formats each column in its own. */
    public Locale locale() {
        return locale;
    }

    /** Parses "en"/"fr"/"bilingual" in any case. */
    public static Language of(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The two texts of a bilingual description, English first. */
    public static String both(String english, String french) {
        return english + SEPARATOR + french;
    }

    /** The English and French halves of a description made by {@link #both}; one text is both halves. */
    public static String[] halves(String description) {
        int at = description.indexOf(SEPARATOR);
        return at < 0 ? new String[]{description, description}
                : new String[]{description.substring(0, at), description.substring(at + SEPARATOR.length())};
    }
}
