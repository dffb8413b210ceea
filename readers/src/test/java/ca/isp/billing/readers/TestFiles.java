package ca.isp.billing.readers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes real CSV files for tests and reads them back through {@link CsvRowReader}. */
final class TestFiles {

    private TestFiles() {
    }

    /** Writes the lines as a UTF-8 file, each ended by a newline. */
    static Path write(Path dir, String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    static <T> List<Parsed<T>> readAll(Path file, RowFormat<T> format) throws IOException {
        List<Parsed<T>> all = new ArrayList<>();
        try (CsvRowReader<T> reader = CsvRowReader.open(file, format)) {
            reader.forEachRemaining(all::add);
        }
        return all;
    }

    /** Writes a header and one record, reads it back and returns that record's outcome. */
    static <T> Parsed<T> readOne(Path dir, RowFormat<T> format, TestRecord record) throws IOException {
        Path file = write(dir, "one.csv", record.header(), record.line());
        List<Parsed<T>> all = readAll(file, format);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    static <T> T ok(Parsed<T> parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Ok.class);
        return ((Parsed.Ok<T>) parsed).row();
    }

    static Reject bad(Parsed<?> parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Bad.class);
        return ((Parsed.Bad<?>) parsed).reject();
    }

    static void assertRejected(Parsed<?> parsed, String field, String reason) {
        Reject reject = bad(parsed);
        assertThat(reject.field()).isEqualTo(field);
        assertThat(reject.reason()).isEqualTo(reason);
    }
}
