package ca.isp.billing.jobs.importing;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.readers.RowFormat;

/**
 * One kind of reference data as an upsert on its natural key: its file format, the query for
 * the stored rows of a batch's keys, how a row becomes parameters, its insert and update. The
 * batching, the duplicates in a file and the counts are {@link ReferenceDataImporter}'s; the
 * hooks with a default are overridden for what is special to a kind.
 */
abstract class Upsert<T> {

    /** What becomes of a row that passed the checks. */
    enum Change {
        INSERT, UPDATE, UNCHANGED,
        /** Counted updated, but its table is not: the kind writes the change itself (see afterWrites). */
        UPDATE_ELSEWHERE
    }

    /** Why a row is refused: the field and the reason its reject gives. */
    record Refusal(String field, String reason) {
    }

    final RowFormat<T> format;
    /** The field a reject names when a key appears twice in a file. */
    final String keyField;
    final String insertSql;
    /** Null for a kind whose rows, once imported, are left alone. */
    final String updateSql;
    protected final NamedParameterJdbcTemplate jdbc;

    Upsert(NamedParameterJdbcTemplate jdbc, RowFormat<T> format, String keyField, String insertSql, String updateSql) {
        this.jdbc = jdbc;
        this.format = format;
        this.keyField = keyField;
        this.insertSql = insertSql;
        this.updateSql = updateSql;
    }

    /** The natural key, as one string (e.g. CA/QC/QST for a tax). */
    abstract String key(T row);

    /**
     * Called once per batch, before its rows are looked at: the stored rows of the batch's keys
     * by key, with the columns an update would write (so comparing them tells a real change).
     * A kind also reads here what its checks need (account ids...).
     */
    abstract Map<String, Map<String, Object>> readStored(List<T> rows);

    /** Parameters named after their columns, so each is compared with the stored column of that name. */
    abstract MapSqlParameterSource params(T row);

    /** Refuses a row that points at something not imported (an unknown account); checked before its key. */
    Refusal unknownReference(T row) {
        return null;
    }

    /** Refuses a row whose key is new in the file but that clashes with other data (a service id taken). */
    Refusal clash(T row) {
        return null;
    }

    /** A new key is inserted; a stored one is updated only when a value differs, else left unchanged. */
    Change change(T row, MapSqlParameterSource params, Map<String, Object> stored) {
        if (stored == null) {
            return Change.INSERT;
        }
        return changed(params, stored) ? Change.UPDATE : Change.UNCHANGED;
    }

    /** After the batch's inserts and updates, in its transaction: what else the kind writes. */
    void afterWrites(MapSqlParameterSource[] inserts) {
    }

    // ---------------------------------------------------------------- helpers for the kinds

    static <T> Set<String> keys(List<T> rows, Function<T, String> key) {
        return rows.stream().map(key).collect(Collectors.toSet());
    }

    /** Ids by key, from a query reading them as columns k and id. */
    Map<String, Long> idsByKey(String sql, Collection<String> keys) {
        Map<String, Long> ids = new HashMap<>();
        if (keys.isEmpty()) {
            return ids;
        }
        jdbc.query(sql, new MapSqlParameterSource("keys", keys), rs -> {
            ids.put(rs.getString("k"), rs.getLong("id"));
        });
        return ids;
    }

    /** The stored rows of the keys, by key, each a map of column name (any case) to value. */
    Map<String, Map<String, Object>> storedValues(String sql, Collection<?> keys,
                                                  Function<Map<String, Object>, String> keyOf) {
        Map<String, Map<String, Object>> stored = new HashMap<>();
        if (keys.isEmpty()) {
            return stored;
        }
        for (Map<String, Object> values : jdbc.queryForList(sql, new MapSqlParameterSource("keys", keys))) {
            stored.put(keyOf.apply(values), values);
        }
        return stored;
    }

    /** True when a parameter differs from the stored column of its name (columns not read are not compared). */
    static boolean changed(MapSqlParameterSource row, Map<String, Object> stored) {
        for (String column : row.getParameterNames()) {
            if (stored.containsKey(column) && !sameValue(row.getValue(column), stored.get(column))) {
                return true;
            }
        }
        return false;
    }

    /** Nulls are equal; numbers by value (60.00 = 60.0000); a SQL date equals its LocalDate; a flag its 0 or 1. */
    private static boolean sameValue(Object fromFile, Object fromDatabase) {
        if (fromFile == null || fromDatabase == null) {
            return fromFile == fromDatabase;
        }
        if (fromFile instanceof Number a && fromDatabase instanceof Number b) {
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        if (fromFile instanceof Boolean flag && fromDatabase instanceof Number number) {
            return flag == (number.intValue() != 0); // a BOOLEAN may come back as a TINYINT(1)
        }
        if (fromDatabase instanceof java.sql.Date date) {
            return fromFile.equals(date.toLocalDate());
        }
        return fromFile.equals(fromDatabase);
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    }
}
