package ca.isp.billing.readers;

import ca.isp.billing.domain.files.FolderGuard;
import ca.isp.billing.domain.files.OwnerOnly;
import ca.isp.billing.domain.files.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a reject file (file,line,field,reason,raw) for one input file. A file that ends up with
 * no rejects is deleted on close, so var/rejects/ only holds files worth looking at. It is read by
 * people: file, reason and raw go through {@link SpreadsheetCells}.
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

    /** Starts {@code <rejectFile>} afresh, in the folder its path names. */
    public static RejectFileWriter create(Path rejectFile) {
        Path absolute = rejectFile.toAbsolutePath();
        return create(absolute.getParent(), absolute.getFileName().toString());
    }

    /**
     * Starts {@code name} in {@code folder} afresh (an older one is replaced, a link in its place
     * is removed, never followed), creating the folder if needed. The name comes from an input
     * file's name, so it is checked to stay inside the folder.
     */
    public static RejectFileWriter create(Path folder, String name) {
        Path rejectFile = FolderGuard.resolve(folder, name);
        try {
            OwnerOnly.createDirectories(rejectFile.getParent());
            Files.deleteIfExists(rejectFile);
            Writer out = new OutputStreamWriter(OwnerOnly.createFile(rejectFile), StandardCharsets.UTF_8);
            return new RejectFileWriter(rejectFile, new CSVPrinter(new BufferedWriter(out), REJECTS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create reject file " + rejectFile, e);
        }
    }

    public void write(Reject reject) {
        String field = reject.field() == null ? "" : reject.field();
        try {
            // Read by people in a spreadsheet: text from the input file must not run as a formula.
            printer.printRecord(SpreadsheetCells.text(reject.file()), reject.line(), field,
                    SpreadsheetCells.text(reject.reason()), SpreadsheetCells.text(reject.raw()));
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
