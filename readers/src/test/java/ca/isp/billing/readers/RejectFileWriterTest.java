package ca.isp.billing.readers;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static ca.isp.billing.readers.TestFiles.readAll;
import static ca.isp.billing.readers.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RejectFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesRejectsThatReadBack() throws IOException {
        Path rejectFile = dir.resolve("var/rejects/accounts.csv.rejects.csv");
        Reject badEmail = new Reject("accounts.csv", 7, "email", "not an email address: 'émilie'",
                "100042,\"Côté, Émilie\",RESIDENTIAL,fr,émilie");
        Reject shortLine = new Reject("accounts.csv", 9, null, "expected 19 fields, found 2", "100043,\"say \"\"hi\"\"\"");

        try (RejectFileWriter writer = RejectFileWriter.create(rejectFile)) {
            writer.write(badEmail);
            writer.write(shortLine);
            assertThat(writer.count()).isEqualTo(2);
        }

        List<CSVRecord> records = readBack(rejectFile);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).toMap()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "file", "accounts.csv", "line", "7", "field", "email", "reason", "not an email address: 'émilie'",
                "raw", "100042,\"Côté, Émilie\",RESIDENTIAL,fr,émilie"));
        assertThat(records.get(1).get("field")).isEmpty();
        assertThat(records.get(1).get("raw")).isEqualTo("100043,\"say \"\"hi\"\"\"");
    }

    @Test
    void rejectsOfARealFileGoThroughUnchanged() throws IOException {
        Path input = write(dir, "payments-2026-11-03.csv",
                "payment_ref,account_number,received_on,amount,method",
                "P1,100042,2026-11-03,57.37,BANK",
                "P2,100043,2026-11-03,\"1,000.00\",CHEQUE");
        Path rejectFile = dir.resolve("rejects/payments-2026-11-03.csv.rejects.csv");

        try (RejectFileWriter writer = RejectFileWriter.create(rejectFile)) {
            for (Parsed<PaymentRow> parsed : readAll(input, PaymentFormat.INSTANCE)) {
                if (parsed instanceof Parsed.Bad<PaymentRow> bad) {
                    writer.write(bad.reject());
                }
            }
        }

        List<CSVRecord> records = readBack(rejectFile);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).values()).containsExactly("payments-2026-11-03.csv", "3", "amount",
                "not an amount (like 49.99): '1,000.00'", "P2,100043,2026-11-03,\"1,000.00\",CHEQUE");
    }

    @Test
    void noRejectsLeavesNoFile() throws IOException {
        Path rejectFile = dir.resolve("rejects/clean.csv.rejects.csv");

        try (RejectFileWriter writer = RejectFileWriter.create(rejectFile)) {
            assertThat(Files.exists(rejectFile)).isTrue();
            assertThat(writer.count()).isZero();
        }

        assertThat(rejectFile).doesNotExist();
        assertThat(rejectFile.getParent()).isDirectory();
    }

    @Test
    void anOlderRejectFileIsReplaced() throws IOException {
        Path rejectFile = dir.resolve("usage.csv.rejects.csv");
        Files.writeString(rejectFile, "stale content from an earlier run\nmore\nmore\n");

        try (RejectFileWriter writer = RejectFileWriter.create(rejectFile)) {
            writer.write(new Reject("usage.csv", 2, "quantity", "not a whole number: 'x'", "r1,src,a,DATA,t,x"));
        }

        assertThat(Files.readAllLines(rejectFile, StandardCharsets.UTF_8)).containsExactly(
                "file,line,field,reason,raw",
                "usage.csv,2,quantity,not a whole number: 'x',\"r1,src,a,DATA,t,x\"");
    }

    @Test
    void aRejectFileIsWrittenOnlyInsideItsFolder() throws IOException {
        Path rejects = dir.resolve("var/rejects");

        try (RejectFileWriter writer = RejectFileWriter.create(rejects, "usage.csv.rejects.csv")) {
            assertThat(writer.path()).isEqualTo(rejects.toAbsolutePath().normalize().resolve("usage.csv.rejects.csv"));
        }
        for (String name : new String[]{"../../escaped.rejects.csv", dir.resolve("absolute.rejects.csv").toString()}) {
            assertThatThrownBy(() -> RejectFileWriter.create(rejects, name))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"" + name + "\"")
                    .hasMessageContaining(rejects.toAbsolutePath().normalize().toString());
        }
        assertThat(dir.resolve("escaped.rejects.csv")).doesNotExist();
        assertThat(dir.resolve("absolute.rejects.csv")).doesNotExist();
    }

    @Test
    void customerTextThatASpreadsheetWouldRunIsQuoted() throws IOException {
        // given: lines whose echo, or a reason quoting them, starts like a formula
        Path rejectFile = dir.resolve("rejects/=evil.csv.rejects.csv");

        try (RejectFileWriter writer = RejectFileWriter.create(rejectFile)) {
            writer.write(new Reject("=evil.csv", 2, "account_number", "@unknown account", "=HYPERLINK(\"http://x\"),1"));
            writer.write(new Reject("=evil.csv", 3, null, "expected 6 fields, found 1", "-2+3"));
            writer.write(new Reject("=evil.csv", 4, null, "expected 6 fields, found 1", "+15145550199"));
        }

        // then: the free-text cells start with a single quote; the line number, the field and a phone number are exact
        List<CSVRecord> records = readBack(rejectFile);
        assertThat(records.get(0).values()).containsExactly("'=evil.csv", "2", "account_number", "'@unknown account",
                "'=HYPERLINK(\"http://x\"),1");
        assertThat(records.get(1).get("raw")).isEqualTo("'-2+3");
        assertThat(records.get(2).get("raw")).isEqualTo("+15145550199");
    }

    private static List<CSVRecord> readBack(Path rejectFile) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.builder().setPath(rejectFile).setCharset(StandardCharsets.UTF_8)
                .setFormat(format).get()) {
            assertThat(parser.getHeaderNames()).containsExactly("file", "line", "field", "reason", "raw");
            return parser.getRecords();
        }
    }
}
