package ca.isp.billing.demo;

import static ca.isp.billing.demo.DemoCsvFiles.GIB;
import static ca.isp.billing.demo.DemoCsvFiles.TIMESTAMP;
import static ca.isp.billing.demo.DemoCsvFiles.byKey;
import static ca.isp.billing.demo.DemoCsvFiles.classifyUsage;
import static ca.isp.billing.demo.DemoCsvFiles.fileNames;
import static ca.isp.billing.demo.DemoCsvFiles.read;
import static ca.isp.billing.demo.DemoCsvFiles.serviceIds;
import static ca.isp.billing.demo.GeneratedIsp.CYCLE;
import static ca.isp.billing.demo.GeneratedIsp.SEED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.isp.billing.demo.DemoCsvFiles.UsageLines;
import ca.isp.billing.demo.DemoIspGenerator.Summary;

/** The usage export: last month's sessions and calls, with the lines ingest must catch. */
class UsageGeneratorTest {

    @TempDir
    static Path root;

    static Summary summary;
    static Path reference;
    static Path usageInbox;

    @BeforeAll
    static void generateTwoHundredAccounts() throws IOException {
        GeneratedIsp isp = GeneratedIsp.twoHundredAccounts(root);
        summary = isp.summary();
        reference = isp.reference();
        usageInbox = isp.usageInbox();
    }

    @Test
    void usageCoversLastMonthWithSomeCustomersOverTheirAllowance() throws IOException {
        Map<String, CSVRecord> subscriptions = byKey(read(reference.resolve("subscriptions.csv")).records(), "service_id");
        Map<String, CSVRecord> plans = byKey(read(reference.resolve("plans.csv")).records(), "plan_code");
        UsageLines usage = classifyUsage(read(usageInbox.resolve("usage-2025-06-01.csv")).records(), subscriptions.keySet());

        Map<String, Long> bytes = new TreeMap<>();
        for (CSVRecord r : usage.records()) {
            LocalDateTime start = LocalDateTime.parse(r.get("start_time"), TIMESTAMP);
            assertThat(start).isBetween(CYCLE.minusMonths(1).atStartOfDay(), CYCLE.atStartOfDay().minusSeconds(1));
            long quantity = Long.parseLong(r.get("quantity"));
            if (r.get("usage_type").equals("VOICE")) {
                assertThat(quantity).isBetween(5L, 3600L);
                assertThat(r.get("source")).startsWith("voip-");
            } else {
                assertThat(r.get("source")).startsWith("radius-");
                bytes.merge(r.get("service_id"), quantity, Long::sum);
            }
        }

        int capped = 0;
        int over = 0;
        for (Map.Entry<String, Long> entry : bytes.entrySet()) {
            CSVRecord plan = plans.get(subscriptions.get(entry.getKey()).get("plan_code"));
            if (plan.get("included_gb").isEmpty()) {
                continue;
            }
            capped++;
            long included = Long.parseLong(plan.get("included_gb"));
            long total = entry.getValue();
            if (total > included * 1_000_000_000L) {
                over++;
                // over by 1 to 80 GiB (+ up to half a GiB): over under either definition of a GB
                assertThat(total).isGreaterThan((included + 1) * GIB).isLessThan((included + 81) * GIB);
            }
        }
        assertThat((double) over / capped).as("about 20%% of %d capped customers over", capped).isBetween(0.10, 0.32);
    }

    @Test
    void usageHasEveryKindOfBadLineUnknownServicesAndOneDuplicate() throws IOException {
        UsageLines usage = classifyUsage(read(usageInbox.resolve("usage-2025-06-01.csv")).records(), serviceIds(reference));
        int lines = usage.records().size() + usage.malformed().size() + usage.unknown().size();

        assertThat(usage.malformed().size()).as("about 0.5%% of %d lines", lines)
                .isBetween(6, Math.max(6, lines / 100));
        assertThat(usage.malformed()).anyMatch(r -> r.size() < 6)
                .anyMatch(r -> r.size() == 6 && r.get("quantity").startsWith("-"))
                .anyMatch(r -> r.size() == 6 && r.get("quantity").matches(".*[^0-9-].*"))
                .anyMatch(r -> r.get("usage_type").equals("SMS"))
                .anyMatch(r -> r.get("service_id").isEmpty())
                .anyMatch(r -> !r.get("start_time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"));
        // the bad lines are spread through the file, not bunched at its end
        assertThat(usage.malformed().get(0).getRecordNumber()).isLessThan(lines / 2);

        assertThat(usage.unknown()).hasSizeBetween(2, Math.max(2, lines / 200));

        Map<String, List<CSVRecord>> byKey = new HashMap<>();
        for (CSVRecord r : usage.records()) {
            byKey.computeIfAbsent(r.get("source") + "|" + r.get("record_id"), key -> new ArrayList<>()).add(r);
        }
        List<List<CSVRecord>> repeated = byKey.values().stream().filter(list -> list.size() > 1).toList();
        assertThat(repeated).hasSize(1);
        assertThat(repeated.get(0)).hasSize(2);
        assertThat(repeated.get(0).get(0).values()).isEqualTo(repeated.get(0).get(1).values());
    }

    @Test
    void aLargeExportIsSplitIntoNumberedFilesHoldingTheSameLines() throws IOException {
        Path split = root.resolve("split");
        Summary splitSummary = new DemoIspGenerator(SEED, 200, CYCLE, 500)
                .generate(split.resolve("reference"), split.resolve("usage"), split.resolve("payments"));
        assertThat(splitSummary).isEqualTo(summary);

        List<String> parts = fileNames(split.resolve("usage"));
        int expectedParts = (int) Math.ceil((summary.usageRecords() + summary.malformedUsageLines()
                + summary.unknownServiceUsage()) / 499.0);
        assertThat(parts).hasSize(expectedParts);
        List<String> joined = new ArrayList<>();
        for (int part = 1; part <= expectedParts; part++) {
            Path file = split.resolve("usage").resolve("usage-2025-06-01-" + part + ".csv");
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines).hasSizeLessThanOrEqualTo(500);
            assertThat(lines.get(0)).isEqualTo("record_id,source,service_id,usage_type,start_time,quantity");
            joined.addAll(lines.subList(1, lines.size()));
        }
        List<String> whole = Files.readAllLines(usageInbox.resolve("usage-2025-06-01.csv"), StandardCharsets.UTF_8);
        assertThat(joined).isEqualTo(whole.subList(1, whole.size()));
    }
}
