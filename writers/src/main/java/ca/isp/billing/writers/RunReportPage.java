package ca.isp.billing.writers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run report: one HTML page with a bar chart per table, drawn as inline SVG here, and the
 * table itself beside it with the same figures as text. Nothing outside the page is needed or
 * fetched (no script, no font, no image file, no link): it opens the same from a USB stick, an
 * email attachment or a browser with no network, and its Content-Security-Policy forbids any
 * fetch, so a template change that adds one is refused by the browser instead of leaking.
 *
 * <p>The figures are in the DOM for whoever reads it: each table has {@code id="<name>"}, each
 * cell {@code data-column="<column>"}, each total row {@code class="total"}, each bar
 * {@code data-label} and {@code data-value}.
 */
public final class RunReportPage {

    /** The page allows inline style and nothing else: no script, no fetch of any kind. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private static final int LABEL_WIDTH = 230;
    private static final int BAR_WIDTH = 300;
    private static final int VALUE_WIDTH = 110;
    private static final int ROW_HEIGHT = 22;
    /** What fits in LABEL_WIDTH at 12px. */
    private static final int LABEL_CHARS = 36;

    /**
     * One chart: its table, the columns whose values name a bar (joined with a space), the
     * column the bars measure, and the columns a total row adds up (none: no total row; per
     * currency when the table has a {@code currency} column: CAD and USD never add up). Only
     * figures that add up are totalled: not a taxable base that two taxes share.
     */
    public record Chart(ReportTable table, List<String> labelColumns, String valueColumn, List<String> totalColumns) {

        public Chart {
            labelColumns = List.copyOf(labelColumns);
            totalColumns = List.copyOf(totalColumns);
            for (String column : labelColumns) {
                index(table, column);
            }
            for (String column : totalColumns) {
                index(table, column);
            }
            index(table, valueColumn);
        }
    }

    private RunReportPage() {
    }

