package ca.isp.billing.readers;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into its fields, for files with no header whose every record is one line
 * (Asterisk's and FreeSWITCH's Master.csv). Values are quoted or not; spaces around a quoted
 * value are dropped (FreeSWITCH's default template has one before its last field).
 *
 * <p>Asterisk doubles a quote inside a value (RFC 4180: {@code "say ""hi"""}). FreeSWITCH does
 * not escape it at all ({@code "Bob "the" builder"}), so there a quote closes a value only when a
 * comma or the end of the line follows it; a value that itself holds {@code ",} cannot be told
 * apart and shows as a wrong number of fields.
 */
final class CsvFields {

    private CsvFields() {
    }

    /** The fields; throws IllegalArgumentException with the reason when the line is not CSV. */
    static List<String> split(String line, boolean doubledQuotes) {
        List<String> fields = new ArrayList<>();
        int length = line.length();
        int i = 0;
        while (true) {
            int start = i;
            while (i < length && line.charAt(i) == ' ') {
                i++;
            }
            if (i < length && line.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= length) {
                        throw new IllegalArgumentException("a quote opened in field " + (fields.size() + 1)
                                + " is never closed");
                    }
                    char c = line.charAt(i);
                    if (c != '"') {
                        value.append(c);
                        i++;
                        continue;
                    }
                    if (doubledQuotes && i + 1 < length && line.charAt(i + 1) == '"') {
                        value.append('"');
                        i += 2;
                        continue;
                    }
                    int after = i + 1;
                    while (after < length && line.charAt(after) == ' ') {
                        after++;
                    }
                    if (after >= length || line.charAt(after) == ',') {
                        i = after; // the closing quote
                        break;
                    }
                    if (doubledQuotes) {
                        throw new IllegalArgumentException("a quote inside field " + (fields.size() + 1)
                                + " that is not doubled");
                    }
                    value.append('"'); // FreeSWITCH: a quote of the value itself
                    i++;
                }
                fields.add(value.toString());
            } else {
                int comma = line.indexOf(',', start);
                int end = comma < 0 ? length : comma;
                fields.add(line.substring(start, end).trim());
                i = end;
            }
            if (i >= length) {
                return fields;
            }
            i++; // the comma
            if (i == length) {
                fields.add(""); // a comma at the end: an empty last field
                return fields;
            }
        }
    }
}
