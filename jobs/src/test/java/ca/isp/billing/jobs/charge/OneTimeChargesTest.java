package ca.isp.billing.jobs.charge;

import static ca.isp.billing.jobs.Fixtures.billInNewProcess;
import static ca.isp.billing.jobs.Fixtures.importFile;
import static ca.isp.billing.jobs.Fixtures.invoiceValue;
import static ca.isp.billing.jobs.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * One-time charges and credits (import charges): each billed once, on the account's first invoice
 * whose cycle date is on or after its date, taxed as what the customer buys; the same file twice
 * bills nothing more; bad lines are rejected with their field and reason.
 */
class OneTimeChargesTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);

    @Test
    void chargesAndCreditsAreBilledOnceOnTheNextInvoice() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/midperiod/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/midperiod/subscriptions.csv");
        ReferenceDataImporter.Result first = importer.importFile(Kind.CHARGES, path("hand-worked/charges/charges.csv"));
        assertThat(first.inserted()).isEqualTo(3);

        assertThat(billInNewProcess(HOME, NOV)).isEqualTo(Result.COMPLETED);
        // 410001 (ON): NET-50 50.00 + installation 99.00 - goodwill credit 15.00 = 134.00;
        // HST 134.00 x 0.13 = 17.42; total 151.42
        assertThat(lines("410001", NOV)).containsExactly(
                "RECURRING 50.00 Net 50",
                "ONE_TIME 99.00 Installation",
                "CREDIT -15.00 Goodwill credit: outage of Oct 27");
        assertThat(invoiceValue(jdbc, "subtotal", "410001", NOV)).isEqualByComparingTo("134.00");
        assertThat(invoiceValue(jdbc, "total", "410001", NOV)).isEqualByComparingTo("151.42");
        // 410002's router is dated Nov 15, after the cycle date: it waits; 40.00 + 5.20 = 45.20
        assertThat(invoiceValue(jdbc, "total", "410002", NOV)).isEqualByComparingTo("45.20");

        // the same file again changes nothing
        ReferenceDataImporter.Result again = importer.importFile(Kind.CHARGES, path("hand-worked/charges/charges.csv"));
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.inserted() + again.updated() + again.rejected()).isZero();

        assertThat(billInNewProcess(HOME, DEC)).isEqualTo(Result.COMPLETED);
        // 410001: only its plan (and the late fee of its unpaid November invoice), no charge again
        assertThat(lines("410001", DEC)).containsExactly("RECURRING 50.00 Net 50");
        // 410002: NET-UNL 40.00 + router 129.99 = 169.99; HST 22.0987 -> 22.10; total 192.09
        assertThat(lines("410002", DEC)).containsExactly("RECURRING 40.00 Net Unlimited", "ONE_TIME 129.99 Router");
        assertThat(invoiceValue(jdbc, "subtotal", "410002", DEC)).isEqualByComparingTo("169.99");
        assertThat(invoiceValue(jdbc, "total", "410002", DEC)).isEqualByComparingTo("192.09");
        assertThat(count("SELECT COUNT(*) FROM one_time_charge WHERE billed_invoice_id IS NULL")).isZero();
    }

    @Test
    void badLinesAreRejectedWithTheirFieldAndReason() throws Exception {
        importFile(importer, Kind.ACCOUNTS, "hand-worked/midperiod/accounts.csv");
        ReferenceDataImporter.Result result = importer.importFile(Kind.CHARGES,
                path("hand-worked/charges/charges-with-errors.csv"));

        assertThat(result.inserted()).isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(4);
        assertThat(Files.readString(result.rejectFile()))
                .contains("2,amount,must not be 0 (a charge is positive and a credit negative): '0.00'")
                .contains("3,account_number,unknown account '999999' (import accounts first)")
                .contains("4,charge_ref,")
                .contains("5,amount,above the plausible maximum 100000.00");
    }

    /** The account's invoice lines of the cycle but tax and late fees: type, amount, description. */
    private List<String> lines(String account, LocalDate cycle) {
        return jdbc.queryForList("""
                SELECT CONCAT(l.line_type, ' ', l.amount, ' ', l.description)
                FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ? AND l.line_type NOT IN ('TAX', 'LATE_FEE')
                ORDER BY l.line_no""", String.class, account, cycle);
    }
}
