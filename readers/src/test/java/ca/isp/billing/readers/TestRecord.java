package ca.isp.billing.readers;

import org.apache.commons.csv.CSVFormat;

import java.util.LinkedHashMap;
import java.util.Map;

/** A CSV record as column -> value in header order, so a test can change one field of a good line. */
final class TestRecord {

    private final Map<String, String> values;

    private TestRecord(Map<String, String> values) {
        this.values = values;
    }

    /** Pairs of column name and value. */
    static TestRecord of(String... columnsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return new TestRecord(values);
    }

    /** The same record with one more column, at the end (an optional column the file may have). */
    TestRecord plus(String column, String value) {
        if (values.containsKey(column)) {
            throw new IllegalArgumentException("column " + column + " is there already");
        }
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(column, value);
        return new TestRecord(copy);
    }

    TestRecord with(String column, String value) {
        if (!values.containsKey(column)) {
            throw new IllegalArgumentException("no column " + column);
        }
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(column, value);
        return new TestRecord(copy);
    }

    /** The same record with the column left out of header and line. */
    TestRecord without(String column) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.remove(column);
        return new TestRecord(copy);
    }

    String header() {
        return CSVFormat.DEFAULT.format(values.keySet().toArray());
    }

    String line() {
        return CSVFormat.DEFAULT.format(values.values().toArray());
    }
}
