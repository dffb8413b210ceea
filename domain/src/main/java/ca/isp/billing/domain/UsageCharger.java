package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Bills a subscription's usage in arrears: data over the plan's allowance, and calls on per-minute plans. */
public final class UsageCharger {

    /** Decimal gigabytes, as ISPs sell them: 1 GB = 1,000,000,000 bytes. */
    private static final int BYTES_PER_GB_EXPONENT = 9;
    private static final int GB_DISPLAY_DECIMALS = 3;

    public List<InvoiceLine> charge(Subscription subscription, Plan plan, BillingPeriod usagePeriod,
                                    long dataBytes, long voiceMinutes, Language language) {
        return charge(subscription, plan, usagePeriod, BigInteger.valueOf(dataBytes), BigInteger.valueOf(voiceMinutes),
                language);
    }

    /** The same with exact totals: a month's bytes summed over many records can pass what a long holds. */
    public List<InvoiceLine> charge(Subscription subscription, Plan plan, BillingPeriod usagePeriod,
                                    BigInteger dataBytes, BigInteger voiceMinutes, Language language) {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(usagePeriod, "usagePeriod");
        Objects.requireNonNull(language, "language");
        if (!plan.code().equals(subscription.planCode())) {
            throw new IllegalArgumentException("subscription " + subscription.subscriptionId() + " is on plan "
                    + subscription.planCode() + ", not " + plan.code());
        }
        if (dataBytes.signum() < 0 || voiceMinutes.signum() < 0) {
            throw new IllegalArgumentException("subscription " + subscription.subscriptionId()
                    + ": negative usage (" + dataBytes + " bytes, " + voiceMinutes + " minutes)");
        }
        List<InvoiceLine> lines = new ArrayList<>(2);
        InvoiceLine data = dataLine(subscription, plan, usagePeriod, dataBytes, language);
        if (data != null) {
            lines.add(data);
        }
        InvoiceLine voice = voiceLine(subscription, plan, usagePeriod, voiceMinutes, language);
        if (voice != null) {
            lines.add(voice);
        }
        return lines;
    }

    private InvoiceLine dataLine(Subscription subscription, Plan plan, BillingPeriod period, BigInteger dataBytes,
                                 Language language) {
        if (plan.includedGb() == null) {
            return null; // unlimited
        }
        BigDecimal usedGb = new BigDecimal(dataBytes).movePointLeft(BYTES_PER_GB_EXPONENT);
        if (usedGb.compareTo(plan.includedGb()) <= 0) {
            return null;
        }
        BigDecimal overGb = usedGb.subtract(plan.includedGb());
        BigDecimal amount = Money.round(overGb.multiply(plan.overagePerGb()));
        if (amount.signum() == 0) {
            return null; // a plan whose overage is free, or a few bytes over: usage lines of 0.00 are left out
        }
        String used = LocalNumbers.format(usedGb, GB_DISPLAY_DECIMALS, language);
        String included = LocalNumbers.format(plan.includedGb(), GB_DISPLAY_DECIMALS, language);
        String description = language == Language.FR
                ? "Données hors forfait : " + used + " Go utilisés, " + included + " Go inclus"
                : "Data over allowance: " + used + " GB used, " + included + " GB included";
        String reason = "Plan " + plan.code() + " includes " + plan.includedGb().toPlainString() + " GB; "
                + dataBytes + " bytes used " + period.start() + ".." + period.lastDay() + " = "
                + usedGb.stripTrailingZeros().toPlainString() + " GB, " + overGb.stripTrailingZeros().toPlainString()
                + " GB over at " + plan.overagePerGb().toPlainString() + "/GB = " + amount;
        return new InvoiceLine(LineType.USAGE, "USAGE:DATA:" + subscription.subscriptionId() + ":" + period.start(),
                description, reason, period.start(), period.lastDay(),
                overGb.setScale(GB_DISPLAY_DECIMALS, RoundingMode.HALF_UP), "GB", plan.overagePerGb(), amount);
    }

    private InvoiceLine voiceLine(Subscription subscription, Plan plan, BillingPeriod period, BigInteger minutes,
                                  Language language) {
        if (plan.perMinute() == null || minutes.signum() == 0) {
            return null; // calls included, or no calls
        }
        BigDecimal amount = Money.round(plan.perMinute().multiply(new BigDecimal(minutes)));
        if (amount.signum() == 0) {
            return null; // free calls: usage lines of 0.00 are left out
        }
        String count = LocalNumbers.format(new BigDecimal(minutes), 0, language)
                + (minutes.equals(BigInteger.ONE) ? " minute" : " minutes");
        String description = language == Language.FR ? "Appels : " + count : "Calls: " + count;
        String reason = "Plan " + plan.code() + " charges calls per started minute: " + minutes + " minutes "
                + period.start() + ".." + period.lastDay() + " at " + plan.perMinute().toPlainString()
                + "/min = " + amount;
        return new InvoiceLine(LineType.USAGE, "USAGE:VOICE:" + subscription.subscriptionId() + ":" + period.start(),
                description, reason, period.start(), period.lastDay(),
                new BigDecimal(minutes), "min", plan.perMinute(), amount);
    }
}
