package ca.isp.billing.jobs.accounting;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.DemoInputs;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * The journal of a generated demo cycle (CAD and USD, plans, usage, one-time charges, credits,
 * taxes of provinces, states, counties and cities) balances entry by entry, and so does the
 * journal of its rerun, which posts only what the rerun issued: the invoices held for Ontario's
 * missing tax rates.
 */
class JournalDemoRerunTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    JournalExport journalExport;

    @Test
    void theCycleAndItsRerunEachPostABalancedJournalTracedToTheirSources() throws Exception {
        // Given the seed-5 ISP without Ontario's tax rates
        CycleTestSupport.generateAndImport(importer, properties, 40, 5);
        jdbc.update("DELETE FROM tax_rate WHERE region = 'ON'");
        DemoInputs inputs = DemoInputs.read(HOME);
        Set<String> ontario = DemoInputs.accountNumbers(inputs.invoiced(CYCLE).stream()
                .filter(a -> a.serviceRegion().equals("ON")).toList());
        Set<String> others = DemoInputs.accountNumbers(inputs.invoiced(CYCLE).stream()
                .filter(a -> !a.serviceRegion().equals("ON")).toList());

        // When the cycle runs
        assertThat(launcher.bill(CYCLE).result()).isEqualTo(Result.COMPLETED);

        // then its journal balances, entry by entry, and holds the invoices issued (not the held
        // ones) and every payment of the inbox that applied
        Path first = properties.reports(CYCLE).resolve("journal.csv");
        JournalCsv journal = JournalCsv.read(first);
        journal.assertBalanced();
        assertThat(accounts(journal, "INVOICE")).isEqualTo(others);
        assertThat(journal.sources("PAYMENT")).hasSize(inputs.payments());
        assertThat(journal.rows().stream().map(r -> r.get("currency")).distinct()).containsExactlyInAnyOrder("CAD", "USD");
        assertTraced(journal);
        // the accounts the demo's files name (plans.csv, tax-rates.csv), the defaults for the rest:
        // US taxes name none (2300)
        assertThat(journal.rows().stream().filter(r -> r.get("category").equals("REVENUE")).map(r -> r.get("gl_account"))
                .distinct()).containsExactlyInAnyOrder("4010", "4020");
        assertThat(journal.rows().stream().filter(r -> r.get("category").equals("TAX_PAYABLE"))
                .map(r -> r.get("currency") + " " + r.get("tax_code") + " " + r.get("gl_account")).distinct())
                .allMatch(t -> t.matches("CAD (GST|HST) 2310|CAD QST 2320|CAD PST 2330|USD [A-Z]+ 2300"), "tax accounts");
        byte[] firstBytes = Files.readAllBytes(first);

        // When Ontario's rates are imported and the cycle rerun
        importer.importFile(Kind.TAX_RATES, properties.home().resolve("reference").resolve("tax-rates.csv"));
        assertThat(launcher.rerun(CYCLE).result()).isEqualTo(Result.COMPLETED);

        // then the rerun's journal holds the released Ontario invoices only, balanced, with HST
        JournalCsv rerun = JournalCsv.read(properties.reports(CYCLE).resolve("journal-rerun-1.csv"));
        rerun.assertBalanced();
        assertThat(accounts(rerun, "INVOICE")).isEqualTo(ontario).hasSize(11);
        assertThat(rerun.sources("PAYMENT")).isEmpty();
        assertThat(rerun.rows().stream().filter(r -> r.get("category").equals("TAX_PAYABLE"))
                .map(r -> r.get("tax_code") + " " + r.get("jurisdiction")).distinct()).containsExactly("HST CA/ON");
        assertTraced(rerun);
        Set<String> both = new HashSet<>(journal.sources("INVOICE"));
        both.retainAll(rerun.sources("INVOICE"));
        assertThat(both).isEmpty();
        // the first run's journal is untouched, and on demand both come out the same
        assertThat(Files.readAllBytes(first)).isEqualTo(firstBytes);
        byte[] rerunBytes = Files.readAllBytes(properties.reports(CYCLE).resolve("journal-rerun-1.csv"));
        List<JournalExport.Written> again = journalExport.writeAll(CYCLE);
        assertThat(again).extracting(JournalExport.Written::rerun).containsExactly(0, 1);
        assertThat(Files.readAllBytes(first)).isEqualTo(firstBytes);
        assertThat(Files.readAllBytes(properties.reports(CYCLE).resolve("journal-rerun-1.csv"))).isEqualTo(rerunBytes);

        // and together the two journals post every issued invoice of the cycle once, at its total
        assertThat(journal.net(r -> r.get("category").equals("RECEIVABLE") && r.get("source_type").equals("INVOICE"))
                .add(rerun.net(r -> r.get("category").equals("RECEIVABLE") && r.get("source_type").equals("INVOICE"))))
                .isEqualByComparingTo(jdbc.queryForObject(
                        "SELECT SUM(total) FROM invoice WHERE cycle_date = ? AND status = 'ISSUED'",
                        java.math.BigDecimal.class, CYCLE));
    }

    private static Set<String> accounts(JournalCsv journal, String type) {
        Set<String> accounts = new HashSet<>();
        journal.rows().stream().filter(r -> r.get("source_type").equals(type)).forEach(r -> accounts.add(r.get("account_number")));
        return accounts;
    }

    /**
     * Each line names its source: an invoice line (its key, or RECEIVABLE for the invoice's total)
     * of an issued invoice of that account, a payment of that account (CASH, RECEIVABLE), or money
     * received into suspense (CASH, UNAPPLIED_CASH) under the account number its file gave.
     */
    private void assertTraced(JournalCsv journal) {
        for (CSVRecord r : journal.rows()) {
            if (r.get("source_type").equals("INVOICE")) {
                assertThat(count("""
                        SELECT COUNT(*) FROM invoice i JOIN account a ON a.id = i.account_id
                        WHERE i.invoice_number = ? AND a.account_number = ? AND i.status = 'ISSUED'""",
                        r.get("source_ref"), r.get("account_number"))).as(r.toString()).isOne();
                if (!r.get("line_ref").equals("RECEIVABLE")) {
                    assertThat(count("""
                            SELECT COUNT(*) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                            WHERE i.invoice_number = ? AND l.line_key = ?""", r.get("source_ref"), r.get("line_ref")))
                            .as(r.toString()).isOne();
                }
            } else if (r.get("source_type").equals("SUSPENSE")) {
                // money for an account or invoice nobody knows: cash in, unapplied cash owed, as the file said
                assertThat(r.get("line_ref")).isIn("CASH", "UNAPPLIED_CASH");
                assertThat(count("SELECT COUNT(*) FROM payment_suspense WHERE payment_ref = ? AND account_number = ?",
                        r.get("source_ref"), r.get("account_number"))).as(r.toString()).isOne();
            } else {
                assertThat(r.get("line_ref")).isIn("CASH", "RECEIVABLE");
                assertThat(count("""
                        SELECT COUNT(*) FROM payment p JOIN account a ON a.id = p.account_id
                        WHERE p.payment_ref = ? AND a.account_number = ?""", r.get("source_ref"), r.get("account_number")))
                        .as(r.toString()).isOne();
            }
        }
    }
}
