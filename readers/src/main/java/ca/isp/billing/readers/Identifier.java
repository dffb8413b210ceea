package ca.isp.billing.readers;

/**
 * The characters an identifier may hold, by kind. Identifiers become keys, log lines and parts
 * of file names (an invoice PDF, a letter), so each kind has a documented set
 * (docs/FILE-FORMATS.md): ASCII letters and digits, '.', '_' and '-', plus what the kind needs.
 * Never '/', '\', a space or a control character, never "..", never a leading '.' or '-' (a
 * hidden file, a command-line option).
 */
public enum Identifier {

    /** Account numbers, subscription ids, plan codes, invoice numbers, payment refs, usage sources. */
    CODE("", false),
    /** Usage record ids: ':' as in session ids (ppp0:1234). */
    RECORD_ID(":", false),
    /** Service ids: RADIUS user names (user@realm), phone numbers (+15145550101), MAC addresses (a:b:c). */
    SERVICE_ID("@+:,", true);

    private final String extra;
    private final boolean leadingPlus;

    Identifier(String extra, boolean leadingPlus) {
        this.extra = extra;
        this.leadingPlus = leadingPlus;
    }

    /** Why the value is not an identifier of this kind, or null when it is one. */
    public String refusal(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAllowed(c)) {
                return "'" + c + "' is not allowed (" + allowed() + " only)";
            }
        }
        char first = value.charAt(0);
        if (!isLetterOrDigit(first) && !(leadingPlus && first == '+')) {
            return leadingPlus ? "must start with a letter, a digit or +" : "must start with a letter or a digit";
        }
        if (value.contains("..")) {
            return "must not contain '..'";
        }
        return null;
    }

    /** As reasons and docs say it: A-Z, a-z, 0-9 and . _ - @ + : , */
    String allowed() {
        StringBuilder signs = new StringBuilder(". _ -");
        for (char c : extra.toCharArray()) {
            signs.append(' ').append(c);
        }
        return "A-Z, a-z, 0-9 and " + signs;
    }

    private boolean isAllowed(char c) {
        return isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || extra.indexOf(c) >= 0;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
