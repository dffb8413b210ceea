package ca.isp.billing.archfixture.good.domain;

import java.math.BigDecimal;

/** Plain Java only. */
public record Tariff(String plan, BigDecimal monthly) {
}
