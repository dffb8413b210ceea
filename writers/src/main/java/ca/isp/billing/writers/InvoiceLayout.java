package ca.isp.billing.writers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An invoice layout file ({@code templates/invoice/layout_<lang>.txt}, described in
 * templates/README.md) as read: fonts, styles, what is drawn where on the first page, the
 * following pages and the last one (the remittance slip), the table of charges and the rows
 * of totals that flow under it. Positions are in inches from the top left of the page.
 * A mistake is refused with the file, the line and the reason.
 */
public record InvoiceLayout(Path file, Map<String, String> fonts, Map<String, Style> styles, List<Item> items,
                            Table table, List<Column> columns, String emptyTable, Totals totals, List<Row> rows) {

    /** Where an item is drawn: the first page, every following page, the last page, or every page. */
    public enum Where { FIRST, NEXT, LAST, ALL }

    public record Style(String font, float size, float[] rgb) {
    }

    /**
     * Something drawn at a fixed place: text, a block of lines, a rectangle, a rule, the logo.
     * {@code french}: its values are the French column's of a bilingual invoice ({@code lang=fr}).
     */
    public record Item(int line, Where where, String kind, double x, double y, double w, double h, String style,
                       String align, List<String> texts, float[] rgb, float width, String when, boolean french) {

        /** Static items are drawn once per run into the page's background. */
        public boolean isStatic() {
            return when == null && texts.stream().noneMatch(InvoiceLayout::perInvoice);
        }
    }

    public record Table(double top, double nextTop, double bottom, double slipTop, double rowHeight,
                        String headerStyle, float[] ruleRgb) {
    }

    public record Column(double x, double width, String style, String align, String header, String value,
                         boolean french) {
    }

    public record Totals(double labelX, double amountX, double rowHeight) {
    }

    /**
     * A row under the table: a total, one per element of a list, a gap or a note. {@code beside}: drawn
     * on the line of the row before it (the other language's column of a bilingual invoice);
     * {@code amountX}: where its amount ends, NaN for the totals' place.
     */
    public record Row(int line, String kind, String each, String when, String style, double x, String label,
                      String value, float[] ruleRgb, float ruleWidth, double height, boolean french, boolean beside,
                      double amountX) {
    }

    static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-zA-Z]+)(?:\\.([a-zA-Z]+))?}");
    static final Set<String> CONDITIONS = Set.of("nothing-due", "service-period", "several-pages",
            "payments-listed", "payments-counted", "message", "taxes-shown", "messages", "final-bill",
            "usage-summary");
    static final Set<String> LISTS = Set.of("taxes", "payments", "opening-balances", "write-offs",
            "returned-payments", "recoveries", "other-adjustments", "messages", "usage-data", "usage-data-unlimited",
            "usage-calls");
    private static final Pattern TOKEN = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)");

    static boolean perInvoice(String text) {
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals("company")) {
                return true;
            }
        }
        return false;
    }

    public static InvoiceLayout read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("layout " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> fonts = new LinkedHashMap<>();
        Map<String, Style> styles = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Table table = null;
        Totals totals = null;
        String empty = "";
        for (int n = 1; n <= lines.size(); n++) {
            String raw = lines.get(n - 1).strip();
            if (raw.isEmpty() || raw.startsWith("#")) {
                continue;
            }
            try {
                Line l = Line.of(raw);
                switch (l.word(0)) {
                    case "font" -> fonts.put(l.word(1), l.word(2));
                    case "style" -> {
                        if (!fonts.containsKey(l.word(2))) {
                            throw new IllegalArgumentException("unknown font '" + l.word(2) + "'");
                        }
                        styles.put(l.word(1), new Style(l.word(2), (float) l.number(3), rgb(l.word(4))));
                    }
                    case "text" -> items.add(new Item(n, where(l.word(1)), "text", l.number(2), l.number(3), 0, 0,
                            style(styles, l.word(4)), align(l.word(5)), List.of(checked(l.word(6))), null, 0, l.option("when"), french(l)));
                    case "block" -> {
                        List<String> texts = new ArrayList<>();
                        for (int i = 6; i < l.size(); i++) {
                            texts.add(checked(l.word(i)));
                        }
                        String width = l.option("width");
                        items.add(new Item(n, where(l.word(1)), "block", l.number(2), l.number(3),
                                width == null ? 0 : Double.parseDouble(width), l.number(5),
                                style(styles, l.word(4)), "left", texts, null, 0, l.option("when"), french(l)));
                    }
                    case "fill" -> items.add(new Item(n, where(l.word(1)), "fill", l.number(2), l.number(3), l.number(4),
                            l.number(5), null, null, List.of(), rgb(l.word(6)), 0, null, false));
                    case "box" -> items.add(new Item(n, where(l.word(1)), "box", l.number(2), l.number(3), l.number(4),
                            l.number(5), null, null, List.of(), rgb(l.word(6)), (float) l.number(7), null, false));
                    case "rule", "dashed" -> items.add(new Item(n, where(l.word(1)), l.word(0), l.number(2), l.number(3),
                            l.number(4), 0, null, null, List.of(), rgb(l.word(5)), (float) l.number(6), null, false));
                    case "logo" -> items.add(new Item(n, where(l.word(1)), "logo", l.number(2), l.number(3), l.number(4),
                            l.number(5), null, null, List.of(), null, 0, null, false));
                    case "table" -> table = new Table(l.number(1), l.number(2), l.number(3), l.number(4), l.number(5),
                            style(styles, l.word(6)), rgb(l.word(7)));
                    case "column" -> columns.add(new Column(l.number(1), l.number(2), style(styles, l.word(3)),
                            align(l.word(4)), l.word(5), checked(l.word(6)), french(l)));
                    case "empty" -> empty = l.word(1);
                    case "totals" -> totals = new Totals(l.number(1), l.number(2), l.number(3));
                    case "row", "note" -> {
                        String each = l.option("each");
                        if (each != null && !LISTS.contains(each)) {
                            throw new IllegalArgumentException("each=" + each + " is not one of " + LISTS);
                        }
                        String rule = l.option("rule");
                        float[] ruleRgb = rule == null ? null : rgb(rule.substring(0, rule.indexOf('/')));
                        float ruleWidth = rule == null ? 0 : Float.parseFloat(rule.substring(rule.indexOf('/') + 1));
                        String x = l.option("x");
                        String amount = l.option("amount");
                        boolean note = l.word(0).equals("note");
                        int fixed = note ? 3 : 4;
                        boolean beside = l.size() > fixed && l.word(fixed).equals("beside");
                        if (beside && (rows.isEmpty() || rows.get(rows.size() - 1).kind().equals("gap"))) {
                            throw new IllegalArgumentException("'beside' needs a row or note before it");
                        }
                        if (beside && !java.util.Objects.equals(each, rows.get(rows.size() - 1).each())) {
                            throw new IllegalArgumentException("a row 'beside' another repeats over the same list"
                                    + " (each=" + rows.get(rows.size() - 1).each() + ")");
                        }
                        rows.add(new Row(n, l.word(0), each, condition(l.option("when")), style(styles, l.word(1)),
                                x == null ? Double.NaN : Double.parseDouble(x), checked(l.word(2)),
                                note ? "" : checked(l.word(3)), ruleRgb, ruleWidth, 0, french(l), beside,
                                amount == null ? Double.NaN : Double.parseDouble(amount)));
                    }
                    case "gap" -> rows.add(new Row(n, "gap", null, condition(l.option("when")), null, Double.NaN, "", "", null, 0,
                            l.number(1), false, false, Double.NaN));
                    default -> throw new IllegalArgumentException("unknown instruction '" + l.word(0) + "'");
                }
                if (!l.word(0).equals("row") && !l.word(0).equals("note")) {
                    condition(l.option("when"));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("layout " + file + ": line " + n + ": " + e.getMessage()
                        + " (in: " + raw + ")", e);
            }
        }
        if (table == null || totals == null || columns.isEmpty()) {
            throw new IllegalArgumentException("layout " + file + ": needs a 'table', its 'column's and 'totals'");
        }
        return new InvoiceLayout(file, fonts, styles, items, table, columns, empty, totals, rows);
    }

    /** {@code lang=fr}: the item shows the French column's values of a bilingual invoice. */
    private static boolean french(Line l) {
        String lang = l.option("lang");
        if (lang != null && !lang.equals("en") && !lang.equals("fr")) {
            throw new IllegalArgumentException("lang must be en or fr, not '" + lang + "'");
        }
        return "fr".equals(lang);
    }

    private static String condition(String when) {
        if (when != null && !CONDITIONS.contains(when)) {
            throw new IllegalArgumentException("when=" + when + " is not one of " + CONDITIONS);
        }
        return when;
    }

    private static String checked(String text) {
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (!LayoutValues.known(m.group(1), m.group(2))) {
                throw new IllegalArgumentException("unknown value " + m.group());
            }
        }
        return text;
    }

    private static String style(Map<String, Style> styles, String name) {
        if (!styles.containsKey(name)) {
            throw new IllegalArgumentException("unknown style '" + name + "'");
        }
        return name;
    }

    private static String align(String align) {
        if (!Set.of("left", "right", "center").contains(align)) {
            throw new IllegalArgumentException("alignment must be left, right or center, not '" + align + "'");
        }
        return align;
    }

    private static Where where(String word) {
        try {
            return Where.valueOf(word.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("page must be first, next, last or all, not '" + word + "'");
        }
    }

    static float[] rgb(String hex) {
        if (!hex.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("colour must be like #1f2937, not '" + hex + "'");
        }
        int v = Integer.parseInt(hex.substring(1), 16);
        return new float[]{(v >> 16 & 0xFF) / 255f, (v >> 8 & 0xFF) / 255f, (v & 0xFF) / 255f};
    }

    /** One instruction: its words (quoted text kept whole) and its name=value options. */
    private record Line(List<String> words, Map<String, String> options) {

        static Line of(String raw) {
            List<String> words = new ArrayList<>();
            Map<String, String> options = new LinkedHashMap<>();
            Matcher m = TOKEN.matcher(raw);
            while (m.find()) {
                if (m.group(1) != null) {
                    words.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
                } else if (m.group(2).startsWith("#") && !m.group(2).matches("#[0-9a-fA-F]{6}")) {
                    break; // a comment after the instruction
                } else if (m.group(2).matches("[a-z]+=.+")) {
                    options.put(m.group(2).substring(0, m.group(2).indexOf('=')),
                            m.group(2).substring(m.group(2).indexOf('=') + 1));
                } else {
                    words.add(m.group(2));
                }
            }
            return new Line(words, options);
        }

        String word(int i) {
            if (i >= words.size()) {
                throw new IllegalArgumentException("expected " + (i + 1) + " words or more, found " + words.size());
            }
            return words.get(i);
        }

        double number(int i) {
            try {
                return Double.parseDouble(word(i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("word " + (i + 1) + " must be a number, not '" + word(i) + "'");
            }
        }

        int size() {
            return words.size();
        }

        String option(String name) {
            return options.get(name);
        }
    }
}
