package ca.isp.billing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Finds the price of one call in a rate table:
 * <ol>
 * <li>a call not answered is not billed;</li>
 * <li>the destination is compared as digits ("+1 514-555-0100" is 15145550100);</li>
 * <li>among the rates in effect on the day the call starts, the longest prefix of the destination
 * wins;</li>
 * <li>at that prefix, the rate of the band the call starts in, or else the prefix's {@code ANY}
 * rate; with neither the call is a rating gap: a shorter prefix is never used instead, so a
 * destination priced by band is never billed at a general rate by mistake;</li>
 * <li>no prefix at all: a rating gap, never a call at zero.</li>
 * </ol>
 * The billed seconds are the talk time counted in the rate's increments.
 */
public final class CallRater {

    private CallRater() {
    }

    /** Rates the call with {@code table}; a null table (the plan has none) makes every answered call a gap. */
    public static CallRating rate(Call call, RateTable table) {
        if (!call.answered()) {
            return new UnbilledCall(call, "not answered");
        }
        if (table == null) {
            return new RatingGap(call, "no rate table");
        }
        String digits = digits(call.destination());
        if (digits == null) {
            return new RatingGap(call, "destination '" + call.destination() + "' is not a phone number");
        }
        LocalDate day = call.start().toLocalDate();
        Optional<BandWindow> window = table.bands().at(call.start());
        String band = window.map(BandWindow::band).orElse(null);
        for (int length = Math.min(digits.length(), table.longestPrefix()); length > 0; length--) {
            String prefix = digits.substring(0, length);
            List<VoiceRate> rates = table.ratesOn(prefix, day);
            if (rates.isEmpty()) {
                continue;
            }
            VoiceRate rate = pick(rates, band);
            if (rate == null) {
                return new RatingGap(call, "table " + table.code() + ", prefix " + prefix + " has no rate for band "
                        + (band == null ? "(none)" : band) + " or " + VoiceRate.ANY + " on " + day);
            }
            return new RatedCall(call, rate, band, rate.increment().billedSeconds(call.talkSeconds()));
        }
        return new RatingGap(call, "no rate in table " + table.code() + " for " + digits + " on " + day);
    }

    private static VoiceRate pick(List<VoiceRate> rates, String band) {
        VoiceRate any = null;
        for (VoiceRate rate : rates) {
            if (rate.band().equals(band)) {
                return rate;
            }
            if (rate.band().equals(VoiceRate.ANY)) {
                any = rate;
            }
        }
        return any;
    }

    /** The digits of a number as dialled, without '+', spaces, dashes, dots or brackets; null if anything else. */
    static String digits(String number) {
        if (number == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!(c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || (c == '+' && digits.isEmpty()))) {
                return null;
            }
        }
        return digits.isEmpty() ? null : digits.toString();
    }
}
