package ca.isp.billing.archfixture.good.readers;

import ca.isp.billing.archfixture.good.domain.Tariff;

/** A reader may use the domain. */
public record UsageLine(String account, Tariff tariff) {
}
