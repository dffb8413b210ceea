package ca.isp.billing.readers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a file to its end in batches of good rows, so the caller stores each batch in a few
 * queries: bad lines go straight to the reject file, and a batch is handed on as soon as it is
 * full, the last (partial) one when the file ends. Transactions are the caller's business.
 */
public final class RowBatches {

    private RowBatches() {
    }

    /**
     * Returns the number of lines read, good and bad (the header and blank lines not counted).
     * The reader is a {@link CsvRowReader} or a {@link LineCsvReader}, or a {@link ReadAhead} reading one.
     */
    public static <T> long read(Iterator<Parsed<T>> reader, int size, RejectFileWriter rejects,
                                Consumer<List<Parsed.Ok<T>>> batches) {
        long lines = 0;
        List<Parsed.Ok<T>> batch = new ArrayList<>(size);
        while (reader.hasNext()) {
            Parsed<T> parsed = reader.next();
            lines++;
            if (parsed instanceof Parsed.Ok<T> ok) {
                batch.add(ok);
            } else if (parsed instanceof Parsed.Bad<T> bad) {
                rejects.write(bad.reject());
            }
            if (batch.size() == size || (!reader.hasNext() && !batch.isEmpty())) {
                batches.accept(List.copyOf(batch));
                batch.clear();
            }
        }
        return lines;
    }
}
