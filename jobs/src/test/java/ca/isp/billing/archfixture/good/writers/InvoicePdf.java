package ca.isp.billing.archfixture.good.writers;

import ca.isp.billing.archfixture.good.domain.Tariff;

/** A writer may use the domain. */
public class InvoicePdf {
    public String render(Tariff tariff) {
        return tariff.plan();
    }
}
