package ca.isp.billing.jobs.report;

import static ca.isp.billing.jobs.Fixtures.drop;
import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * The management reports of November with a reversed payment and write-offs, read back from the
 * CSV files and checked against the input files. hand-worked/balance: four Ontario accounts on
 * NET-UNL at 40.00 + HST 13% = 45.20 a month (F-1..F-4, dated 11-01, due 11-22), opening balances
 * OLD-1..4 of 100.00 due 09-21; payments P-BEFORE 60.00 (10-25, OLD-1), P-ON 100.00 (11-01, OLD-2),
 * P-AFTER 100.00 (11-05, OLD-3). hand-worked/reversals-write-offs: P-NOV 85.20 (11-20, 500001: OLD-1's
 * 40.00 + F-1's 45.20) and R-AFTER (11-21), P-AFTER returned NSF: OLD-3 open again.
 *
 * <p>Collections every day from 11-20 to 11-30, delinquent 1 day past due, suspended 1 day later,
 * written off once suspended and 3 days past the oldest due date, the whole balance; write-offs
 * run before delinquency, so a write-off comes the day after the suspension at the earliest:
 * 500004, 60 days past due on OLD-4 when collections first runs, is delinquent and suspended on
 * that first run, 11-20, written off 11-21 (OLD-4 100.00 + F-4 45.20); 500003 delinquent 11-21
 * (R-AFTER), suspended 11-22, written off 11-23 (OLD-3 100.00 + F-3 45.20); 500002 delinquent
 * 11-23 (F-2 due 11-22), suspended 11-24, written off 11-25 (11-22 + 3): F-2 45.20. 500001 paid.
 */
class ReversalsAndWriteOffsReportTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate END = LocalDate.of(2026, 11, 30);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.delinquency.days-past-due", () -> "1");
        registry.add("billing.delinquency.suspend-after-days", () -> "1");
        registry.add("billing.write-off.after-days", () -> "3");
    }

    @Autowired
    ManagementReports reports;
    @Autowired
    CollectionsLauncher collections;

    @Test
    void reversalsAreNegativeRowsThatReconcileAndWriteOffsShowInTheRegister() throws Exception {
        importFile(importer, Kind.PLANS, "journal/plans.csv");
        importFile(importer, Kind.TAX_RATES, "journal/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/balance/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/balance/subscriptions.csv");
        importFile(importer, Kind.OPENING_BALANCES, "hand-worked/balance/opening-balances.csv");
        drop("hand-worked/balance/payments-2026-11.csv", properties.inbox("payments"));
        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);
        for (LocalDate day = LocalDate.of(2026, 11, 20); !day.isAfter(END); day = day.plusDays(1)) {
            if (day.getDayOfMonth() == 20) {
                drop("hand-worked/reversals-write-offs/payments-2026-11-20.csv", properties.inbox("payments"));
            }
            if (day.getDayOfMonth() == 21) {
                drop("hand-worked/reversals-write-offs/returns-2026-11-21.csv", properties.inbox("payments"));
            }
            assertThat(collections.collect(day).result()).as(day.toString()).isEqualTo(Result.COMPLETED);
        }

        List<Path> files = reports.write(List.of(ManagementReports.Kind.PAYMENTS, ManagementReports.Kind.PAYMENT_TOTALS,
                ManagementReports.Kind.INVOICES, ManagementReports.Kind.WRITE_OFFS), NOV, END,
                ManagementReports.Format.CSV);
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly(
                "payments-2026-11-01-2026-11-30.csv", "payment_totals-2026-11-01-2026-11-30.csv",
                "invoices-2026-11-01-2026-11-30.csv", "write_offs-2026-11-01-2026-11-30.csv");

        // payments: from the payment files, what was received in November and what was reversed:
        // received P-ON 100.00 + P-AFTER 100.00 + P-NOV 85.20 = 285.20 (P-BEFORE is October's);
        // reversed R-AFTER 100.00; net 285.20 - 100.00 = 185.20
        BigDecimal received = BigDecimal.ZERO;
        BigDecimal reversed = BigDecimal.ZERO;
        for (String file : List.of("hand-worked/balance/payments-2026-11.csv",
                "hand-worked/reversals-write-offs/payments-2026-11-20.csv",
                "hand-worked/reversals-write-offs/returns-2026-11-21.csv")) {
            for (CSVRecord p : records(Fixtures.path(file))) {
                LocalDate day = LocalDate.parse(p.get("received_on"));
                if (day.isBefore(NOV) || day.isAfter(END)) {
                    continue;
                }
                BigDecimal amount = new BigDecimal(p.get("amount"));
                if (amount.signum() > 0) {
                    received = received.add(amount);
                } else {
                    reversed = reversed.add(amount.negate());
                }
            }
        }
        assertThat(received).isEqualByComparingTo("285.20");
        assertThat(reversed).isEqualByComparingTo("100.00");
        List<CSVRecord> payments = records(files.get(0));
        assertThat(payments).extracting(p -> p.get("received_on") + " " + p.get("payment_ref") + " " + p.get("kind")
                + " " + p.get("amount") + " " + p.get("reverses") + " " + p.get("reversal_reason")).containsExactly(
                "2026-11-01 P-ON PAYMENT 100.00  ", "2026-11-05 P-AFTER PAYMENT 100.00  ",
                "2026-11-20 P-NOV PAYMENT 85.20  ", "2026-11-21 R-AFTER REVERSAL -100.00 P-AFTER NSF");
        assertThat(payments.get(3).get("account_number")).isEqualTo("500003");
        assertThat(sum(payments, "amount")).isEqualByComparingTo(received.subtract(reversed))
                .isEqualByComparingTo("185.20");
        BigDecimal inPeriod = received;
        BigDecimal takenBack = reversed;
        assertThat(records(files.get(1))).singleElement().satisfies(t -> {
            assertThat(t.get("currency")).isEqualTo("CAD");
            assertThat(t.get("payments")).isEqualTo("3");
            assertThat(new BigDecimal(t.get("received"))).isEqualByComparingTo(inPeriod);
            assertThat(t.get("reversals")).isEqualTo("1");
            assertThat(new BigDecimal(t.get("reversed"))).isEqualByComparingTo(takenBack);
            assertThat(new BigDecimal(t.get("net"))).isEqualByComparingTo(inPeriod.subtract(takenBack));
        });

        // the register: F-1 paid by P-NOV (85.20 - OLD-1's 40.00 = 45.20); F-2..F-4 written off whole,
        // 3 x 45.20 = 135.60; total 4 x 45.20 = 180.80 = paid 45.20 + written off 135.60 + open 0.00
        Map<String, String> register = new TreeMap<>();
        List<CSVRecord> invoices = records(files.get(2));
        for (CSVRecord i : invoices) {
            register.put(i.get("account_number"), i.get("amount_paid") + " " + i.get("amount_written_off") + " "
                    + i.get("open_amount") + " " + i.get("written_off_on") + " " + i.get("account_status"));
        }
        assertThat(register).containsExactly(Map.entry("500001", "45.20 0.00 0.00  ACTIVE"),
                Map.entry("500002", "0.00 45.20 0.00 2026-11-25 WRITTEN_OFF"),
                Map.entry("500003", "0.00 45.20 0.00 2026-11-23 WRITTEN_OFF"),
                Map.entry("500004", "0.00 45.20 0.00 2026-11-21 WRITTEN_OFF"));
        assertThat(sum(invoices, "total")).isEqualByComparingTo("180.80")
                .isEqualByComparingTo(sum(invoices, "amount_paid").add(sum(invoices, "amount_written_off"))
                        .add(sum(invoices, "open_amount")));
        assertThat(sum(invoices, "amount_written_off")).isEqualByComparingTo("135.60");

        // write-offs of November, opening balances included: OLD-4 100.00 + F-4 45.20, OLD-3 100.00 +
        // F-3 45.20, F-2 45.20 = 335.60
        List<CSVRecord> writeOffs = records(files.get(3));
        assertThat(writeOffs).extracting(w -> w.get("written_off_on") + " " + w.get("account_number") + " "
                + w.get("amount")).containsExactlyInAnyOrder("2026-11-21 500004 100.00", "2026-11-21 500004 45.20",
                "2026-11-23 500003 100.00", "2026-11-23 500003 45.20", "2026-11-25 500002 45.20");
        assertThat(sum(writeOffs, "amount")).isEqualByComparingTo("335.60");
        assertThat(Files.readString(files.get(3))).contains("OLD-4", "OLD-3");
    }

    private static BigDecimal sum(List<CSVRecord> rows, String column) {
        return rows.stream().map(r -> new BigDecimal(r.get(column))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<CSVRecord> records(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)
                    .getRecords());
        }
    }
}
