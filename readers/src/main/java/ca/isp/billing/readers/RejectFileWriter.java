package ca.isp.billing.readers;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a reject file (file,line,field,reason,raw) for one input file. A file that ends up with
 * no rejects is deleted on close, so var/rejects/ only holds files worth looking at.
 */
public final class RejectFileWriter implements Closeable {

    private static final CSVFormat REJECTS = CSVFormat.DEFAULT.builder()
            .setHeader("file", "line", "field", "reason", "raw")
            .get();

    private final Path rejectFile;
    private final CSVPrinter printer;
    private long count;

    private RejectFileWriter(Path rejectFile, CSVPrinter printer) {
        this.rejectFile = rejectFile;
        this.printer = printer;
    }

    /** Creates parent directories and starts the file afresh (an older one is truncated). */
    public static RejectFileWriter create(Path rejectFile) {
        try {
            Path parent = rejectFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(rejectFile, StandardCharsets.UTF_8), REJECTS);
            return new RejectFileWriter(rejectFile, printer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create reject file " + rejectFile, e);
        }
    }

    public void write(Reject reject) {
        String field = reject.field() == null ? "" : reject.field();
        try {
            printer.printRecord(reject.file(), reject.line(), field, reject.reason(), reject.raw());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write reject file " + rejectFile, e);
        }
        count++;
    }

    /** Rejects written so far. */
    public long count() {
        return count;
    }

    public Path path() {
        return rejectFile;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
        if (count == 0) {
            Files.deleteIfExists(rejectFile);
        }
    }
}
