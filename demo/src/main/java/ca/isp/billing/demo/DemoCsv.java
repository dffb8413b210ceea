package ca.isp.billing.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** How the demo writes every CSV file: UTF-8, RFC 4180 quoting, "\n" between records, the header first. */
final class DemoCsv {

    private DemoCsv() {
    }

    /** Columns come from the reader's format (RowFormat.columns()), so the file is what the import expects. */
    static CSVPrinter printer(Path file, List<String> columns) throws IOException {
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new))
                .setRecordSeparator("\n").get();
        return new CSVPrinter(writer, format);
    }
}
