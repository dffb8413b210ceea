package ca.isp.billing.readers;

import java.util.List;
import java.util.Map;

/** One CSV file format: the columns its header must have and how a record becomes a row. */
public interface RowFormat<T> {

    /**
     * Every column the format reads, in the order of docs/FILE-FORMATS.md: the header of a
     * complete file, for whoever writes one. Reading does not depend on it.
     */
    List<String> columns();

    /** Lower-case column names that must be in the header; other columns are optional. */
    List<String> requiredColumns();

    /**
     * The most characters each text column may hold, by lower-case column name: the size of the
     * database column its value is stored in (V2__billing.sql), so a longer value is a rejected
     * line, never a failed insert. Columns parsed as numbers, dates or choices need none.
     */
    Map<String, Integer> maxLengths();

    /** Builds the row, throwing {@link FieldException} for the first bad field. */
    T parse(Row row);
}