    /** The page: a heading, a few plain facts (one paragraph each), then the charts in order. */
    public static byte[] html(String heading, List<String> facts, List<Chart> charts) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
                .append("\">\n<title>").append(ReportDocuments.escape(heading)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222}")
                .append("section{margin-bottom:2.5em}")
                .append(".pair{display:flex;flex-wrap:wrap;gap:2em;align-items:flex-start}")
                .append("table{border-collapse:collapse}")
                .append("th,td{border:1px solid #ccc;padding:.25em .6em}th{background:#eee;text-align:left}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append("tr.total td,tr.total th{font-weight:bold;background:#f6f6f6}")
                .append("svg text{font:12px sans-serif;fill:#222}svg rect{fill:#3b6ea5}svg rect.neg{fill:#b5473a}")
                .append(".empty{color:#777}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(ReportDocuments.escape(heading)).append("</h1>\n");
        for (String fact : facts) {
            out.append("<p class=\"fact\">").append(ReportDocuments.escape(fact)).append("</p>\n");
        }
        for (Chart chart : charts) {
            section(out, chart);
        }
        out.append("</body>\n</html>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void section(StringBuilder out, Chart chart) {
        ReportTable table = chart.table();
        String name = ReportDocuments.escape(table.name());
        out.append("<section id=\"").append(name).append("-section\">\n<h2>")
                .append(ReportDocuments.escape(table.title())).append("</h2>\n");
        if (table.rows().isEmpty()) {
            out.append("<p class=\"empty\">Nothing in this run.</p>\n");
        }
        out.append("<div class=\"pair\">\n");
        if (!table.rows().isEmpty()) {
            svg(out, chart);
        }
        table(out, chart);
        out.append("</div>\n</section>\n");
    }

    /** Horizontal bars, one per row, scaled to the largest value; a negative one (a credit) in red. */
    private static void svg(StringBuilder out, Chart chart) {
        ReportTable table = chart.table();
        int value = index(table, chart.valueColumn());
        BigDecimal max = BigDecimal.ZERO;
        for (List<Object> row : table.rows()) {
            max = max.max(number(row.get(value)).abs());
        }
        int height = table.rows().size() * ROW_HEIGHT + 4;
        int width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
        out.append("<svg role=\"img\" aria-label=\"").append(ReportDocuments.escape(table.title()))
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
        int y = 2;
        for (List<Object> row : table.rows()) {
            BigDecimal amount = number(row.get(value));
            int length = max.signum() == 0 ? 0 : amount.abs().multiply(BigDecimal.valueOf(BAR_WIDTH))
                    .divide(max, 0, RoundingMode.HALF_UP).intValue();
            String full = label(chart, row);
            String label = ReportDocuments.escape(full);
            // a long label is cut on the chart; the table beside it and the tooltip have it whole
            String drawn = ReportDocuments.escape(full.length() > LABEL_CHARS ? full.substring(0, LABEL_CHARS - 1) + "\u2026"
                    : full);
            String shown = ReportDocuments.escape(text(row.get(value)));
            out.append("<g class=\"bar\" data-label=\"").append(label).append("\" data-value=\"").append(shown)
                    .append("\"><title>").append(label).append(": ").append(shown).append("</title><text x=\"")
                    .append(LABEL_WIDTH - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(drawn).append("</text><rect")
                    .append(amount.signum() < 0 ? " class=\"neg\"" : "").append(" x=\"").append(LABEL_WIDTH)
                    .append("\" y=\"").append(y + 3).append("\" width=\"").append(Math.max(length, 1))
                    .append("\" height=\"").append(ROW_HEIGHT - 6).append("\"/><text x=\"")
                    .append(LABEL_WIDTH + length + 6).append("\" y=\"").append(y + 15).append("\">").append(shown)
                    .append("</text></g>\n");
            y += ROW_HEIGHT;
        }
        out.append("</svg>\n");
    }

    private static void table(StringBuilder out, Chart chart) {
        ReportTable table = chart.table();
        out.append("<table id=\"").append(ReportDocuments.escape(table.name())).append("\">\n<thead><tr>");
        table.columns().forEach(c -> out.append("<th>").append(ReportDocuments.escape(c.name())).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : table.rows()) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                cell(out, table.columns().get(i), row.get(i));
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n");
        if (!chart.totalColumns().isEmpty() && !table.rows().isEmpty()) {
            out.append("<tfoot>\n");
            totals(chart).forEach((currency, sums) -> {
                out.append("<tr class=\"total\">");
                for (int i = 0; i < table.columns().size(); i++) {
                    ReportTable.Column column = table.columns().get(i);
                    if (i == 0) {
                        out.append("<th data-column=\"").append(ReportDocuments.escape(column.name())).append("\">total")
                                .append(currency.isEmpty() ? "" : " " + ReportDocuments.escape(currency)).append("</th>");
                    } else if (column.name().equals("currency")) {
                        cell(out, column, currency);
                    } else {
                        cell(out, column, sums[i]);
                    }
                }
                out.append("</tr>\n");
            });
            out.append("</tfoot>\n");
        }
        out.append("</table>\n");
    }

    /** Sums of the chart's total columns, per currency when the table has one ("" otherwise). */
    private static Map<String, Object[]> totals(Chart chart) {
        ReportTable table = chart.table();
        int currency = table.columns().stream().map(ReportTable.Column::name).toList().indexOf("currency");
        Map<String, Object[]> totals = new LinkedHashMap<>();
        for (List<Object> row : table.rows()) {
            String key = currency < 0 ? "" : String.valueOf(row.get(currency));
            Object[] sums = totals.computeIfAbsent(key, k -> new Object[table.columns().size()]);
            for (int i = 0; i < row.size(); i++) {
                ReportTable.Type type = table.columns().get(i).type();
                if (row.get(i) == null || !chart.totalColumns().contains(table.columns().get(i).name())) {
                    continue;
                }
                if (type == ReportTable.Type.MONEY) {
                    sums[i] = (sums[i] == null ? BigDecimal.ZERO : (BigDecimal) sums[i]).add((BigDecimal) row.get(i));
                } else if (type == ReportTable.Type.COUNT) {
                    sums[i] = (sums[i] == null ? 0L : (Long) sums[i]) + ((Number) row.get(i)).longValue();
                }
            }
        }
        return totals;
    }

    private static void cell(StringBuilder out, ReportTable.Column column, Object value) {
        ReportTable.Type type = column.type();
        boolean number = type == ReportTable.Type.MONEY || type == ReportTable.Type.COUNT || type == ReportTable.Type.RATE;
        out.append("<td").append(number ? " class=\"n\"" : "").append(" data-column=\"")
                .append(ReportDocuments.escape(column.name())).append("\">")
                .append(value == null ? "" : ReportDocuments.escape(text(value))).append("</td>");
    }

    private static String label(Chart chart, List<Object> row) {
        List<String> parts = new ArrayList<>();
        for (String column : chart.labelColumns()) {
            Object value = row.get(index(chart.table(), column));
            if (value != null && !value.toString().isEmpty()) {
                parts.add(text(value));
            }
        }
        return String.join(" ", parts);
    }

    private static String text(Object value) {
        return value instanceof BigDecimal b ? b.toPlainString() : String.valueOf(value);
    }

    private static BigDecimal number(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    private static int index(ReportTable table, String column) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(table.name() + " has no column " + column);
    }
}
