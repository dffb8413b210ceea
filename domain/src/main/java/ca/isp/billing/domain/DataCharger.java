package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Bills a subscription's data for one usage period in arrears, one line per consumption component
 * of its plan. Per component: the GB beyond the included ones cost the price of their band; a
 * period (or, metered per day, each day) with such GB costs at least the minimum; the period's sum
 * is held to the cap; the result is rounded once, half up. A component that charges nothing gives
 * no line. Decimal GB: 1 GB = 1,000,000,000 bytes, exact.
 */
public final class DataCharger {

    static final int BYTES_PER_GB_EXPONENT = 9;
    static final int GB_QUANTITY_DECIMALS = 3;

    /** The lines of the subscription's data for the period, in the tariff's component order. */
    public List<InvoiceLine> charge(String subscriptionId, DataTariff tariff, BillingPeriod usagePeriod,
                                    DailyBytes usage, Language language) {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(language, "language");
        List<InvoiceLine> lines = new ArrayList<>();
        for (ConsumptionComponent component : tariff.components()) {
            DataCharge charge = rate(component, usagePeriod, usage);
            if (!charge.isZero()) {
                lines.add(line(subscriptionId, tariff.planCode(), charge, language));
            }
        }
        return lines;
    }

    /** What one component charges for the period's usage; every day of the usage must be in the period. */
    public DataCharge rate(ConsumptionComponent component, BillingPeriod period, DailyBytes usage) {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(period, "period");
        for (LocalDate day : usage.byDay().keySet()) {
            if (!period.contains(day)) {
                throw new IllegalArgumentException("data of " + day + " is not in the usage period " + period.start()
                        + ".." + period.lastDay());
            }
        }
        BigInteger bytes = usage.total();
        BigDecimal usedGb = gb(bytes);
        BigDecimal exact = BigDecimal.ZERO;
        BigDecimal billableGb = BigDecimal.ZERO;
        int daysUsed = 0;
        int raised = 0;
        if (component.metering() == DataMetering.PER_DAY) {
            for (Map.Entry<LocalDate, BigInteger> day : usage.byDay().entrySet()) {
                if (day.getValue().signum() == 0) {
                    continue;
                }
                daysUsed++;
                BigDecimal dayGb = gb(day.getValue());
                BigDecimal dayBillable = component.billableGb(dayGb);
                BigDecimal dayPrice = component.price(dayGb);
                if (atMinimum(component, dayBillable, dayPrice)) {
                    dayPrice = component.minimum();
                    raised++;
                }
                billableGb = billableGb.add(dayBillable);
                exact = exact.add(dayPrice);
            }
        } else {
            daysUsed = (int) usage.byDay().values().stream().filter(b -> b.signum() > 0).count();
            billableGb = component.billableGb(usedGb);
            exact = component.price(usedGb);
            if (atMinimum(component, billableGb, exact)) {
                exact = component.minimum();
                raised = 1;
            }
        }
        boolean capped = component.cap() != null && exact.compareTo(component.cap()) > 0;
        if (capped) {
            exact = component.cap();
        }
        return new DataCharge(component, period, bytes, usedGb, billableGb, daysUsed, raised, capped, exact,
                Money.round(exact));
    }

    /** The minimum holds only where some GB are beyond the included ones. */
    private static boolean atMinimum(ConsumptionComponent component, BigDecimal billableGb, BigDecimal price) {
        return component.minimum() != null && billableGb.signum() > 0 && price.compareTo(component.minimum()) < 0;
    }

    private static InvoiceLine line(String subscriptionId, String planCode, DataCharge charge, Language language) {
        ConsumptionComponent component = charge.component();
        BillingPeriod period = charge.period();
        // a unit price only where quantity x price is the charge before rounding
        BigDecimal unitPrice = charge.raisedToMinimum() == 0 && !charge.capped() ? component.singlePricePerGb() : null;
        return new InvoiceLine(LineType.USAGE,
                "USAGE:DATA:" + subscriptionId + ":" + component.code() + ":" + period.start(),
                UsageWording.dataDescription(charge, language), UsageWording.dataReason(planCode, charge),
                period.start(), period.lastDay(),
                charge.billableGb().setScale(GB_QUANTITY_DECIMALS, RoundingMode.HALF_UP), "GB", unitPrice,
                charge.amount());
    }

    static BigDecimal gb(BigInteger bytes) {
        return new BigDecimal(bytes).movePointLeft(BYTES_PER_GB_EXPONENT);
    }
}
