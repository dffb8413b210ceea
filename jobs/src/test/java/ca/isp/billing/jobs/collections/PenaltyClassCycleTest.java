package ca.isp.billing.jobs.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Late fees by penalty class, through the cycle's lateFees step, on invoices written into the
 * database with their lines (recurring, usage, one-time, an earlier fee, taxes). Classes from
 * fixtures/penalty-classes:
 * <pre>
 * COMMERCIAL  greater of 2% and 15.00, min 20.00, max 75.00, 10 grace days, no fee under 50.00,
 *             recurring + usage only, one fee each month the invoice stays overdue
 * RES-PCT     1.5% of recurring, usage, one-time and credits, 5 grace days, once
 * (default)   billing.late-fee.*: 10.00 flat, 5 grace days, open >= 5.00, once
 * </pre>
 * Chunks of 2 so a failure in the step leaves some fees committed and others not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PenaltyClassCycleTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.chunk-size", () -> "2");
        // one partition: the failing chunk (counted across partitions) then falls after two fees
        // whatever the machine's cores; three partitions are compared with one in PartitionedStepsTest
        registry.add("billing.grid-size", () -> "1");
    }

    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);
    private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 15);

    @BeforeAll
    void givenFourOverdueInvoices() throws IOException {
        Fixtures.importAll(importer, "penalty-classes", Kind.PENALTY_CLASSES, Kind.ACCOUNTS);
        // 300001 COMMERCIAL, C1: 100.00 recurring + 40.00 usage + 30.00 one-time + 10.00 earlier fee
        // + 25.50 taxes = 205.50, 100.00 paid, due 10-20
        invoice("300001", "C1", "2026-10-20", "100.00", "RECURRING 100.00", "USAGE 40.00", "ONE_TIME 30.00",
                "LATE_FEE 10.00", "TAX 25.50");
        // 300001 COMMERCIAL, C2: 3000.00 recurring + 1000.00 usage + 520.00 taxes = 4520.00, unpaid, due 10-01
        invoice("300001", "C2", "2026-10-01", "0.00", "RECURRING 3000.00", "USAGE 1000.00", "TAX 520.00");
        // 300002 RES-PCT, R1: 68.99 recurring + 10.33 taxes = 79.32, unpaid, due 10-15
        invoice("300002", "R1", "2026-10-15", "0.00", "RECURRING 68.99", "TAX 10.33");
        // 300003 company default, D1: 50.00 recurring + 7.49 taxes = 57.49, unpaid, due 10-20
        invoice("300003", "D1", "2026-10-20", "0.00", "RECURRING 50.00", "TAX 7.49");
    }

    @Test
    @Order(1)
    void importsTheClassesAndAssignsThemRejectingUnknownOnes() throws IOException {
        assertThat(jdbc.queryForList("SELECT code FROM penalty_class ORDER BY code", String.class))
                .containsExactly("COMMERCIAL", "RES-PCT");
        List<CSVRecord> classRejects = Fixtures.rejects(properties.rejects()
                .resolve("import-penalty-classes-penalty-classes.csv.rejects.csv"));
        assertThat(classRejects).extracting(r -> r.get("line"), r -> r.get("field"))
                .containsExactly(tuple("4", "penalised_kinds"));
        assertThat(classRejects.get(0).get("reason")).contains("'TAXES'");
        // lower case in the file is the same code; blank is the company default
        assertThat(jdbc.queryForList("SELECT account_number, penalty_class FROM account ORDER BY 1"))
                .extracting(r -> r.get("ACCOUNT_NUMBER"), r -> r.get("PENALTY_CLASS"))
                .containsExactly(tuple("300001", "COMMERCIAL"), tuple("300002", "RES-PCT"), tuple("300003", null));
        List<CSVRecord> accountRejects = Fixtures.rejects(properties.rejects()
                .resolve("import-accounts-accounts.csv.rejects.csv"));
        assertThat(accountRejects).extracting(r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(tuple("5", "penalty_class",
                        "unknown penalty class 'GOLD' (import penalty-classes first)"));
    }

    @Test
    @Order(2)
    void chargesEachClassItsOwnFeeAndSurvivesAFailureInTheStep() {
        // when: the step fails on its second chunk, after the first two fees are committed, then is restarted
        faults.arm("lateFees", 2);
        assertThat(launcher.bill(NOVEMBER).result()).isEqualTo(Result.FAILED);
        assertThat(count("SELECT COUNT(*) FROM late_fee")).isEqualTo(2);
        faults.disarm();
        assertThat(launcher.bill(NOVEMBER).result()).isEqualTo(Result.COMPLETED);

        // then, on 2026-11-01:
        //   C1: clock starts 10-20 + 10 + 1 = 10-31 -> period 0. 105.50 open of 205.50; penalised 140.00;
        //       base 140.00 x 105.50 / 205.50 = 71.87; 2% = 1.44 < 15.00 -> 15.00, raised to the minimum 20.00
        //   C2: clock starts 10-01 + 11 = 10-12 -> period 0. base 4000.00 x 4520.00 / 4520.00 = 4000.00;
        //       2% = 80.00 > 15.00 -> 80.00, capped at 75.00
        //   R1: clock starts 10-15 + 6 = 10-21. base 68.99 (taxes not penalised); 1.5% = 1.03485 -> 1.03
        //   D1: clock starts 10-20 + 6 = 10-26. default flat 10.00 (57.49 open >= 5.00)
        assertThat(fees()).containsExactly(
                tuple("C1", "COMMERCIAL", 0, new BigDecimal("20.00"), "2026-11-01"),
                tuple("C2", "COMMERCIAL", 0, new BigDecimal("75.00"), "2026-11-01"),
                tuple("D1", "LATE-FLAT", 0, new BigDecimal("10.00"), "2026-11-01"),
                tuple("R1", "RES-PCT", 0, new BigDecimal("1.03"), "2026-11-01"));
    }

    @Test
    @Order(3)
    void chargesOncePerPeriodAndOnceOnlyClassesNeverAgain() {
        // when: a rerun of the same day, then a cycle six weeks later
        assertThat(launcher.rerun(NOVEMBER).result()).isEqualTo(Result.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM late_fee")).isEqualTo(4);
        assertThat(launcher.bill(DECEMBER).result()).isEqualTo(Result.COMPLETED);

        // then, on 2026-12-15, still unpaid:
        //   C1: clock 10-31; 10-31 + 1 month = 11-30 <= 12-15 < 12-31 -> period 1: a second fee of 20.00
        //   C2: clock 10-12; 10-12 + 2 months = 12-12 <= 12-15 -> period 2 (period 1 had no run): 75.00
        //   R1, D1: once-only classes -> nothing new
        assertThat(fees()).containsExactly(
                tuple("C1", "COMMERCIAL", 0, new BigDecimal("20.00"), "2026-11-01"),
                tuple("C1", "COMMERCIAL", 1, new BigDecimal("20.00"), "2026-12-15"),
                tuple("C2", "COMMERCIAL", 0, new BigDecimal("75.00"), "2026-11-01"),
                tuple("C2", "COMMERCIAL", 2, new BigDecimal("75.00"), "2026-12-15"),
                tuple("D1", "LATE-FLAT", 0, new BigDecimal("10.00"), "2026-11-01"),
                tuple("R1", "RES-PCT", 0, new BigDecimal("1.03"), "2026-11-01"));
    }

    private List<org.assertj.core.groups.Tuple> fees() {
        return jdbc.query("""
                SELECT i.invoice_number, f.policy_code, f.period_no, f.amount, f.assessed_on
                FROM late_fee f JOIN invoice i ON i.id = f.invoice_id ORDER BY i.invoice_number, f.period_no""",
                (rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
                        rs.getObject(5, LocalDate.class).toString()));
    }

    /** An issued invoice with its lines ("KIND amount"); total = sum of the lines. */
    private void invoice(String account, String number, String due, String paid, String... lines) {
        long accountId = jdbc.queryForObject("SELECT id FROM account WHERE account_number = ?", Long.class, account);
        BigDecimal total = BigDecimal.ZERO;
        for (String line : lines) {
            total = total.add(new BigDecimal(line.split(" ")[1]));
        }
        LocalDate dueDate = LocalDate.parse(due);
        jdbc.update("""
                INSERT INTO invoice (invoice_number, account_id, origin, status, invoice_date, due_date, language,
                    currency, subtotal, tax_total, total, previous_balance, amount_due, amount_paid, review_status)
                VALUES (?, ?, 'BILLED', 'ISSUED', ?, ?, 'fr', 'CAD', ?, 0, ?, 0, ?, ?, 'CLEARED')""",
                number, accountId, dueDate.minusDays(21), dueDate, total, total, total, new BigDecimal(paid));
        long invoiceId = jdbc.queryForObject("SELECT id FROM invoice WHERE invoice_number = ?", Long.class, number);
        // in the books before this test's cycles, as an upgraded database's invoices are (the journal
        // posts only what the runs issue: these have no tax register)
        jdbc.update("INSERT INTO journal_posting (source_type, source_ref, cycle_date, rerun) VALUES ('INVOICE', ?, ?, -1)",
                number, dueDate.minusDays(21));
        // in the ledger as an issued invoice and the payment it had are (the reconciliation checks it)
        jdbc.update("""
                INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount)
                VALUES (?, ?, 'INVOICE', ?, ?)""", accountId, dueDate.minusDays(21), number, total);
        if (new BigDecimal(paid).signum() > 0) {
            jdbc.update("""
                    INSERT INTO account_ledger (account_id, entry_date, entry_type, reference, amount)
                    VALUES (?, ?, 'PAYMENT', ?, ?)""", accountId, dueDate.minusDays(7), "PAY-" + number,
                    new BigDecimal(paid).negate());
        }
        int lineNo = 0;
        for (String line : lines) {
            String[] parts = line.split(" ");
            lineNo++;
            jdbc.update("""
                    INSERT INTO invoice_line (invoice_id, line_no, line_type, line_key, description, reason, amount)
                    VALUES (?, ?, ?, ?, ?, 'test', ?)""", invoiceId, lineNo, parts[0], parts[0] + ":" + lineNo, parts[0],
                    new BigDecimal(parts[1]));
        }
    }
}
