package ca.isp.billing.jobs.accounting;

import static ca.isp.billing.jobs.Fixtures.drop;
import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.domain.Journal;
import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * The journal of two cycles, worked by hand from the fixtures (hand-worked/balance: four Ontario
 * accounts on NET-UNL with an opening balance of 100.00 each; journal/plans.csv gives NET-UNL the
 * revenue account 4010, journal/tax-rates.csv gives Ontario's HST the account 2330). The company
 * defaults are 1200 receivables, 1000 cash, 4500 late fees.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JournalHandWorkedTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    JournalExport journalExport;

    @Test
    @Order(1)
    void novemberPostsItsInvoicesAndPayments() throws IOException {
        importFile(importer, Kind.PLANS, "journal/plans.csv");
        importFile(importer, Kind.TAX_RATES, "journal/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/balance/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/balance/subscriptions.csv");
        importFile(importer, Kind.OPENING_BALANCES, "hand-worked/balance/opening-balances.csv");
        drop("hand-worked/balance/payments-2026-11.csv", properties.inbox("payments"));

        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);

        Path file = properties.reports(NOV).resolve("journal.csv");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        JournalCsv journal = JournalCsv.read(file);
        journal.assertBalanced();

        // From the input files: 4 accounts x NET-UNL 40.00 = 160.00 revenue to 4010;
        // HST 13 % of 40.00 = 5.20 an invoice, x 4 = 20.80 to 2330; receivables 4 x 45.20 = 180.80.
        BigDecimal price = planPrice("NET-UNL");
        BigDecimal hst = taxRate("HST");
        assertThat(price).isEqualByComparingTo("40.00");
        assertThat(hst).isEqualByComparingTo("0.13");
        BigDecimal taxPerInvoice = price.multiply(hst).setScale(2, java.math.RoundingMode.HALF_UP);
        assertThat(journal.creditsTo("4010")).isEqualByComparingTo(price.multiply(BigDecimal.valueOf(4)))
                .isEqualByComparingTo("160.00");
        assertThat(journal.creditsTo("2330")).isEqualByComparingTo(taxPerInvoice.multiply(BigDecimal.valueOf(4)))
                .isEqualByComparingTo("20.80");
        // payments of the November file: 60.00 + 100.00 + 100.00 = 260.00 into cash
        BigDecimal received = paymentsIn("hand-worked/balance/payments-2026-11.csv");
        assertThat(journal.debitsTo("1000")).isEqualByComparingTo(received).isEqualByComparingTo("260.00");
        // receivables: 180.80 invoiced - 260.00 received = 79.20 net credit
        assertThat(journal.debitsTo("1200")).isEqualByComparingTo("-79.20");
        // nothing else: 160.00 + 20.80 + 260.00 = 440.80 each side
        assertThat(journal.net(r -> true)).isZero();
        assertThat(journal.rows().stream().map(r -> new BigDecimal(r.get("debit"))).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo("440.80");

        // every line traced: the four invoices and three payments; opening balances are the old system's
        assertThat(journal.sources("INVOICE")).containsExactly("F-2026-000001", "F-2026-000002", "F-2026-000003",
                "F-2026-000004");
        assertThat(journal.sources("PAYMENT")).containsExactly("P-AFTER", "P-BEFORE", "P-ON");
        CSVRecord tax = journal.rows().stream().filter(r -> r.get("category").equals("TAX_PAYABLE")).findFirst()
                .orElseThrow();
        assertThat(tax.get("line_ref")).isEqualTo("TAX:HST");
        assertThat(tax.get("tax_code")).isEqualTo("HST");
        assertThat(tax.get("jurisdiction")).isEqualTo("CA/ON");
        CSVRecord revenue = journal.rows().stream().filter(r -> r.get("category").equals("REVENUE")).findFirst()
                .orElseThrow();
        assertThat(revenue.get("plan_code")).isEqualTo("NET-UNL");
        assertThat(revenue.get("line_ref")).startsWith("RECURRING:S500001:NET-UNL:");
        assertThat(revenue.get("account_number")).isEqualTo("500001");
        assertThat(revenue.get("entry_date")).isEqualTo("2026-11-01");

        // written again on demand: the same bytes
        byte[] written = Files.readAllBytes(file);
        List<JournalExport.Written> again = journalExport.writeAll(NOV);
        assertThat(again).hasSize(1);
        assertThat(Files.readAllBytes(file)).isEqualTo(written);
    }

    @Test
    @Order(2)
    void decemberPostsTheLateFeesOnTheInvoicesThatBillThem() throws IOException {
        drop("hand-worked/balance/payments-2026-12.csv", properties.inbox("payments"));

        assertThat(launcher.bill(DEC).result()).isEqualTo(Result.COMPLETED);

        JournalCsv journal = JournalCsv.read(properties.reports(DEC).resolve("journal.csv"));
        journal.assertBalanced();
        // 4 x 40.00 = 160.00 and 4 x 5.20 = 20.80 again; November's late fees on OLD-1 and OLD-4,
        // 10.00 each (not taxed), billed on 500001's and 500004's December invoices: 20.00 to 4500
        assertThat(journal.creditsTo("4010")).isEqualByComparingTo("160.00");
        assertThat(journal.creditsTo("2330")).isEqualByComparingTo("20.80");
        assertThat(journal.creditsTo("4500")).isEqualByComparingTo("20.00");
        assertThat(journal.rows().stream().filter(r -> r.get("category").equals("LATE_FEE"))
                .map(r -> r.get("source_ref") + " " + r.get("line_ref")).toList())
                .containsExactly("F-2026-000005 LATE_FEE:OLD-1:LATE-FLAT", "F-2026-000008 LATE_FEE:OLD-4:LATE-FLAT");
        // P-NOV 85.20 + P-LATE 30.00 = 115.20; receivables 160.00 + 20.80 + 20.00 - 115.20 = 85.60
        assertThat(journal.debitsTo("1000")).isEqualByComparingTo(paymentsIn("hand-worked/balance/payments-2026-12.csv"))
                .isEqualByComparingTo("115.20");
        assertThat(journal.debitsTo("1200")).isEqualByComparingTo("85.60");
        // nothing of November posted twice
        assertThat(journal.sources("INVOICE")).containsExactly("F-2026-000005", "F-2026-000006", "F-2026-000007",
                "F-2026-000008");
        assertThat(journal.sources("PAYMENT")).containsExactly("P-LATE", "P-NOV");
    }

    @Test
    @Order(3)
    void aJournalThatDoesNotBalanceFailsTheRunAndIsNotWritten() throws IOException {
        // an invoice whose total is not the sum of its lines (a cent off), not posted yet
        jdbc.update("UPDATE invoice SET total = total + 0.01 WHERE invoice_number = 'F-2026-000006'");
        assertThatThrownBy(() -> journalExport.journal(DEC, 0))
                .isInstanceOf(Journal.UnbalancedJournalException.class)
                .hasMessageContaining("INVOICE F-2026-000006 CAD (debits - credits = 0.01)");
        jdbc.update("DELETE FROM journal_posting WHERE source_ref = 'F-2026-000006'");

        // the rerun posts it, finds the journal unbalanced and fails, naming the entry
        var outcome = launcher.rerun(DEC);
        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(outcome.message()).contains("journal").contains("F-2026-000006");
        assertThat(properties.reports(DEC).resolve("journal-rerun-1.csv")).doesNotExist();
        assertThat(count("SELECT COUNT(*) FROM journal_posting WHERE source_ref = 'F-2026-000006'")).isZero();

        // once the invoice is right, the same command resumes and posts it, alone, in the rerun's journal
        jdbc.update("UPDATE invoice SET total = total - 0.01 WHERE invoice_number = 'F-2026-000006'");
        assertThat(launcher.rerun(DEC).result()).isEqualTo(Result.COMPLETED);
        JournalCsv rerun = JournalCsv.read(properties.reports(DEC).resolve("journal-rerun-1.csv"));
        rerun.assertBalanced();
        assertThat(rerun.sources("INVOICE")).containsExactly("F-2026-000006");
        assertThat(rerun.sources("PAYMENT")).isEmpty();
        assertThat(rerun.debitsTo("1200")).isEqualByComparingTo("45.20");
    }

    private static BigDecimal planPrice(String plan) throws IOException {
        return column("journal/plans.csv", "plan_code", plan, "monthly_price");
    }

    private static BigDecimal taxRate(String taxCode) throws IOException {
        return column("journal/tax-rates.csv", "tax_code", taxCode, "rate");
    }

    private static BigDecimal column(String fixture, String keyColumn, String key, String column) throws IOException {
        try (Reader in = Files.newBufferedReader(Fixtures.path(fixture))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (r.get(keyColumn).equals(key)) {
                    return new BigDecimal(r.get(column));
                }
            }
        }
        throw new AssertionError(key + " not in " + fixture);
    }

    private static BigDecimal paymentsIn(String fixture) throws IOException {
        try (Reader in = Files.newBufferedReader(Fixtures.path(fixture))) {
            BigDecimal sum = BigDecimal.ZERO;
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                sum = sum.add(new BigDecimal(r.get("amount")));
            }
            return sum;
        }
    }
}
