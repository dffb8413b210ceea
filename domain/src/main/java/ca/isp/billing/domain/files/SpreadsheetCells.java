package ca.isp.billing.domain.files;

import java.util.regex.Pattern;

/**
 * Free text written into a CSV that people open in a spreadsheet: a cell starting with
 * {@code = + - @}, a tab or a carriage return would be run as a formula, so it gets a leading
 * single quote (OWASP, "CSV Injection"). A plain number or an E.164 phone number
 * ({@code +15145550199}) is a value, not a formula, and stays exact. Numeric columns and files
 * read by machines do not go through here at all.
 */
public final class SpreadsheetCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    private SpreadsheetCells() {
    }

    /** The cell as a spreadsheet will show it and never run it. */
    public static String text(String cell) {
        if (cell == null || cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0
                || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }
}
