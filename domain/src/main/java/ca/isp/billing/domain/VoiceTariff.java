package ca.isp.billing.domain;

/**
 * How a plan prices calls: the rate table its calls are rated with, and the minutes it includes
 * each usage period (for calls whose rate draws on them).
 */
public record VoiceTariff(String planCode, String rateTable, long includedMinutes) {

    public VoiceTariff {
        if (planCode == null || planCode.isBlank()) {
            throw new IllegalArgumentException("plan code is required");
        }
        if (includedMinutes < 0) {
            throw new IllegalArgumentException("plan " + planCode + ": negative included minutes " + includedMinutes);
        }
    }

    public IncludedMinutes allowance() {
        return IncludedMinutes.of(includedMinutes);
    }
}
