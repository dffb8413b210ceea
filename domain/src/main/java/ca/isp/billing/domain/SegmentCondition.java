package ca.isp.billing.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which invoices a message or an attachment is for, written in the operator's rules files as
 * words like {@code plan=FIBRE-500,FIBRE-1G province=QC type=BUSINESS language=fr}: every word
 * must hold (and), the values after {@code =} are alternatives (or). No word: every invoice.
 * {@code plan=} holds when any plan of the invoice is one of those named. {@code language=}
 * takes {@code en}, {@code fr} or {@code bilingual}, the account's invoice language.
 */
public record SegmentCondition(Map<String, Set<String>> values) {

    public static final Set<String> KEYS = Set.of("plan", "province", "type", "language");

    public SegmentCondition {
        values = Map.copyOf(values);
    }

    public static SegmentCondition always() {
        return new SegmentCondition(Map.of());
    }

    /** Parses the words; a key not known or a value missing is refused with the reason. */
    public static SegmentCondition parse(List<String> words) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            String key = eq < 0 ? word : word.substring(0, eq);
            if (eq < 0 || !KEYS.contains(key)) {
                throw new IllegalArgumentException("'" + word + "' is not a condition: write one of " + KEYS.stream().sorted().toList()
                        + " followed by = and values separated by commas, for example province=QC,ON");
            }
            if (values.containsKey(key)) {
                throw new IllegalArgumentException(key + "= is given twice");
            }
            Set<String> alternatives = java.util.Arrays.stream(word.substring(eq + 1).split(","))
                    .map(String::strip).filter(v -> !v.isEmpty())
                    .map(v -> v.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            if (alternatives.isEmpty()) {
                throw new IllegalArgumentException(key + "= has no value");
            }
            if (key.equals("language")) {
                for (String v : alternatives) {
                    if (!Set.of("EN", "FR", "BILINGUAL").contains(v)) {
                        throw new IllegalArgumentException("language=" + v.toLowerCase(Locale.ROOT)
                                + " is not en, fr or bilingual");
                    }
                }
            }
            values.put(key, alternatives);
        }
        return new SegmentCondition(values);
    }

    public boolean matches(InvoiceSegment segment) {
        for (Map.Entry<String, Set<String>> e : values.entrySet()) {
            Set<String> allowed = e.getValue();
            boolean holds = switch (e.getKey()) {
                case "plan" -> segment.plans().stream().anyMatch(allowed::contains);
                case "province" -> allowed.contains(segment.province());
                case "type" -> allowed.contains(segment.customerType());
                default -> allowed.contains(segment.language().name());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
