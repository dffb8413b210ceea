package ca.isp.billing.readers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static ca.isp.billing.readers.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

class RowBatchesTest {

    private static final String USAGE_HEADER = "record_id,source,service_id,usage_type,start_time,quantity";

    @TempDir
    Path dir;

    /** The batches handed on, each as its line numbers. */
    private final List<List<Long>> batches = new ArrayList<>();

    @Test
    void goodRowsComeInBatchesOfTheGivenSizeAndTheLastOneWhenTheFileEnds() throws IOException {
        Path file = write(dir, "usage.csv", USAGE_HEADER, good("r1"), good("r2"), good("r3"), good("r4"), good("r5"));

        long lines = read(file, 2, dir.resolve("usage.csv.rejects.csv"));

        assertThat(lines).isEqualTo(5);
        assertThat(batches).containsExactly(List.of(2L, 3L), List.of(4L, 5L), List.of(6L));
    }

    @Test
    void aFullLastBatchIsNotFollowedByAnEmptyOne() throws IOException {
        Path file = write(dir, "usage.csv", USAGE_HEADER, good("r1"), good("r2"), good("r3"), good("r4"));

        long lines = read(file, 2, dir.resolve("usage.csv.rejects.csv"));

        assertThat(lines).isEqualTo(4);
        assertThat(batches).containsExactly(List.of(2L, 3L), List.of(4L, 5L));
    }

    @Test
    void badLinesGoToTheRejectFileAndStillCountAsLinesRead() throws IOException {
        Path file = write(dir, "usage.csv", USAGE_HEADER,
                good("r1"),                                            // line 2
                "r2,radius-mtl-1,alice,DATA,2026-11-03T11:00:00,abc",  // 3 bad quantity
                good("r3"),                                            // 4
                "",                                                    // 5 blank: skipped, not a line read
                good("r4"),                                            // 6
                "r5,radius-mtl-1,bob,DATA");                           // 7 too few fields, last in the file
        Path rejectFile = dir.resolve("usage.csv.rejects.csv");

        long lines = read(file, 2, rejectFile);

        assertThat(lines).isEqualTo(5);
        // the last good row is handed on although the file ends with a bad line
        assertThat(batches).containsExactly(List.of(2L, 4L), List.of(6L));
        assertThat(Files.readAllLines(rejectFile, StandardCharsets.UTF_8)).containsExactly(
                "file,line,field,reason,raw",
                "usage.csv,3,quantity,not a whole number: 'abc',\"r2,radius-mtl-1,alice,DATA,2026-11-03T11:00:00,abc\"",
                "usage.csv,7,,\"expected 6 fields, found 4\",\"r5,radius-mtl-1,bob,DATA\"");
    }

    @Test
    void aFileWithOnlyItsHeaderGivesNoBatchAndNoReject() throws IOException {
        Path file = write(dir, "usage.csv", USAGE_HEADER);
        Path rejectFile = dir.resolve("usage.csv.rejects.csv");

        long lines = read(file, 2, rejectFile);

        assertThat(lines).isZero();
        assertThat(batches).isEmpty();
        assertThat(rejectFile).doesNotExist();
    }

    private long read(Path file, int size, Path rejectFile) throws IOException {
        try (CsvRowReader<UsageRow> reader = CsvRowReader.open(file, UsageFormat.INSTANCE);
             RejectFileWriter rejects = RejectFileWriter.create(rejectFile)) {
            return RowBatches.read(reader, size, rejects,
                    batch -> batches.add(batch.stream().map(Parsed.Ok::line).toList()));
        }
    }

    private static String good(String recordId) {
        return recordId + ",radius-mtl-1,alice,DATA,2026-11-03T10:15:00,1048576";
    }
}
