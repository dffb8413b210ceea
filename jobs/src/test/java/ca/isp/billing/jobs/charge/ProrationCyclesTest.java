package ca.isp.billing.jobs.charge;

import static ca.isp.billing.jobs.Fixtures.billInNewProcess;
import static ca.isp.billing.jobs.Fixtures.importFile;
import static ca.isp.billing.jobs.Fixtures.path;
import static ca.isp.billing.jobs.Fixtures.rerunInNewProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.review.ReviewDesk;

/**
 * The issue's examples through real cycles on H2, each cycle in a new application as
 * {@code ./run.sh bill} runs it, with RecurringCharger in the charge step: terms on the bill day,
 * a bill day of 31 without drift, whole-term prices, and a cancellation learnt after billing
 * repaired on the next invoice, in English and French, with the same file imported twice
 * changing nothing. Recurring lines only: the late fees of unpaid invoices are other tests'.
 */
class ProrationCyclesTest extends AbstractCycleTest {

    @Autowired
    private ReviewDesk reviewDesk;

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Test
    void theIssuesExamplesBillAsWorkedByHand() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/proration/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/proration/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/proration/subscriptions.csv");
        // the plan file gives the annual price as it is, and the quarter's
        assertThat(jdbc.queryForObject("SELECT term_price FROM plan WHERE code = 'Y2399'", java.math.BigDecimal.class))
                .isEqualByComparingTo("2399.95");
        assertThat(count("SELECT COUNT(*) FROM account WHERE account_number = '440002' AND bill_day = 31")).isEqualTo(1);

        for (String day : List.of("2026-01-01", "2026-01-31", "2026-02-28", "2026-03-01", "2026-03-20", "2026-03-31")) {
            assertThat(billInNewProcess(HOME, LocalDate.parse(day))).isEqualTo(Result.COMPLETED);
        }

        // 440004, annual at 2,399.95 from Jan 1 on bill day 1: one line for the whole year
        assertThat(lines("440004")).containsExactly("2026-01-01 RECURRING 2026-01-01..2026-12-31 2399.95 Business Annual");

        // 440002, bill day 31: Jan 31, Feb 28 (February has no 31st), Mar 31 (back on the 31st, no
        // drift to the 28th); each month 59.99
        assertThat(lines("440002")).containsExactly(
                "2026-01-31 RECURRING 2026-01-31..2026-02-27 59.99 Fibre 60",
                "2026-02-28 RECURRING 2026-02-28..2026-03-30 59.99 Fibre 60",
                "2026-03-31 RECURRING 2026-03-31..2026-04-29 59.99 Fibre 60");
        assertThat(nextBillDate("440002")).isEqualTo(LocalDate.of(2026, 4, 30));

        // 440003, 180.00 a quarter from Mar 5 on bill day 20: the quarter ending Mar 20 is Dec 20 -
        // Mar 20 = 12 + 31 + 28 + 19 = 90 days; the stub Mar 5 - Mar 19 is 15 of them: 180.00 x 15 / 90
        // = 30.00; then the quarter Mar 20 - Jun 19, 180.00, both on the Mar 20 invoice
        assertThat(lines("440003")).containsExactly(
                "2026-03-20 RECURRING 2026-03-05..2026-03-19 30.00 Fibre Quarterly (prorated, 15 of 90 days)",
                "2026-03-20 RECURRING 2026-03-20..2026-06-19 180.00 Fibre Quarterly");
        assertThat(nextBillDate("440003")).isEqualTo(LocalDate.of(2026, 4, 20));

        // 440001 and 440005, 59.99 a month, billed for March on Mar 1
        assertThat(lines("440001")).containsExactly("2026-03-01 RECURRING 2026-03-01..2026-03-31 59.99 Fibre 60");

