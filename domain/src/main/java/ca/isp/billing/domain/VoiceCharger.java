package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Bills a subscription's calls for one usage period in arrears. Calls are taken in the order they
 * were made (start, then call id); each is rated ({@link CallRater}); a rated call whose rate draws
 * on included minutes uses what is left of them first. A call wholly included costs nothing; any
 * other costs the rate's connection fee + its charged seconds at the price per minute, at least
 * the minimum charge, rounded once to the cent. A line per time band adds the amounts of its calls
 * (lines that add up to 0.00 are left out, as today). Unanswered calls cost nothing; rating gaps
 * are returned, never billed.
 */
public final class VoiceCharger {

    private static final Comparator<Call> CALL_ORDER = Comparator.comparing(Call::start).thenComparing(Call::callId);
    /** The line key's name for calls in no time band. */
    static final String NO_BAND = VoiceRate.ANY;

    /** The period's calls with the plan's whole allowance. */
    public VoiceCharges charge(String subscriptionId, VoiceTariff tariff, RateTable table, BillingPeriod period,
                               List<Call> calls, Language language) {
        if (table != null && !table.code().equals(tariff.rateTable())) {
            throw new IllegalArgumentException("plan " + tariff.planCode() + " rates calls with table "
                    + tariff.rateTable() + ", not " + table.code());
        }
        return charge(subscriptionId, tariff.planCode(), table, period, calls, tariff.allowance(), language);
    }

    /**
     * The calls with what is {@code left} of the included minutes: charging a period's calls in
     * several goes, each with what the previous left, gives the same amounts as all at once,
     * provided every call of a go was made after those of the goes before.
     */
    public VoiceCharges charge(String subscriptionId, String planCode, RateTable table, BillingPeriod period,
                               List<Call> calls, IncludedMinutes left, Language language) {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(language, "language");
        List<Call> ordered = new ArrayList<>(calls);
        ordered.sort(CALL_ORDER);
        List<CallCharge> charges = new ArrayList<>();
        List<RatingGap> gaps = new ArrayList<>();
        List<UnbilledCall> unbilled = new ArrayList<>();
        IncludedMinutes allowance = left;
        for (Call call : ordered) {
            if (!period.contains(call.start().toLocalDate())) {
                throw new IllegalArgumentException("call " + call.callId() + " of " + call.start()
                        + " is not in the usage period " + period.start() + ".." + period.lastDay());
            }
            CallRating rating = CallRater.rate(call, table);
            if (rating instanceof RatedCall rated) {
                CallCharge charge = price(rated, allowance);
                allowance = allowance.use(charge.includedSeconds());
                charges.add(charge);
            } else if (rating instanceof RatingGap gap) {
                gaps.add(gap);
            } else {
                unbilled.add((UnbilledCall) rating);
            }
        }
        return new VoiceCharges(charges, gaps, unbilled, allowance,
                lines(subscriptionId, planCode, table, period, charges, language));
    }

    /** One call against what is left of the included minutes. */
    static CallCharge price(RatedCall rated, IncludedMinutes left) {
        long billed = rated.billedSeconds();
        long included = rated.rate().usesIncluded() ? Math.min(billed, left.leftSeconds()) : 0;
        long charged = billed - included;
        if (included > 0 && charged == 0) {
            return new CallCharge(rated, included, 0, Money.ZERO); // wholly included: no fee, no minimum
        }
        return new CallCharge(rated, included, charged, rated.rate().charge(charged));
    }

    private static List<InvoiceLine> lines(String subscriptionId, String planCode, RateTable table,
                                           BillingPeriod period, List<CallCharge> charges, Language language) {
        Map<String, List<CallCharge>> byBand = new LinkedHashMap<>();
        byBand.put(NO_BAND, new ArrayList<>());
        if (table != null) {
            for (String band : table.bands().codes()) {
                byBand.put(band, new ArrayList<>());
            }
        }
        for (CallCharge charge : charges) {
            byBand.get(charge.rated().band() == null ? NO_BAND : charge.rated().band()).add(charge);
        }
        List<InvoiceLine> lines = new ArrayList<>();
        for (Map.Entry<String, List<CallCharge>> band : byBand.entrySet()) {
            List<CallCharge> calls = band.getValue();
            BigDecimal amount = Money.sum(calls.stream().map(CallCharge::amount).toList());
            if (amount.signum() == 0) {
                continue;
            }
            String bandName = band.getKey().equals(NO_BAND) ? null : table.bands().name(band.getKey(), language);
            UsageWording.Calls summary = UsageWording.Calls.of(calls);
            lines.add(new InvoiceLine(LineType.USAGE,
                    "USAGE:VOICE:" + subscriptionId + ":" + band.getKey() + ":" + period.start(),
                    UsageWording.voiceDescription(bandName, summary, language),
                    UsageWording.voiceReason(planCode, table.code(), band.getKey(), period, summary, amount),
                    period.start(), period.lastDay(), summary.billedMinutes(), "min", null, amount));
        }
        return lines;
    }
}
