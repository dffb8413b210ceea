package ca.isp.billing.jobs;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/** The hand-written CSV files of src/test/resources/fixtures, and reject files read back. */
final class Fixtures {

    private Fixtures() {
    }

    /** A fixture file by its path under fixtures/, e.g. "reference/accounts.csv". */
    static Path path(String name) {
        URL url = Fixtures.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports folder/<kind>.csv for each kind, in the order given, as an operator would. */
    static void importAll(ReferenceDataImporter importer, String folder, Kind... kinds) throws IOException {
        for (Kind kind : kinds) {
            importer.importFile(kind, path(folder + "/" + kind.label() + ".csv"));
        }
    }

    /** Copies a fixture into an inbox folder under the given file name; returns the copy. */
    static Path drop(String fixture, Path inbox, String fileName) throws IOException {
        Files.createDirectories(inbox);
        return Files.copy(path(fixture), inbox.resolve(fileName));
    }

    /** The rows of a reject file (file,line,field,reason,raw), header skipped. */
    static List<CSVRecord> rejects(Path rejectFile) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(rejectFile, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            return parser.getRecords();
        }
    }
}
