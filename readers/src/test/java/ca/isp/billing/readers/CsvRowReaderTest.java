package ca.isp.billing.readers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.NoSuchElementException;

import static ca.isp.billing.readers.TestFiles.bad;
import static ca.isp.billing.readers.TestFiles.ok;
import static ca.isp.billing.readers.TestFiles.readAll;
import static ca.isp.billing.readers.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CsvRowReaderTest {

    private static final String USAGE_HEADER = "record_id,source,service_id,usage_type,start_time,quantity";

    @TempDir
    Path dir;

    @Test
    void mixedUsageFileKeepsGoodLinesAndRejectsBadOnesWithTheirLineNumbers() throws IOException {
        Path file = write(dir, "usage-2026-11.csv",
                USAGE_HEADER,                                                            // line 1
                "r1,radius-mtl-1,alice,DATA,2026-11-03T10:15:00,1048576",                // 2 good
                "r2,radius-mtl-1,alice,DATA,2026-11-03T11:00:00,abc",                    // 3 bad quantity
                "r3,radius-mtl-1,\"bob,rack2\",DATA,2026-11-04T08:00:00,500",           // 4 good: quoted comma
                "r4,radius-mtl-1,bob,DATA,2026-11-04T09:00:00,-5",                       // 5 negative quantity
                "r5,radius-mtl-1,bob,DATA,2026-11-31T09:00:00,10",                       // 6 no November 31
                "r6,radius-mtl-1,bob,SMS,2026-11-04T09:30:00,1",                         // 7 unknown usage type
                "r7,radius-mtl-1,,DATA,2026-11-04T10:00:00,10",                          // 8 missing service_id
                "r8,radius-mtl-1,carol,DATA",                                            // 9 too few fields
                "r9,asterisk-1,5145550100,voice,2026-11-05T12:00:00,61");                // 10 good, lower case

        List<Parsed<UsageRow>> all = readAll(file, UsageFormat.INSTANCE);

        List<Parsed<UsageRow>> good = all.stream().filter(p -> p instanceof Parsed.Ok).toList();
        List<Parsed<UsageRow>> rejected = all.stream().filter(p -> p instanceof Parsed.Bad).toList();
        // 9 records in (10 lines minus the header) = 3 ok + 6 bad
        assertThat(all).hasSize(9);
        assertThat(good).hasSize(3);
        assertThat(rejected).hasSize(6);
        assertThat(good).extracting(Parsed::line).containsExactly(2L, 4L, 10L);
        assertThat(rejected).extracting(p -> bad(p).line(), p -> bad(p).field(), p -> bad(p).reason())
                .containsExactly(
                        tuple(3L, "quantity", "not a whole number: 'abc'"),
                        tuple(5L, "quantity", "must not be negative: '-5'"),
                        tuple(6L, "start_time", "not a timestamp (YYYY-MM-DDTHH:MM:SS): '2026-11-31T09:00:00'"),
                        tuple(7L, "usage_type", "not one of DATA, VOICE: 'SMS'"),
                        tuple(8L, "service_id", "required but empty"),
                        tuple(9L, null, "expected 6 fields, found 4"));

        UsageRow quotedComma = ok(good.get(1));
        assertThat(quotedComma.serviceId()).isEqualTo("bob,rack2");
        assertThat(quotedComma.quantity()).isEqualTo(500L);
        UsageRow voice = ok(good.get(2));
        assertThat(voice.usageType()).isEqualTo("VOICE");
        assertThat(voice.startTime()).isEqualTo(LocalDateTime.of(2026, 11, 5, 12, 0, 0));

        Reject badQuantity = bad(rejected.get(0));
        assertThat(badQuantity.file()).isEqualTo("usage-2026-11.csv");
        assertThat(badQuantity.raw()).isEqualTo("r2,radius-mtl-1,alice,DATA,2026-11-03T11:00:00,abc");
        assertThat(badQuantity.message())
                .isEqualTo("usage-2026-11.csv line 3, field quantity: not a whole number: 'abc'");
        assertThat(bad(rejected.get(5)).message())
                .isEqualTo("usage-2026-11.csv line 9: expected 6 fields, found 4");
        assertThat(bad(rejected.get(5)).raw()).isEqualTo("r8,radius-mtl-1,carol,DATA");
    }

    @Test
    void rawKeepsQuotingSoTheRejectLineCanBeReadAgain() throws IOException {
        Path file = write(dir, "usage.csv", USAGE_HEADER,
                "r1,\"mtl, rack \"\"2\"\"\",bob,DATA,2026-11-04T08:00:00,x");

        Reject reject = bad(readAll(file, UsageFormat.INSTANCE).get(0));

        assertThat(reject.raw()).isEqualTo("r1,\"mtl, rack \"\"2\"\"\",bob,DATA,2026-11-04T08:00:00,x");
    }

    @Test
    void goodRecordKeepsItsRawLineForARejectDecidedLater() throws IOException {
        // a row can still be refused after parsing (unknown account): its reject needs the line as read
        Path file = write(dir, "payments.csv", "payment_ref,account_number,received_on,amount,method",
                "P1,100042,2026-11-04,10.00,\"card, \"\"visa\"\"\"",
                "P2,100042,2026-11-04,20.00,BANK");

        List<Parsed<PaymentRow>> all = readAll(file, PaymentFormat.INSTANCE);

        assertThat(all).allMatch(p -> p instanceof Parsed.Ok);
        assertThat(all).extracting(p -> ((Parsed.Ok<PaymentRow>) p).raw()).containsExactly(
                "P1,100042,2026-11-04,10.00,\"card, \"\"visa\"\"\"",
                "P2,100042,2026-11-04,20.00,BANK");
        assertThat(ok(all.get(0)).method()).isEqualTo("card, \"visa\"");
    }

    @Test
    void tooManyFieldsIsABadLine() throws IOException {
        Path file = write(dir, "usage.csv", USAGE_HEADER, "r1,src,bob,DATA,2026-11-04T08:00:00,10,");

        Reject reject = bad(readAll(file, UsageFormat.INSTANCE).get(0));

        assertThat(reject.field()).isNull();
        assertThat(reject.reason()).isEqualTo("expected 6 fields, found 7");
    }

    @Test
    void missingRequiredColumnRejectsTheWholeFile() throws IOException {
        Path file = write(dir, "payments.csv", "payment_ref,account_number,received_on,method",
                "P1,100042,2026-11-03,CARD");

        assertThatThrownBy(() -> CsvRowReader.open(file, PaymentFormat.INSTANCE))
                .isInstanceOf(BadFileException.class)
                .hasMessage("payments.csv: missing required column 'amount'")
                // the reason alone, for the reason column of a reject file that already names the file
                .extracting(e -> ((BadFileException) e).reason())
                .isEqualTo("missing required column 'amount'");
    }

    @Test
    void everyMissingColumnIsNamed() throws IOException {
        Path file = write(dir, "payments.csv", "payment_ref,account_number", "P1,100042");

        assertThatThrownBy(() -> CsvRowReader.open(file, PaymentFormat.INSTANCE))
                .isInstanceOf(BadFileException.class)
                .hasMessage("payments.csv: missing required columns 'received_on', 'amount'");
    }

    @Test
    void fileWithoutHeaderIsRejected() throws IOException {
        // a data line where the header should be: its "column names" are values
        Path file = write(dir, "payments.csv", "P1,100042,2026-11-03,25.00");

        assertThatThrownBy(() -> CsvRowReader.open(file, PaymentFormat.INSTANCE))
                .isInstanceOf(BadFileException.class)
                .hasMessageStartingWith("payments.csv: missing required columns 'payment_ref'");
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        Path bomOnly = Files.write(dir.resolve("bom.csv"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});

        assertThatThrownBy(() -> CsvRowReader.open(empty, UsageFormat.INSTANCE))
                .isInstanceOf(BadFileException.class)
                .hasMessage("empty.csv: empty file, no header line");
        assertThatThrownBy(() -> CsvRowReader.open(bomOnly, UsageFormat.INSTANCE))
                .isInstanceOf(BadFileException.class)
                .hasMessage("bom.csv: empty file, no header line");
    }

    @Test
    void duplicateColumnIsRejected() throws IOException {
        Path file = write(dir, "usage.csv", USAGE_HEADER + ",Quantity");

        assertThatThrownBy(() -> CsvRowReader.open(file, UsageFormat.INSTANCE))
                .isInstanceOf(BadFileException.class)
                .hasMessage("usage.csv: duplicate column 'quantity'");
    }

    @Test
    void headerInAnyOrderAndCaseWithExtraColumnsAndSpaces() throws IOException {
        Path file = write(dir, "usage.csv",
                " QUANTITY , Usage_Type,NAS_IP,Start_Time,SERVICE_ID,Source,Record_ID",
                " 42 , data ,10.0.0.1, 2026-11-03T10:15:00 , alice ,radius-mtl-1, r1 ");

        UsageRow row = ok(readAll(file, UsageFormat.INSTANCE).get(0));

        assertThat(row).isEqualTo(new UsageRow("radius-mtl-1", "r1", "alice", "DATA",
                LocalDateTime.of(2026, 11, 3, 10, 15, 0), 42L));
    }

    @Test
    void byteOrderMarkIsSkipped() throws IOException {
        Path file = dir.resolve("usage.csv");
        Files.writeString(file, "\uFEFF" + USAGE_HEADER + "\nr1,src,alice,DATA,2026-11-03T10:15:00,7\n",
                StandardCharsets.UTF_8);

        List<Parsed<UsageRow>> all = readAll(file, UsageFormat.INSTANCE);

        assertThat(ok(all.get(0)).recordId()).isEqualTo("r1");
    }

    @Test
    void frenchAccentsSurvive() throws IOException {
        Path file = write(dir, "plans.csv",
                "plan_code,name_en,name_fr,kind,monthly_price,period_months",
                "FIBRE-100,Fibre 100 Mbps,Fibre 100 Mb/s – résidentiel à Montréal,INTERNET,49.99,1");

        PlanRow plan = ok(readAll(file, PlanFormat.INSTANCE).get(0));

        assertThat(plan.nameFr()).isEqualTo("Fibre 100 Mb/s – résidentiel à Montréal");
    }

    @Test
    void notUtf8IsABadFile() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, ("plan_code,name_en,name_fr,kind,monthly_price,period_months\n"
                + "FIBRE-100,Fibre,Fibre résidentiel,INTERNET,49.99,1\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> readAll(file, PlanFormat.INSTANCE))
                .isInstanceOf(BadFileException.class)
                .hasMessageStartingWith("latin1.csv: not valid UTF-8");
    }

    @Test
    void blankLinesAreSkippedAndLineNumbersStayPhysical() throws IOException {
        Path file = write(dir, "usage.csv",
                USAGE_HEADER,                                          // 1
                "",                                                    // 2 blank
                "r1,src,alice,DATA,2026-11-03T10:15:00,x",             // 3
                "r2,\"src",                                            // 4 quoted value over two lines
                "second line\",alice,DATA,2026-11-03T10:15:00,x",      // 5
                "   ",                                                 // 6 blank
                "r3,src,alice,DATA,2026-11-03T10:15:00,x",             // 7
                "");                                                   // 8 blank

        List<Parsed<UsageRow>> all = readAll(file, UsageFormat.INSTANCE);

        assertThat(all).extracting(Parsed::line).containsExactly(3L, 4L, 7L);
        assertThat(bad(all.get(1)).raw()).isEqualTo("r2,\"src\nsecond line\",alice,DATA,2026-11-03T10:15:00,x");
    }

    @Test
    void unclosedQuoteMakesTheFileUnreadable() throws IOException {
        Path file = write(dir, "usage.csv", USAGE_HEADER,
                "r1,src,alice,DATA,2026-11-03T10:15:00,1",
                "r2,\"src,alice,DATA,2026-11-03T10:15:00,1");

        try (CsvRowReader<UsageRow> reader = CsvRowReader.open(file, UsageFormat.INSTANCE)) {
            assertThat(reader.next().line()).isEqualTo(2L);
            assertThatThrownBy(reader::hasNext)
                    .isInstanceOf(BadFileException.class)
                    .hasMessageStartingWith("usage.csv: unreadable CSV at line 3: ");
        }
    }

    @Test
    void aLineLongerThan64KiBIsOneRejectAndTheNextLinesAreRead() throws IOException {
        // a 10 MB service id: the line is cut at 65,536 characters, the rest of it skipped
        Path file = write(dir, "usage.csv", USAGE_HEADER,
                "r1,src,alice,DATA,2026-11-03T10:15:00,1",                                   // 2
                "r2,src," + "x".repeat(10 * 1024 * 1024) + ",DATA,2026-11-03T10:15:00,1",   // 3
                "r3,src,alice,DATA,2026-11-03T10:15:00,3");                                  // 4

        List<Parsed<UsageRow>> all = readAll(file, UsageFormat.INSTANCE);

        assertThat(all).extracting(Parsed::line).containsExactly(2L, 3L, 4L);
        assertThat(ok(all.get(0)).recordId()).isEqualTo("r1");
        Reject reject = bad(all.get(1));
        assertThat(reject.field()).isNull();
        assertThat(reject.reason()).isEqualTo("longer than 65536 characters: cut there, the rest of the line skipped");
        // the raw echo is the start of the line, not 10 MB
        assertThat(reject.raw()).startsWith("r2,src,xxxx").endsWith("…").hasSize(201);
        assertThat(ok(all.get(2)).recordId()).isEqualTo("r3");
    }

    @Test
    void aLineOfExactly64KiBIsStillALine() throws IOException {
        // a format of one text column with no length limit of its own
        RowFormat<String> text = new RowFormat<>() {
            public List<String> columns() {
                return List.of("id", "text");
            }

            public List<String> requiredColumns() {
                return columns();
            }

            public java.util.Map<String, Integer> maxLengths() {
                return java.util.Map.of();
            }

            public String parse(Row row) {
                return row.required("text");
            }
        };
        String line = "1," + "y".repeat(CsvRowReader.MAX_RECORD_LENGTH - 2);
        Path file = write(dir, "text.csv", "id,text", line, line + "z");

        List<Parsed<String>> all = readAll(file, text);

        assertThat(line).hasSize(65_536);
        assertThat(ok(all.get(0))).hasSize(65_534);
        assertThat(bad(all.get(1)).reason()).startsWith("longer than 65536 characters");
    }

    @Test
    void anUnclosedQuoteIsCutAt64KiBAndTheLinesAfterTheCutAreRead() throws IOException {
        // line 3 opens a quote never closed: the 2,000 lines after it (lines 4 to 2003) would all be one
        // value to the end of the file. The record is cut once it passes 65,536 characters: line 3 and
        // its line break are 41 of them, each next line 63 + 1, so 41 + 1,023 x 64 = 65,513 fill lines
        // 3 to 1026 and the cut falls inside line 1027.
        List<String> lines = new java.util.ArrayList<>(List.of(USAGE_HEADER,
                "r1,src,alice,DATA,2026-11-03T10:15:00,1",
                "r2,\"src,alice,DATA,2026-11-03T10:15:00,1"));
        for (int i = 0; i < 2000; i++) {
            lines.add(String.format("q%06d,src,alice,DATA,2026-11-03T10:15:00,%20d", i, i));
        }
        Path file = write(dir, "usage.csv", lines.toArray(String[]::new));

        List<Parsed<UsageRow>> all = readAll(file, UsageFormat.INSTANCE);

        assertThat(all.get(0).line()).isEqualTo(2L);
        Reject cut = bad(all.get(1));
        assertThat(cut.line()).isEqualTo(3L);
        assertThat(cut.reason()).isEqualTo("longer than 65536 characters (lines 3 to 1027, an unclosed quote?):"
                + " cut there, the rest of line 1027 skipped");
        // every line after the cut is read again as a line of its own
        assertThat(all.subList(2, all.size())).allMatch(p -> p instanceof Parsed.Ok)
                .extracting(Parsed::line).first().isEqualTo(1028L);
        // lines 2 and 3, then 1028 to 2003
        assertThat(all).hasSize(2 + 2003 - 1027);
    }

    @Test
    void aHeaderLongerThan64KiBMakesTheFileUnreadable() throws IOException {
        Path file = write(dir, "usage.csv", USAGE_HEADER + "," + "h".repeat(70_000), "r1,src,alice,DATA,2026-11-03T10:15:00,1");

        assertThatThrownBy(() -> CsvRowReader.open(file, UsageFormat.INSTANCE))
                .isInstanceOf(BadFileException.class)
                .hasMessage("usage.csv: header line longer than 65536 characters");
    }

    @Test
    void iteratorEndsCleanly() throws IOException {
        Path file = write(dir, "usage.csv", USAGE_HEADER, "r1,src,alice,DATA,2026-11-03T10:15:00,1");

        try (CsvRowReader<UsageRow> reader = CsvRowReader.open(file, UsageFormat.INSTANCE)) {
            assertThat(reader.hasNext()).isTrue();
            assertThat(reader.hasNext()).isTrue();
            reader.next();
            assertThat(reader.hasNext()).isFalse();
            assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void streamsALargeFileWithExactLineNumbers() throws IOException {
        Path file = dir.resolve("big.csv");
        int records = 200_000;
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(USAGE_HEADER + "\r\n");
            for (int i = 0; i < records; i++) {
                out.write("r" + i + ",src,alice,DATA,2026-11-03T10:15:00," + (i % 1000 == 999 ? "bad" : i) + "\r\n");
            }
        }

        long ok = 0;
        long lastBadLine = 0;
        long badCount = 0;
        try (CsvRowReader<UsageRow> reader = CsvRowReader.open(file, UsageFormat.INSTANCE)) {
            while (reader.hasNext()) {
                Parsed<UsageRow> parsed = reader.next();
                if (parsed instanceof Parsed.Bad<UsageRow> b) {
                    badCount++;
                    lastBadLine = b.line();
                } else {
                    ok++;
                }
            }
        }

        // every 1000th record is bad: 200 bad, 199,800 good; record i sits on line i + 2
        assertThat(badCount).isEqualTo(200);
        assertThat(ok).isEqualTo(199_800);
        assertThat(lastBadLine).isEqualTo(199_999 + 2);
    }
}
