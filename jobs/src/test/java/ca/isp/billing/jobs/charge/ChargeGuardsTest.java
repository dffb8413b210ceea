package ca.isp.billing.jobs.charge;

import static ca.isp.billing.jobs.cycle.CycleLauncher.Option.FORCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * What the charge step refuses to do on its own: catch up an account more than three periods
 * behind (the operator's --force does it), or bill usage no invoice can hold. Neither stops the
 * cycle. NET-UNL is 40.00 a month, NET-50 is 50.00 with 50 GB and 2.00 per GB over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class ChargeGuardsTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);

    @BeforeAll
    void accounts() throws IOException {
        Fixtures.importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        Fixtures.importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importer.importFile(Kind.ACCOUNTS, write("accounts.csv",
                "account_number,name,customer_type,language,email,delivery,billing_line1,billing_line2,billing_city,"
                        + "billing_region,billing_postal_code,billing_country,service_line1,service_line2,service_city,"
                        + "service_county,service_region,service_postal_code,service_country,next_bill_date",
                account("730001", "2026-06-01"),   // 5 periods before 2026-11-01: June to November is 6 to charge
                account("730002", "2026-11-01"),   // on time
                account("730003", "2026-08-01"),   // exactly 3 periods before: still charged without --force
                account("730004", "2026-12-01"),   // unlimited data, usage too large for a long
                account("730005", "2026-12-01"))); // the same usage on a 50 GB plan
        importer.importFile(Kind.SUBSCRIPTIONS, write("subscriptions.csv",
                "subscription_id,account_number,plan_code,service_id,start_date,end_date",
                "S730001,730001,NET-UNL,g-1,2026-01-01,",
                "S730002,730002,NET-UNL,g-2,2026-01-01,",
                "S730003,730003,NET-UNL,g-3,2026-01-01,",
                "S730004,730004,NET-UNL,g-4,2026-01-01,",
                "S730005,730005,NET-50,g-5,2026-01-01,"));
    }

    @Test
    @Order(1)
    void anAccountMoreThanThreePeriodsBehindIsLeftForTheOperator(CapturedOutput output) throws IOException {
        // when
        Result exit = launcher.bill(NOV).result();

        // then: 730001 is not charged and keeps its next bill date; the others are charged
        assertThat(exit).isEqualTo(Result.COMPLETED);
        assertThat(invoiced("730001", NOV)).isZero();
        assertThat(nextBillDate("730001")).isEqualTo(Date.valueOf("2026-06-01"));
        // 730002: November, 40.00; 730003: August to November, 4 x 40.00 = 160.00
        assertThat(Fixtures.invoiceValue(jdbc, "subtotal", "730002", NOV)).isEqualByComparingTo("40.00");
        assertThat(Fixtures.invoiceValue(jdbc, "subtotal", "730003", NOV)).isEqualByComparingTo("160.00");
        // the log says why and what to type; the run summary counts it
        assertThat(output).contains("ERROR")
                .contains("account 730001: next bill date 2026-06-01 is more than 3 periods before the cycle date 2026-11-01")
                .contains("./run.sh rerun --cycle-date 2026-11-01 --force");
        assertThat(Files.readString(properties.reports(NOV).resolve("run-summary.txt")))
                .contains("accounts left uncharged, more than 3 periods behind (./run.sh rerun --cycle-date 2026-11-01 --force): 1");
    }

    @Test
    @Order(2)
    void aForcedRerunChargesIt() throws IOException {
        // when
        Result exit = launcher.rerun(NOV, FORCE).result();

        // then: June to November, 6 x 40.00 = 240.00, and the account is due again in December
        assertThat(exit).isEqualTo(Result.COMPLETED);
        assertThat(Fixtures.invoiceValue(jdbc, "subtotal", "730001", NOV)).isEqualByComparingTo("240.00");
        assertThat(nextBillDate("730001")).isEqualTo(Date.valueOf("2026-12-01"));
        assertThat(Files.readString(properties.reports(NOV).resolve("run-summary.txt")))
                .contains("accounts left uncharged, more than 3 periods behind (./run.sh rerun --cycle-date 2026-11-01 --force): 0");
    }

    @Test
    @Order(3)
    void usageSumsBeyondALongAreExactAndAnInvoiceTooLargeIsRefusedAlone(CapturedOutput output) {
        // given: usage stored before the ingest checked quantities (as an older version did): two
        // sessions of 2^63 - 1 bytes each on 730004 (unlimited) and on 730005 (50 GB plan)
        jdbc.update("""
                INSERT INTO ingested_file (kind, file_name, sha256, lines_read, records_stored, duplicates, rejected,
                    ingested_at) VALUES ('usage', 'old.csv', ?, 4, 4, 0, 0, CURRENT_TIMESTAMP)""", "0".repeat(64));
        long file = count("SELECT id FROM ingested_file WHERE file_name = 'old.csv'");
        for (String account : new String[] {"730004", "730005"}) {
            for (int session = 1; session <= 2; session++) {
                jdbc.update("""
                        INSERT INTO usage_record (source, record_id, service_id, usage_type, start_time, quantity,
                            file_id, status, subscription_id, account_id, billable_units)
                        SELECT 'radius', ?, 'g', 'DATA', TIMESTAMP '2026-11-10 08:00:00', 9223372036854775807, ?,
                            'RATED', s.id, s.account_id, 9223372036854775807
                        FROM subscription s WHERE s.subscription_id = ?""",
                        account + "-" + session, file, "S" + account);
            }
        }

        // when
        Result exit = launcher.bill(DEC).result();

        // then: 730004 is billed its plan (unlimited: no usage line). 730005: 2 x (2^63 - 1) bytes =
        // 18,446,744,073.709551614 GB, 18,446,744,023.709551614 over 50 x 2.00 = 36,893,488,047.42, plus
        // the plan's 50.00 = 36,893,488,097.42, more than an invoice holds: not charged; the cycle goes on
        assertThat(exit).isEqualTo(Result.COMPLETED);
        assertThat(Fixtures.invoiceValue(jdbc, "subtotal", "730004", DEC)).isEqualByComparingTo("40.00");
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE account_id = (SELECT id FROM account"
                + " WHERE account_number = '730004') AND status = 'BILLED'")).isEqualTo(2);
        assertThat(invoiced("730005", DEC)).isZero();
        assertThat(nextBillDate("730005")).isEqualTo(Date.valueOf("2026-12-01"));
        assertThat(output).contains("account 730005: charges of 36,893,488,097.42 are more than one invoice can hold");
        // the accounts charged in November are charged in December as usual
        assertThat(Fixtures.invoiceValue(jdbc, "subtotal", "730001", DEC)).isEqualByComparingTo("40.00");
    }

    private long invoiced(String account, LocalDate cycle) {
        return count("SELECT COUNT(*) FROM invoice i JOIN account a ON a.id = i.account_id"
                + " WHERE a.account_number = ? AND i.cycle_date = ?", account, cycle);
    }

    private Date nextBillDate(String account) {
        return jdbc.queryForObject("SELECT next_bill_date FROM account WHERE account_number = ?", Date.class, account);
    }

    private static String account(String number, String nextBillDate) {
        return CSVFormat.DEFAULT.format(number, "Guarded " + number, "RESIDENTIAL", "en", "", "MAIL", "1 King St", "",
                "Toronto", "ON", "M5H 1A1", "CA", "1 King St", "", "Toronto", "", "ON", "M5H 1A1", "CA", nextBillDate);
    }

    private static Path write(String name, String... lines) throws IOException {
        Path file = HOME.resolve("files").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
