package ca.isp.billing.demo;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import ca.isp.billing.readers.CsvRowReader;
import ca.isp.billing.readers.Parsed;
import ca.isp.billing.readers.RowFormat;

/** Reading the generated files back in tests: as plain CSV, or the way the billing job reads them. */
final class DemoCsvFiles {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    /** 2^30 bytes. */
    static final long GIB = 1L << 30;

    private DemoCsvFiles() {
    }

    record Csv(List<String> header, List<CSVRecord> records) {
    }

    record UsageLines(List<CSVRecord> records, List<CSVRecord> malformed, List<CSVRecord> unknown) {
    }

    static Csv read(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            return new Csv(parser.getHeaderNames(), parser.getRecords());
        }
    }

    /** {rows read, lines rejected} when the file is read as the import or the ingest job reads it. */
    static int[] readWithFormat(Path file, RowFormat<?> format) throws IOException {
        int[] counts = new int[2];
        try (CsvRowReader<?> reader = CsvRowReader.open(file, format)) {
            reader.forEachRemaining(parsed -> counts[parsed instanceof Parsed.Ok ? 0 : 1]++);
        }
        return counts;
    }

    /** Sorts usage lines the way the ingest job must: bad lines, unknown services, good records. */
    static UsageLines classifyUsage(List<CSVRecord> lines, Set<String> knownServices) {
        List<CSVRecord> records = new ArrayList<>();
        List<CSVRecord> malformed = new ArrayList<>();
        List<CSVRecord> unknown = new ArrayList<>();
        for (CSVRecord line : lines) {
            if (!wellFormedUsage(line)) {
                malformed.add(line);
            } else if (!knownServices.contains(line.get("service_id"))) {
                unknown.add(line);
            } else {
                records.add(line);
            }
        }
        return new UsageLines(records, malformed, unknown);
    }

    static boolean wellFormedUsage(CSVRecord line) {
        if (line.size() != 6 || line.get("record_id").isEmpty() || line.get("source").isEmpty()
                || line.get("service_id").isEmpty() || !Set.of("DATA", "VOICE").contains(line.get("usage_type"))
                || !line.get("quantity").matches("\\d+")) {
            return false;
        }
        try {
            LocalDateTime.parse(line.get("start_time"), TIMESTAMP);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean wellFormedPayment(CSVRecord line) {
        return line.size() == 5 && !line.get("payment_ref").isEmpty() && !line.get("account_number").isEmpty()
                && line.get("received_on").matches("\\d{4}-\\d\\d-\\d\\d")
                && line.get("amount").matches("\\d+(\\.\\d{1,2})?") && new BigDecimal(line.get("amount")).signum() > 0;
    }

    /** The service ids of subscriptions.csv: usage of any other service is for an unknown service. */
    static Set<String> serviceIds(Path reference) throws IOException {
        return column(reference.resolve("subscriptions.csv"), "service_id");
    }

    static Set<String> column(Path file, String name) throws IOException {
        Set<String> values = new HashSet<>();
        read(file).records().forEach(r -> values.add(r.get(name)));
        return values;
    }

    static Map<String, CSVRecord> byKey(List<CSVRecord> records, String key) {
        Map<String, CSVRecord> map = new HashMap<>();
        records.forEach(r -> map.put(r.get(key), r));
        return map;
    }

    static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** File name -> SHA-256 of its bytes, for every file in the directories. */
    static Map<String, String> digests(Path... directories) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        for (Path directory : directories) {
            for (String name : fileNames(directory)) {
                digests.put(name, sha256(Files.readAllBytes(directory.resolve(name))));
            }
        }
        return digests;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
