package ca.isp.billing.demo;

import static ca.isp.billing.demo.DemoCsvFiles.read;
import static ca.isp.billing.demo.DemoCsvFiles.wellFormedPayment;
import static ca.isp.billing.demo.GeneratedIsp.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.isp.billing.demo.DemoIspGenerator.Summary;

/** The payment batch: open invoices paid in full, in part or not at all. */
class PaymentGeneratorTest {

    @TempDir
    static Path root;

    static Summary summary;
    static Path reference;
    static Path paymentInbox;

    @BeforeAll
    static void generateTwoHundredAccounts() throws IOException {
        GeneratedIsp isp = GeneratedIsp.twoHundredAccounts(root);
        summary = isp.summary();
        reference = isp.reference();
        paymentInbox = isp.paymentInbox();
    }

    @Test
    void paymentsPayOpenInvoicesInFullInPartOrNotAtAll() throws IOException {
        Map<String, BigDecimal> owed = new TreeMap<>();
        Map<String, LocalDate> firstInvoice = new HashMap<>();
        for (CSVRecord b : read(reference.resolve("opening-balances.csv")).records()) {
            owed.merge(b.get("account_number"), new BigDecimal(b.get("amount")), BigDecimal::add);
            firstInvoice.merge(b.get("account_number"), LocalDate.parse(b.get("invoice_date")),
                    (x, y) -> x.isBefore(y) ? x : y);
        }
        List<CSVRecord> payments = read(paymentInbox.resolve("payments-2025-06-01.csv")).records();
        assertThat(payments.stream().map(p -> p.get("payment_ref"))).doesNotHaveDuplicates()
                .allMatch(ref -> ref.matches("PMT-20250601\\d{6}"));

        Map<String, BigDecimal> paid = new TreeMap<>();
        int unknownAccount = 0;
        for (CSVRecord p : payments.stream().filter(DemoCsvFiles::wellFormedPayment).toList()) {
            assertThat(p.get("method")).isIn("BANK", "CARD", "CHEQUE");
            if (p.get("account_number").equals("999999")) {
                unknownAccount++;
                continue;
            }
            String account = p.get("account_number");
            assertThat(owed).containsKey(account);
            assertThat(LocalDate.parse(p.get("received_on")))
                    .isBetween(firstInvoice.get(account), CYCLE.minusDays(1));
            paid.merge(account, new BigDecimal(p.get("amount")), BigDecimal::add);
        }
        assertThat(unknownAccount).isOne();
        assertThat(paid).allSatisfy((account, amount) -> assertThat(amount).isLessThanOrEqualTo(owed.get(account)));

        long inFull = paid.entrySet().stream().filter(e -> e.getValue().compareTo(owed.get(e.getKey())) == 0).count();
        int invoices = summary.openingBalances();
        assertThat((double) inFull / invoices).as("about 70% paid in full").isBetween(0.60, 0.80);
        assertThat((double) (paid.size() - inFull) / invoices).as("about 10% paid in part").isBetween(0.05, 0.15);

        List<CSVRecord> malformed = payments.stream().filter(p -> !wellFormedPayment(p)).toList();
        assertThat(malformed).extracting(p -> p.get("amount")).contains("12.345");
        assertThat(malformed).anyMatch(p -> p.get("account_number").isEmpty());
    }
}
