package ca.isp.billing.writers;

import java.util.List;

/**
 * One management report as a table: its name (the sheet's, the file's), a title, typed columns
 * and rows of values (String, Long, BigDecimal, LocalDate, or null for an empty cell). The
 * types decide how each format writes a value: an XLSX number cell with two decimals for
 * MONEY, a date cell for DATE, text for TEXT.
 */
public record ReportTable(String name, String title, List<Column> columns, List<List<Object>> rows) {

    public enum Type { TEXT, COUNT, MONEY, RATE, DATE }

    public record Column(String name, Type type) {
    }

    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(name + ": a row of " + row.size() + " values for " + columns.size()
                        + " columns");
            }
        }
    }

    public static Column text(String name) {
        return new Column(name, Type.TEXT);
    }

    public static Column count(String name) {
        return new Column(name, Type.COUNT);
    }

    public static Column money(String name) {
        return new Column(name, Type.MONEY);
    }

    public static Column rate(String name) {
        return new Column(name, Type.RATE);
    }

    public static Column date(String name) {
        return new Column(name, Type.DATE);
    }
}
