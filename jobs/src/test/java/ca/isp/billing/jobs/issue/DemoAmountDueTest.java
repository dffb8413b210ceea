package ca.isp.billing.jobs.issue;

import static ca.isp.billing.jobs.CycleTestSupport.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.DemoInputs;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;

/**
 * Checked the way a customer would, on the demo ISP the issue was found on (200 accounts, seed
 * 7): every invoice asks for what the account owed on the invoice date, recomputed from the
 * demo's own files (opening-balances.csv, the payment file), not from our tables: the opening
 * invoices dated on or before the invoice date, less the payments received on or before it,
 * plus the new invoice's total.
 */
class DemoAmountDueTest {

    @Test
    void everyInvoiceAsksForTheLedgerBalanceOnTheInvoiceDate() throws Exception {
        try (BillingRun run = BillingRun.onH2()) {
            run.generateAndImport(200, 7);
            DemoInputs inputs = DemoInputs.read(run.home());
            assertThat(run.bill()).isEqualTo(Result.COMPLETED);

            List<String> wrong = new ArrayList<>();
            int checked = 0;
            for (var row : run.jdbc().queryForList("""
                    SELECT a.account_number, i.invoice_number, i.invoice_date, i.total, i.amount_due
                    FROM invoice i JOIN account a ON a.id = i.account_id WHERE i.cycle_date = ? AND i.status = 'ISSUED'""",
                    CYCLE)) {
                String account = (String) row.get("ACCOUNT_NUMBER");
                BigDecimal expected = inputs.owedOn(account, ((java.sql.Date) row.get("INVOICE_DATE")).toLocalDate())
                        .add((BigDecimal) row.get("TOTAL"));
                if (expected.compareTo((BigDecimal) row.get("AMOUNT_DUE")) != 0) {
                    wrong.add(account + " " + row.get("INVOICE_NUMBER") + ": asks " + row.get("AMOUNT_DUE")
                            + ", owes " + expected);
                }
                checked++;
            }
            assertThat(wrong).isEmpty();
            // the seed-7 200-account ISP: 183 invoices, one per account with a line to bill (three
            // fewer than when a service starting after the cycle date was billed in advance)
            assertThat(checked).isEqualTo(inputs.invoiced(CYCLE).size()).isEqualTo(183);

            // The issue's example: 100110 was asked 549.29 although it had paid 286.05 on
            // 2026-10-21; it owes 549.29 - 286.05 = 263.24.
            assertThat(run.jdbc().queryForObject("""
                    SELECT i.amount_due FROM invoice i JOIN account a ON a.id = i.account_id
                    WHERE a.account_number = '100110' AND i.cycle_date = ?""", BigDecimal.class, CYCLE))
                    .isEqualByComparingTo("263.24");
            assertThat(run.jdbc().queryForObject("""
                    SELECT l.reference || ' ' || l.entry_date || ' ' || l.amount FROM account_ledger l
                    JOIN invoice i ON i.id = l.statement_invoice_id JOIN account a ON a.id = i.account_id
                    WHERE a.account_number = '100110' AND l.entry_type = 'PAYMENT'""", String.class))
                    .endsWith(" 2026-10-21 -286.05");
        }
    }
}
