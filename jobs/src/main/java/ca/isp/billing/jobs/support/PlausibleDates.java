package ca.isp.billing.jobs.support;

import java.time.LocalDate;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.jobs.BillingProperties;

/**
 * The plausible window of each kind of input date (billing.plausible.*), counted from today:
 * what the import and the inbox steps give their file formats, which reject a line outside it.
 */
public final class PlausibleDates {

    private final BillingProperties.Plausible plausible;
    private final LocalDate today;

    public PlausibleDates(BillingProperties.Plausible plausible, LocalDate today) {
        this.plausible = plausible;
        this.today = today;
    }

    /** Usage start times, around today and the cycle being billed. */
    public DateWindow usage(LocalDate cycleDate) {
        return DateWindow.around(today, cycleDate, plausible.usageBack(), plausible.usageAhead());
    }

    /** Dates payments were received, around today and the cycle being billed. */
    public DateWindow payments(LocalDate cycleDate) {
        return DateWindow.around(today, cycleDate, plausible.paymentBack(), plausible.paymentAhead());
    }

    /** Accounts' next bill dates. */
    public DateWindow nextBillDates() {
        return DateWindow.around(today, plausible.nextBillBack(), plausible.nextBillAhead());
    }

    /** Subscriptions' start and end dates. */
    public DateWindow subscriptions() {
        return DateWindow.around(today, plausible.subscriptionBack(), plausible.subscriptionAhead());
    }

    /** Opening balances' invoice and due dates. */
    public DateWindow openingBalances() {
        return DateWindow.around(today, plausible.openingBalanceBack(), plausible.openingBalanceAhead());
    }
}