        // then the order system says both were cancelled from March 21 (last day March 20)
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/proration/subscriptions-cancelled.csv");
        assertThat(billInNewProcess(HOME, LocalDate.of(2026, 4, 1))).isEqualTo(Result.COMPLETED);
        // March owes 59.99 x 20 / 31 = 38.7032 -> 38.70; billed 59.99: credit 38.70 - 59.99 = -21.29
        // (the 11 days from the 21st), and April is not billed
        assertThat(lines("440001")).containsExactly(
                "2026-03-01 RECURRING 2026-03-01..2026-03-31 59.99 Fibre 60",
                "2026-04-01 CREDIT 2026-03-21..2026-03-31 -21.29 Fibre 60 (cancelled from 21 March: 11 of 31 days)");
        assertThat(lines("440005")).containsExactly(
                "2026-03-01 RECURRING 2026-03-01..2026-03-31 59.99 Fibre 60",
                "2026-04-01 CREDIT 2026-03-21..2026-03-31 -21.29 Fibre 60 (résilié à partir du 21 mars : 11 jours sur 31)");
        // the net for March is what the final history owes
        assertThat(jdbc.queryForObject("""
                SELECT SUM(l.amount) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                JOIN account a ON a.id = i.account_id WHERE a.account_number = '440001'
                  AND l.line_type IN ('RECURRING', 'CREDIT')""", java.math.BigDecimal.class))
                .isEqualByComparingTo("38.70");
        // a credit invoice where the account paid before is held by the review gate (not-paying):
        // an operator releases it and the rerun of the cycle renders and sends it
        assertThat(jdbc.queryForList("""
                SELECT a.account_number || ' ' || h.rule_code FROM review_hold h JOIN invoice i ON i.id = h.invoice_id
                JOIN account a ON a.id = i.account_id WHERE h.cycle_date = '2026-04-01' ORDER BY a.account_number""",
                String.class)).containsExactly("440001 NOT_PAYING", "440005 NOT_PAYING");
        assertThat(reviewDesk.release(LocalDate.of(2026, 4, 1), List.of(), "test")).isEqualTo(2);
        assertThat(rerunInNewProcess(HOME, LocalDate.of(2026, 4, 1))).isEqualTo(Result.COMPLETED);
        // the credit is on the PDF, in words
        assertThat(pdfText("440001", LocalDate.of(2026, 4, 1))).contains("cancelled from 21 March: 11 of 31 days")
                .contains("-$21.29");
        assertThat(pdfText("440005", LocalDate.of(2026, 4, 1)))
                .contains("résilié à partir du 21 mars : 11 jours sur 31");

        // the same file again changes nothing, and the next cycles bill nothing more for them
        ReferenceDataImporter.Result again = importer.importFile(Kind.SUBSCRIPTIONS,
                path("hand-worked/proration/subscriptions-cancelled.csv"));
        assertThat(again.inserted() + again.updated() + again.rejected()).isZero();
        assertThat(again.unchanged()).isEqualTo(5);
        assertThat(billInNewProcess(HOME, LocalDate.of(2026, 4, 30))).isEqualTo(Result.COMPLETED);
        assertThat(billInNewProcess(HOME, LocalDate.of(2026, 5, 1))).isEqualTo(Result.COMPLETED);
        assertThat(lines("440001")).hasSize(2);
        assertThat(lines("440005")).hasSize(2);
        // 440002 goes on: Apr 30 (April's last day), next May 31
        assertThat(lines("440002")).last().isEqualTo("2026-04-30 RECURRING 2026-04-30..2026-05-30 59.99 Fibre 60");
        assertThat(nextBillDate("440002")).isEqualTo(LocalDate.of(2026, 5, 31));
        // the annual plan bills nothing more within its year
        assertThat(lines("440004")).hasSize(1);
    }

    /** The account's recurring and credit lines: cycle, type, period, amount, description. */
    private List<String> lines(String account) {
        return jdbc.queryForList("""
                SELECT CONCAT(i.cycle_date, ' ', l.line_type, ' ', l.period_start, '..', l.period_end, ' ', l.amount, ' ',
                    l.description)
                FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND l.line_type IN ('RECURRING', 'CREDIT')
                ORDER BY i.cycle_date, l.line_no""", String.class, account);
    }

    private LocalDate nextBillDate(String account) {
        return jdbc.queryForObject("SELECT next_bill_date FROM account WHERE account_number = ?", LocalDate.class,
                account);
    }

    private String pdfText(String account, LocalDate cycle) throws IOException {
        String pdfPath = jdbc.queryForObject("""
                SELECT i.pdf_path FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE a.account_number = ? AND i.cycle_date = ?""", String.class, account, cycle);
        try (PDDocument pdf = Loader.loadPDF(Path.of(pdfPath).toFile())) {
            return new PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replace('\u202f', ' ')
                    .replaceAll("\\s+", " ");
        }
    }
}
