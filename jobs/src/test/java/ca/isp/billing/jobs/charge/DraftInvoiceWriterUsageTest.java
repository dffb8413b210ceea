package ca.isp.billing.jobs.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.LineType;
import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * The charge writer marks the usage a chunk's invoices bill in one statement per day usage is
 * billed up to, not one per account: each record still goes to its own account's draft, only what
 * started before that account's day, and an account with nothing to invoice or outside the chunk
 * keeps its usage RATED.
 */
class DraftInvoiceWriterUsageTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate CYCLE = LocalDate.of(2026, 11, 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Test
    void eachAccountsUsageGoesToItsOwnDraftUpToItsOwnDay() throws Exception {
        Fixtures.importFile(importer, Kind.ACCOUNTS, "notices/accounts.csv");
        List<Long> ids = jdbc.queryForList("SELECT id FROM account ORDER BY id", Long.class);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(4);
        long[] accounts = new long[4];
        for (int n = 0; n < 4; n++) {
            accounts[n] = ids.get(n);
            // one record on Oct 5, one on Oct 20 and one on Nov 3 (after every account's day below)
            usage(n + "-a", accounts[n], LocalDateTime.of(2026, 10, 5, 12, 0));
            usage(n + "-b", accounts[n], LocalDateTime.of(2026, 10, 20, 12, 0));
            usage(n + "-c", accounts[n], LocalDateTime.of(2026, 11, 3, 12, 0));
        }

        // accounts 0 and 1 bill usage up to Nov 1, account 2 up to Oct 15 (another day: its own
        // statement), account 3 has no line (no invoice); all in one chunk
        List<DraftInvoice> chunk = new ArrayList<>(List.of(draft(accounts[0], CYCLE, true),
                draft(accounts[1], CYCLE, true), draft(accounts[2], LocalDate.of(2026, 10, 15), true),
                draft(accounts[3], CYCLE, false)));
        new DraftInvoiceWriter(new NamedParameterJdbcTemplate(jdbc)).write(new Chunk<>(chunk));

        for (int n = 0; n < 3; n++) {
            long invoice = jdbc.queryForObject("SELECT id FROM invoice WHERE account_id = ? AND cycle_date = ?",
                    Long.class, accounts[n], CYCLE);
            assertThat(jdbc.queryForList("""
                    SELECT record_id, status, invoice_id FROM usage_record WHERE account_id = ? ORDER BY record_id""",
                    accounts[n])).extracting(row -> row.get("RECORD_ID") + " " + row.get("STATUS") + " "
                    + row.get("INVOICE_ID")).containsExactly(
                    n + "-a BILLED " + invoice,
                    n + "-b " + (n == 2 ? "RATED null" : "BILLED " + invoice),
                    n + "-c RATED null");
        }
        assertThat(count("SELECT COUNT(*) FROM usage_record WHERE account_id = ? AND status = 'RATED'"
                + " AND invoice_id IS NULL", accounts[3])).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM invoice WHERE account_id = ?", accounts[3])).isZero();
        // every account of the chunk moved to its new next bill date, the one with no invoice too
        for (DraftInvoice draft : chunk) {
            assertThat(jdbc.queryForObject("SELECT next_bill_date FROM account WHERE id = ?", LocalDate.class,
                    draft.accountId())).isEqualTo(draft.newNextBillDate());
        }
    }

    /** An account whose next bill date someone else moved meanwhile fails the whole chunk, naming it. */
    @Test
    void anAccountMovedMeanwhileFailsTheChunk() throws Exception {
        Fixtures.importFile(importer, Kind.ACCOUNTS, "notices/accounts.csv");
        List<Long> ids = jdbc.queryForList("SELECT id FROM account ORDER BY id", Long.class);
        // (accounts of their own: the other test uses the first four)
        List<DraftInvoice> chunk = new ArrayList<>(List.of(draft(ids.get(4), CYCLE, false),
                draft(ids.get(5), CYCLE, false), draft(ids.get(6), CYCLE, false)));
        jdbc.update("UPDATE account SET next_bill_date = DATEADD(DAY, 1, next_bill_date) WHERE id = ?", ids.get(5));

        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        assertThatThrownBy(() -> new DraftInvoiceWriter(named).write(new Chunk<>(chunk)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("account " + ids.get(5) + " changed its next bill date while being charged");
    }

    private void usage(String recordId, long accountId, LocalDateTime start) {
        jdbc.update("""
                INSERT INTO usage_record (source, record_id, service_id, usage_type, start_time, quantity, status,
                    account_id, billable_units)
                VALUES ('test', ?, 'svc', 'DATA', ?, 1000, 'RATED', ?, 1000)""", recordId, start, accountId);
    }

    private DraftInvoice draft(long accountId, LocalDate usageBefore, boolean withLine) {
        LocalDate next = jdbc.queryForObject("SELECT next_bill_date FROM account WHERE id = ?", LocalDate.class,
                accountId);
        List<InvoiceLine> lines = !withLine ? List.of() : List.of(new InvoiceLine(LineType.ONE_TIME,
                "ONE_TIME:test-" + accountId, "Test", "a test line", CYCLE, CYCLE, null, null, null,
                new BigDecimal("1.00")));
        return new DraftInvoice(accountId, CYCLE, CYCLE, CYCLE.plusMonths(1).minusDays(1), Language.EN, "CAD", lines,
                Map.of(), Map.of(), next, next.plusMonths(1), usageBefore,
                List.of(), List.of(), Map.of());
    }
}
