package ca.isp.billing.jobs.collections;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.LineType;
import ca.isp.billing.domain.PenaltyClass;
import ca.isp.billing.domain.PenaltyMethod;

/**
 * The imported penalty classes by code, and the company default for accounts without one: the
 * class named by billing.late-fee.default-class when imported, otherwise the flat fee of
 * billing.late-fee.* (the late fee as it was before classes existed).
 */
public final class PenaltyClasses {

    private final Map<String, PenaltyClass> byCode;
    private final PenaltyClass companyDefault;

    public PenaltyClasses(Map<String, PenaltyClass> byCode, PenaltyClass companyDefault) {
        this.byCode = Map.copyOf(byCode);
        this.companyDefault = companyDefault;
    }

    public static PenaltyClasses load(JdbcTemplate jdbc, String defaultCode, PenaltyClass flatDefault) {
        Map<String, PenaltyClass> byCode = new HashMap<>();
        jdbc.query("""
                SELECT code, method, percent_rate, flat_fee, minimum_fee, maximum_fee, grace_days, minimum_overdue,
                    penalised_kinds, each_period FROM penalty_class""", rs -> {
            byCode.put(rs.getString(1), new PenaltyClass(rs.getString(1), PenaltyMethod.valueOf(rs.getString(2)),
                    rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7),
                    rs.getBigDecimal(8), kinds(rs.getString(9)), rs.getBoolean(10)));
        });
        PenaltyClass fallback = defaultCode == null || defaultCode.isBlank()
                ? flatDefault : byCode.getOrDefault(defaultCode, flatDefault);
        return new PenaltyClasses(byCode, fallback);
    }

    /** The account's class; null or a code no longer known gives the company default. */
    public PenaltyClass forAccount(String code) {
        return code == null ? companyDefault : byCode.getOrDefault(code, companyDefault);
    }

    /** The alias stored for {@link PenaltyClass#CHARGES}. */
    public static final String CHARGES = "CHARGES";

    /**
     * Stored as RECURRING|USAGE, or CHARGES, expanded here to what it means today: a line kind
     * added later (DISCOUNT was) is a charge without the classes imported again (V31).
     */
    public static Set<LineType> kinds(String stored) {
        if (stored.trim().equals(CHARGES)) {
            return EnumSet.copyOf(PenaltyClass.CHARGES);
        }
        return Arrays.stream(stored.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).map(LineType::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(LineType.class)));
    }

    public static String stored(Set<LineType> kinds) {
        if (kinds.equals(PenaltyClass.CHARGES)) {
            return CHARGES;
        }
        return EnumSet.copyOf(kinds).stream().map(Enum::name).collect(Collectors.joining("|"));
    }
}
