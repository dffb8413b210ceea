package ca.isp.billing.jobs.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * Updates many rows, each with its own values, in one statement per few hundred rows instead of one
 * per row: {@code UPDATE t SET c = CASE k WHEN ? THEN ? ... ELSE c END, ... WHERE k IN (...) AND
 * (guard)}. A JDBC batch of single-row UPDATEs is one round trip but still one statement per row
 * on the server (MariaDB parses, plans and locks each), which was most of the invoice step's time
 * at 100,000 accounts (issue 15). Plain SQL that H2 and MariaDB both run.
 *
 * <p>Returns how many rows the statements updated (matched, on MySQL/MariaDB with Connector/J's
 * default found-rows count): a caller that needs every row updated exactly once compares it with
 * the number of rows it gave, as it checked each row's count of a batch before.
 */
public final class KeyedUpdate {

    /** Rows per statement: parameters stay far below the drivers' limits (65,535 on MySQL). */
    static final int ROWS_PER_STATEMENT = 500;
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]*");

    private KeyedUpdate() {
    }

    /**
     * @param table     the table (trusted SQL)
     * @param key       its unique key column, whose values are each row's first value
     * @param columns   the columns set per row, in the order of each row's other values
     * @param fixedSet  more assignments, the same for every row, or null (trusted SQL, no parameter)
     * @param guard     the condition a row must also meet to be updated, or null (trusted SQL, no parameter)
     * @param rows      per row: the key's value, then one value per column
     */
    public static int update(JdbcOperations jdbc, String table, String key, List<String> columns, String fixedSet,
                             String guard, List<Object[]> rows) {
        int updated = 0;
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            updated += jdbc.update(sql(table, key, columns, fixedSet, guard, part.size()), args(columns, part));
        }
        return updated;
    }

    static String sql(String table, String key, List<String> columns, String fixedSet, String guard, int rows) {
        // names go into the SQL as they are: plain identifiers only, never a value
        for (String name : concat(List.of(table, key), columns)) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain table or column name: '" + name + "'");
            }
        }
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        List<String> sets = new ArrayList<>();
        if (fixedSet != null) {
            sets.add(fixedSet);
        }
        String whens = String.join(" ", Collections.nCopies(rows, "WHEN ? THEN ?"));
        for (String column : columns) {
            sets.add(column + " = CASE " + key + " " + whens + " ELSE " + column + " END");
        }
        sql.append(String.join(", ", sets)).append(" WHERE ").append(key).append(" IN (")
                .append(String.join(", ", Collections.nCopies(rows, "?"))).append(")");
        if (guard != null) {
            sql.append(" AND (").append(guard).append(")");
        }
        return sql.toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Object[] args(List<String> columns, List<Object[]> rows) {
        List<Object> args = new ArrayList<>(rows.size() * (2 * columns.size() + 1));
        for (int c = 0; c < columns.size(); c++) {
            for (Object[] row : rows) {
                args.add(row[0]);
                args.add(row[c + 1]);
            }
        }
        for (Object[] row : rows) {
            args.add(row[0]);
        }
        return args.toArray();
    }
}
