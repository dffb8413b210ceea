package ca.isp.billing.readers;

import java.util.List;

/** One CSV file format: the columns its header must have and how a record becomes a row. */
public interface RowFormat<T> {

    /**
     * Every column the format reads, in the order of docs/FILE-FORMATS.md: the header of a
     * complete file, for whoever writes one. Reading does not depend on it.
     */
    List<String> columns();

    /** Lower-case column names that must be in the header; other columns are optional. */
    List<String> requiredColumns();

    /** Builds the row, throwing {@link FieldException} for the first bad field. */
    T parse(Row row);
}
