package ca.isp.billing.jobs.handoff;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.writers.MailVendorBatch;

/**
 * The mail-vendor batch is made from the database, not from what a run happened to write: deleted,
 * then rebuilt by a rerun of the cycle, the manifest, SHA256SUMS and the cycle's zip are the same
 * bytes; every letter's sheets are its pages printed two to a sheet.
 */
class VendorBatchRegeneratedTest {

    @Test
    void theBatchRebuiltFromTheDatabaseIsTheSameBytes() throws Exception {
        try (BillingRun run = BillingRun.onH2(Map.of("billing.handoff.vendor-zip", "true"))) {
            run.generateAndImport(40, 5);
            assertThat(run.bill()).isEqualTo(Result.COMPLETED);
            Path vendor = run.properties().out().resolve("mail-vendor");
            Path batch = vendor.resolve(CYCLE.toString());
            Path zip = vendor.resolve(CYCLE + ".zip");
            List<Path> made = List.of(batch.resolve(MailVendorBatch.MANIFEST), batch.resolve(MailVendorBatch.CHECKSUMS), zip);
            byte[][] before = new byte[made.size()][];
            for (int i = 0; i < made.size(); i++) {
                before[i] = Files.readAllBytes(made.get(i));
                Files.delete(made.get(i));
            }

            assertThat(run.rerun()).isEqualTo(Result.COMPLETED);

            for (int i = 0; i < made.size(); i++) {
                assertThat(Files.readAllBytes(made.get(i))).as(made.get(i).toString()).isEqualTo(before[i]);
            }
            try (CSVParser rows = CSVParser.parse(batch.resolve(MailVendorBatch.MANIFEST), StandardCharsets.UTF_8,
                    CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                List<CSVRecord> records = rows.getRecords();
                assertThat(records).isNotEmpty();
                for (CSVRecord r : records) {
                    int pages = MailVendorBatch.pageCount(Files.readAllBytes(batch.resolve(r.get("pdf_file"))));
                    assertThat(r.get("pages")).isEqualTo(Integer.toString(pages));
                    assertThat(r.get("sheets")).isEqualTo(Integer.toString((pages + 1) / 2));
                }
            }
        }
    }
}
