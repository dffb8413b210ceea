package ca.isp.billing.demo;

import static ca.isp.billing.demo.DemoCsvFiles.byKey;
import static ca.isp.billing.demo.DemoCsvFiles.read;
import static ca.isp.billing.demo.GeneratedIsp.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.isp.billing.demo.DemoIspGenerator.Summary;

/** opening-balances.csv: the old system's invoices still open. */
class OpeningBalanceGeneratorTest {

    @TempDir
    static Path root;

    static Summary summary;
    static Path reference;

    @BeforeAll
    static void generateTwoHundredAccounts() throws IOException {
        GeneratedIsp isp = GeneratedIsp.twoHundredAccounts(root);
        summary = isp.summary();
        reference = isp.reference();
    }

    @Test
    void openBalanceAmountsAreTheMonthlyChargesWithTaxRoundedPerTax() {
        // QC, Essential 50: GST 54.95 x 0.05 = 2.7475 -> 2.75; QST 54.95 x 0.09975 = 5.4812625 -> 5.48;
        // 54.95 + 2.75 + 5.48 = 63.18
        assertThat(OpeningBalanceGenerator.withTax(new BigDecimal("54.95"), DemoCatalog.taxRatesFor("CA", "QC")))
                .isEqualByComparingTo("63.18");
        // ON, Fibre 300 + Home Phone: 79.95 + 24.95 = 104.90; HST 104.90 x 0.13 = 13.637 -> 13.64; 118.54
        assertThat(OpeningBalanceGenerator.withTax(new BigDecimal("104.90"), DemoCatalog.taxRatesFor("CA", "ON")))
                .isEqualByComparingTo("118.54");
        // BC, Fibre 1 Gig: GST 99.95 x 0.05 = 4.9975 -> 5.00; PST 99.95 x 0.07 = 6.9965 -> 7.00; 111.95
        assertThat(OpeningBalanceGenerator.withTax(new BigDecimal("99.95"), DemoCatalog.taxRatesFor("CA", "BC")))
                .isEqualByComparingTo("111.95");
        // NH: no sales tax, 99.95 x 0 = 0.00; 99.95
        assertThat(OpeningBalanceGenerator.withTax(new BigDecimal("99.95"), DemoCatalog.taxRatesFor("US", "NH")))
                .isEqualByComparingTo("99.95");
    }

    @Test
    void openingBalancesAreLastMonthsInvoicesOfDueAccounts() throws IOException {
        Map<String, CSVRecord> accounts = byKey(read(reference.resolve("accounts.csv")).records(), "account_number");
        List<CSVRecord> balances = read(reference.resolve("opening-balances.csv")).records();
        assertThat(balances.stream().map(b -> b.get("invoice_number"))).doesNotHaveDuplicates();
        int older = 0;
        for (CSVRecord b : balances) {
            CSVRecord account = accounts.get(b.get("account_number"));
            assertThat(account.get("next_bill_date")).isEqualTo(CYCLE.toString());
            LocalDate invoiceDate = LocalDate.parse(b.get("invoice_date"));
            assertThat(invoiceDate).isIn(CYCLE.minusMonths(1), CYCLE.minusMonths(2));
            older += invoiceDate.equals(CYCLE.minusMonths(2)) ? 1 : 0;
            assertThat(LocalDate.parse(b.get("due_date"))).isEqualTo(invoiceDate.plusDays(21));
            assertThat(b.get("invoice_number"))
                    .isEqualTo(b.get("account_number") + "-" + invoiceDate.format(DateTimeFormatter.BASIC_ISO_DATE));
            // cheapest month: Essential 50 alone, untaxed in NH = 54.95; dearest: a business with two lines
            assertThat(b.get("amount")).matches("\\d+\\.\\d\\d");
            assertThat(new BigDecimal(b.get("amount"))).isBetween(new BigDecimal("54.95"), new BigDecimal("400.00"));
        }
        int due = summary.dueAccounts();
        assertThat(balances.size() - older).as("about 60% of due accounts").isBetween(due * 45 / 100, due * 75 / 100);
        assertThat(older).as("about 6% of due accounts").isBetween(3, due * 12 / 100);
    }
}
