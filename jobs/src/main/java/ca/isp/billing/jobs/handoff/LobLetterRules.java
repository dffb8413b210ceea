package ca.isp.billing.jobs.handoff;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import ca.isp.billing.domain.Address;
import ca.isp.billing.writers.PdfPages;

/**
 * What Lob refuses in a letter (its API reference and letter specification), checked before
 * sending: a letter Lob would refuse is a person's job (ATTENTION, with the reason), not a
 * request that comes back 422. Domestic means to the US; Lob mails anything else from the US as
 * international mail.
 */
final class LobLetterRules {

    /** A #10 envelope takes 6 sheets, a flat one 60; international mail only the #10. */
    static final int DOMESTIC_SHEETS = 60;
    static final int INTERNATIONAL_SHEETS = 6;
    static final int NAME_LENGTH = 40;
    /** Each address line; address_line1 and address_line2 together at most 50 (address_length_exceeds_limit). */
    static final int LINE_LENGTH = 64;
    static final int LINES_TOGETHER = 50;
    static final int CITY_LENGTH = 200;
    private static final Pattern US_STATE = Pattern.compile("[A-Z]{2}");
    private static final Pattern US_ZIP = Pattern.compile("\\d{5}(-\\d{4})?");

    private LobLetterRules() {
    }

    /** Why Lob would refuse this letter, or empty when it would take it. */
    static Optional<String> refusal(String name, Address to, List<PdfPages.Size> pages, boolean doubleSided) {
        boolean domestic = "US".equals(to.country());
        for (int i = 0; i < pages.size(); i++) {
            if (!pages.get(i).isUsLetter()) {
                return reason("page " + (i + 1) + " is " + pages.get(i) + ", Lob prints letters on 8.5x11in pages only");
            }
        }
        int sheets = doubleSided ? (pages.size() + 1) / 2 : pages.size();
        int maxSheets = domestic ? DOMESTIC_SHEETS : INTERNATIONAL_SHEETS;
        if (pages.isEmpty() || sheets > maxSheets) {
            return reason(pages.size() + " pages make " + sheets + " sheets, Lob mails at most " + maxSheets
                    + " sheets " + (domestic ? "in the US" : "abroad") + (doubleSided ? " (double-sided)" : " (single-sided)"));
        }
        if (name == null || name.isBlank()) {
            return reason("the recipient has no name");
        }
        if (name.length() > NAME_LENGTH) {
            return reason("the recipient's name has " + name.length() + " characters, Lob takes at most " + NAME_LENGTH);
        }
        String line1 = nullToEmpty(to.line1());
        String line2 = nullToEmpty(to.line2());
        if (line1.isBlank()) {
            return reason("the address has no first line");
        }
        if (line1.length() > LINE_LENGTH || line2.length() > LINE_LENGTH) {
            return reason("an address line is longer than " + LINE_LENGTH + " characters");
        }
        if (line1.length() + line2.length() > LINES_TOGETHER) {
            return reason("address lines 1 and 2 have " + (line1.length() + line2.length())
                    + " characters together, Lob takes at most " + LINES_TOGETHER);
        }
        if (nullToEmpty(to.city()).isBlank() || to.city().length() > CITY_LENGTH) {
            return reason("the city is missing or longer than " + CITY_LENGTH + " characters");
        }
        if (domestic && !US_STATE.matcher(nullToEmpty(to.region())).matches()) {
            return reason("the state \"" + to.region() + "\" is not a two-letter US state code");
        }
        if (domestic && !US_ZIP.matcher(nullToEmpty(to.postalCode())).matches()) {
            return reason("the ZIP code \"" + to.postalCode() + "\" is not a US ZIP code (12345 or 12345-6789)");
        }
        return Optional.empty();
    }

    private static Optional<String> reason(String why) {
        return Optional.of("Lob would refuse this letter: " + why);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
