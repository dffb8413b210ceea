package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of usage lines: a description for the customer in the account's language (GB used
 * and included, calls and minutes by band), a reason in English for operators with the
 * arithmetic. Sized for the columns that store them.
 */
final class UsageWording {

    private static final int GB_DECIMALS = DataCharger.GB_QUANTITY_DECIMALS;

    private UsageWording() {
    }

    /** "Data: 312.456 GB used, 250 GB included" / "Données : 312,456 Go utilisés, 250 Go inclus". */
    static String dataDescription(DataCharge charge, Language language) {
        ConsumptionComponent component = charge.component();
        boolean fr = language == Language.FR;
        boolean perDay = component.metering() == DataMetering.PER_DAY;
        StringBuilder text = new StringBuilder(component.name(language)).append(fr ? " : " : ": ")
                .append(LocalNumbers.format(charge.usedGb(), GB_DECIMALS, language))
                .append(fr ? " Go utilisés" : " GB used");
        if (perDay) {
            text.append(fr ? " sur " : " on ").append(days(charge.daysUsed(), language));
        }
        if (component.includedGb().signum() > 0) {
            text.append(", ").append(LocalNumbers.format(component.includedGb(), GB_DECIMALS, language))
                    .append(fr ? " Go inclus" : " GB included").append(perDay ? (fr ? " par jour" : " a day") : "");
        }
        if (charge.raisedToMinimum() > 0) {
            text.append(fr ? ", montant minimum" : ", minimum charge");
            if (perDay) {
                text.append(fr ? " sur " : " on ").append(days(charge.raisedToMinimum(), language));
            }
        }
        if (charge.capped()) {
            text.append(fr ? ", plafonné" : ", capped");
        }
        return RecurringWording.fit(text.toString(), RecurringWording.MAX_DESCRIPTION);
    }

    /**
     * "Plan FIBRE-250, component DATA: 312456000000 bytes 2026-10-01..2026-10-31 = 312.456 GB;
     * 62.456 GB x 1.50 = 93.684 -> 93.68".
     */
    static String dataReason(String planCode, DataCharge charge) {
        ConsumptionComponent component = charge.component();
        boolean perDay = component.metering() == DataMetering.PER_DAY;
        StringBuilder text = new StringBuilder("Plan ").append(planCode).append(", component ").append(component.code())
                .append(perDay ? " (per day)" : "").append(": ").append(charge.bytes()).append(" bytes ")
                .append(charge.period().start()).append("..").append(charge.period().lastDay()).append(" = ")
                .append(plain(charge.usedGb())).append(" GB");
        if (perDay) {
            text.append(" on ").append(charge.daysUsed()).append(charge.daysUsed() == 1 ? " day" : " days")
                    .append("; each day's GB beyond ").append(plain(component.includedGb())).append(" at ")
                    .append(bands(component)).append(": ").append(plain(charge.billableGb())).append(" GB");
            if (charge.raisedToMinimum() > 0) {
                text.append(", ").append(charge.raisedToMinimum()).append(charge.raisedToMinimum() == 1 ? " day" : " days")
                        .append(" raised to the minimum ").append(component.minimum());
            }
        } else {
            text.append("; ").append(bandTerms(component, charge.usedGb()));
            if (charge.raisedToMinimum() > 0) {
                text.append(", raised to the minimum ").append(component.minimum());
            }
        }
        if (charge.capped()) {
            text.append(", capped at ").append(component.cap());
        }
        text.append(" = ").append(plain(charge.exact())).append(" -> ").append(charge.amount());
        return RecurringWording.fit(text.toString(), RecurringWording.MAX_REASON);
    }

    /** "62.456 GB x 1.50" or "100 GB x 2.00 + 12.456 GB x 1.00", or "none beyond 250 GB". */
    private static String bandTerms(ConsumptionComponent component, BigDecimal usedGb) {
        List<String> terms = new ArrayList<>();
        List<GbBand> bands = component.bands();
        for (int i = 0; i < bands.size() && usedGb.compareTo(bands.get(i).fromGb()) > 0; i++) {
            BigDecimal to = i + 1 < bands.size() ? bands.get(i + 1).fromGb().min(usedGb) : usedGb;
            terms.add(plain(to.subtract(bands.get(i).fromGb())) + " GB x " + bands.get(i).pricePerGb().toPlainString());
        }
        return terms.isEmpty() ? "none beyond " + plain(component.includedGb()) + " GB" : String.join(" + ", terms);
    }

