package ca.isp.billing.demo;

import java.math.BigDecimal;

/**
 * A plan the demo ISP sells: one row of plans.csv, plus whether it is for businesses.
 * includedGb, overagePerGb and perMinute are null when empty.
 */
record DemoPlan(String code, String nameEn, String nameFr, String kind, BigDecimal monthlyPrice,
                int periodMonths, Integer includedGb, BigDecimal overagePerGb, BigDecimal perMinute,
                boolean commercial) {

    boolean internet() {
        return "INTERNET".equals(kind);
    }

    boolean capped() {
        return includedGb != null;
    }
}
