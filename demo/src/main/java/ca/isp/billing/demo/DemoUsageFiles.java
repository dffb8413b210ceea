package ca.isp.billing.demo;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVPrinter;

import ca.isp.billing.readers.UsageFormat;

/**
 * The usage export: usage-DATE.csv, or usage-DATE-1.csv, usage-DATE-2.csv, ... when the lines
 * (header included) do not fit in one file of at most maxLines lines.
 */
final class DemoUsageFiles implements Closeable {

    private final Path directory;
    private final String baseName;
    private final int maxLines;
    private final List<Path> written = new ArrayList<>();
    private CSVPrinter printer;
    private int linesInFile;

    DemoUsageFiles(Path directory, String baseName, int maxLines) throws IOException {
        if (maxLines < 2) {
            throw new IllegalArgumentException("a usage file needs room for its header and one record: " + maxLines);
        }
        this.directory = directory;
        this.baseName = baseName;
        this.maxLines = maxLines;
        deleteEarlierRun();
    }

    /** Writes one line, starting the next file when this one is full. */
    void print(String... values) throws IOException {
        if (printer == null || linesInFile >= maxLines) {
            startNextFile();
        }
        printer.printRecord((Object[]) values);
        linesInFile++;
    }

    /** The files written, in order; call after close(). */
    List<Path> files() {
        return List.copyOf(written);
    }

    @Override
    public void close() throws IOException {
        if (printer == null) {
            startNextFile();
        }
        printer.close();
        printer = null;
        if (written.size() == 1) {
            // everything fitted: no part number in the name
            Path single = directory.resolve(baseName + ".csv");
            Files.move(written.get(0), single, StandardCopyOption.REPLACE_EXISTING);
            written.set(0, single);
        }
    }

    private void startNextFile() throws IOException {
        if (printer != null) {
            printer.close();
        }
        Path file = directory.resolve(baseName + "-" + (written.size() + 1) + ".csv");
        written.add(file);
        printer = DemoCsv.printer(file, UsageFormat.INSTANCE.columns());
        linesInFile = 1;
    }

    /** A rerun for the same cycle replaces its files, so no stale part is left to be ingested. */
    private void deleteEarlierRun() throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, baseName + "*.csv")) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                if (name.equals(baseName + ".csv") || name.matches(Pattern.quote(baseName) + "-\\d+\\.csv")) {
                    Files.delete(file);
                }
            }
        }
    }
}
