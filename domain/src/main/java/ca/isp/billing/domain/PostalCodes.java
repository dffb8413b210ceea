package ca.isp.billing.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a postal code is looked up in the tax-jurisdictions table: a Canadian postal code by its
 * first three characters (the forward sortation area, H2X of H2X 1Y4), a US ZIP code by its
 * five digits (10001 of 10001-2345). Overrides by full address use the whole code (H2X1Y4, 10001).
 */
public final class PostalCodes {

    private static final Pattern CANADIAN = Pattern.compile("[A-Z][0-9][A-Z][0-9][A-Z][0-9]");
    private static final Pattern CANADIAN_AREA = Pattern.compile("[A-Z][0-9][A-Z]");
    private static final Pattern ZIP = Pattern.compile("[0-9]{5}([0-9]{4})?");
    private static final Pattern ZIP5 = Pattern.compile("[0-9]{5}");

    private PostalCodes() {
    }

    /** Upper case, without spaces or dashes: "h2x 1y4" -> H2X1Y4, "10001-2345" -> 100012345. */
    public static String normalize(String postalCode) {
        return postalCode == null ? "" : postalCode.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    /** The part of a service address's postal code a range of the table covers; null if it is not a valid code. */
    public static String area(String country, String postalCode) {
        String code = normalize(postalCode);
        return switch (country) {
            case "CA" -> CANADIAN.matcher(code).matches() ? code.substring(0, 3) : null;
            case "US" -> ZIP.matcher(code).matches() ? code.substring(0, 5) : null;
            default -> code.isEmpty() ? null : code;
        };
    }

    /** The code an override by full address names: the whole Canadian code, the five-digit ZIP. */
    public static String full(String country, String postalCode) {
        String code = normalize(postalCode);
        return switch (country) {
            case "CA" -> CANADIAN.matcher(code).matches() ? code : null;
            case "US" -> ZIP.matcher(code).matches() ? code.substring(0, 5) : null;
            default -> code.isEmpty() ? null : code;
        };
    }

    /** True when {@code code} is what a range bound of this country must be (A1A or 12345). */
    public static boolean isArea(String country, String code) {
        return switch (country) {
            case "CA" -> CANADIAN_AREA.matcher(code).matches();
            case "US" -> ZIP5.matcher(code).matches();
            default -> !code.isEmpty();
        };
    }

    /**
     * The province of a Canadian postal code by its first letter (Canada Post's allocation), or
     * null: not Canadian, not a postal code, or X (Northwest Territories or Nunavut, it cannot tell).
     */
    public static String province(String country, String postalCode) {
        String area = area(country, postalCode);
        if (!"CA".equals(country) || area == null) {
            return null;
        }
        return switch (area.charAt(0)) {
            case 'A' -> "NL";
            case 'B' -> "NS";
            case 'C' -> "PE";
            case 'E' -> "NB";
            case 'G', 'H', 'J' -> "QC";
            case 'K', 'L', 'M', 'N', 'P' -> "ON";
            case 'R' -> "MB";
            case 'S' -> "SK";
            case 'T' -> "AB";
            case 'V' -> "BC";
            case 'Y' -> "YT";
            default -> null;
        };
    }

    /** Orders codes of one country as numbers in base 36, so a range's width can be compared. */
    static long ordinal(String code) {
        long value = 0;
        for (char c : code.toCharArray()) {
            value = value * 36 + Character.digit(c, 36);
        }
        return value;
    }
}