    /** "2.00/GB" or "from 1 GB 2.00/GB, from 5 GB 1.00/GB". */
    private static String bands(ConsumptionComponent component) {
        if (component.bands().size() == 1) {
            return component.bands().get(0).pricePerGb().toPlainString() + "/GB";
        }
        List<String> parts = new ArrayList<>();
        for (GbBand band : component.bands()) {
            parts.add("from " + plain(band.fromGb()) + " GB " + band.pricePerGb().toPlainString() + "/GB");
        }
        return String.join(", ", parts);
    }

    /** The calls of one line: how many, and their seconds billed, included and charged. */
    record Calls(int count, long billedSeconds, long includedSeconds, long chargedSeconds) {

        static Calls of(List<CallCharge> charges) {
            long billed = 0;
            long included = 0;
            long charged = 0;
            for (CallCharge charge : charges) {
                billed += charge.rated().billedSeconds();
                included += charge.includedSeconds();
                charged += charge.chargedSeconds();
            }
            return new Calls(charges.size(), billed, included, charged);
        }

        /** The line's quantity: minutes billed, to 4 decimals (a display value). */
        BigDecimal billedMinutes() {
            return BigDecimal.valueOf(billedSeconds).divide(BigDecimal.valueOf(60), 4, java.math.RoundingMode.HALF_UP);
        }
    }

    /** "Calls (Evening): 12 calls, 34 min 6 s, 20 min included" / "Appels (Soir) : 12 appels, 34 min 6 s, dont 20 min incluses". */
    static String voiceDescription(String bandName, Calls calls, Language language) {
        boolean fr = language == Language.FR;
        StringBuilder text = new StringBuilder(fr ? "Appels" : "Calls");
        if (bandName != null) {
            text.append(" (").append(bandName).append(')');
        }
        text.append(fr ? " : " : ": ").append(LocalNumbers.format(BigDecimal.valueOf(calls.count()), 0, language))
                .append(fr ? (calls.count() == 1 ? " appel" : " appels") : (calls.count() == 1 ? " call" : " calls"))
                .append(", ").append(duration(calls.billedSeconds(), language));
        if (calls.includedSeconds() > 0) {
            text.append(fr ? ", dont " : ", ").append(duration(calls.includedSeconds(), language))
                    .append(fr ? " incluses" : " included");
        }
        return RecurringWording.fit(text.toString(), RecurringWording.MAX_DESCRIPTION);
    }

    /**
     * "Plan VOIP, table RES, band EVENING, calls 2026-10-01..2026-10-31: 12 calls, 2046 s billed in
     * the rates' increments, 1200 s included, 846 s charged; the calls' amounts, each rounded to the
     * cent, add up to 12.34".
     */
    static String voiceReason(String planCode, String tableCode, String band, BillingPeriod period, Calls calls,
                              BigDecimal amount) {
        return RecurringWording.fit("Plan " + planCode + ", table " + tableCode + ", band " + band + ", calls "
                + period.start() + ".." + period.lastDay() + ": " + calls.count() + (calls.count() == 1 ? " call, " : " calls, ")
                + calls.billedSeconds() + " s billed in the rates' increments, " + calls.includedSeconds()
                + " s included, " + calls.chargedSeconds() + " s charged; the calls' amounts, each rounded to the cent,"
                + " add up to " + amount, RecurringWording.MAX_REASON);
    }

    /** "34 min 6 s", "34 min", "6 s" (minutes grouped as the language writes them). */
    private static String duration(long seconds, Language language) {
        long minutes = seconds / 60;
        long rest = seconds % 60;
        if (minutes == 0) {
            return rest + " s";
        }
        String text = LocalNumbers.format(BigDecimal.valueOf(minutes), 0, language) + " min";
        return rest == 0 ? text : text + " " + rest + " s";
    }

    private static String days(int count, Language language) {
        if (language == Language.FR) {
            return count + (count == 1 ? " jour" : " jours");
        }
        return count + (count == 1 ? " day" : " days");
    }

    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
