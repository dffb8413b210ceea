package ca.isp.billing.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a plan prices data: its consumption components, each billed as its own line. No component:
 * data is not billed by use (unlimited).
 */
public record DataTariff(String planCode, List<ConsumptionComponent> components) {

    public DataTariff {
        if (planCode == null || planCode.isBlank()) {
            throw new IllegalArgumentException("plan code is required");
        }
        components = List.copyOf(components);
        Set<String> codes = new HashSet<>();
        for (ConsumptionComponent component : components) {
            if (!codes.add(component.code())) {
                throw new IllegalArgumentException("plan " + planCode + ": component " + component.code() + " given twice");
            }
        }
    }

    /**
     * A plan of today's price list: its included GB and overage per GB as one fixed component
     * named "Data"; unlimited (no included GB) has none. Bills what {@link UsageCharger} bills.
     */
    public static DataTariff of(Plan plan) {
        if (plan.includedGb() == null) {
            return new DataTariff(plan.code(), List.of());
        }
        return new DataTariff(plan.code(), List.of(ConsumptionComponent.fixed("DATA", "Data", "Données",
                plan.includedGb(), plan.overagePerGb())));
    }
}
