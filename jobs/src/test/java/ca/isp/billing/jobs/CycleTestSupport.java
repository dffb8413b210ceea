package ca.isp.billing.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.demo.DemoIspGenerator;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/** Shared by the cycle tests: a generated ISP imported the operator's way, and table snapshots. */
public final class CycleTestSupport {

    public static final LocalDate CYCLE = LocalDate.of(2026, 11, 1);

    private CycleTestSupport() {
    }

    /** The operator templates of the repository (tests run in the jobs module folder). */
    public static Path templates() {
        return Path.of("..", "templates").toAbsolutePath().normalize();
    }

    /** Generates a demo ISP into {@code home} (reference CSVs + inbox files) and imports its reference data. */
    public static DemoIspGenerator.Summary generateAndImport(ReferenceDataImporter importer, BillingProperties properties,
                                                             int accounts, long seed) throws IOException {
        Path reference = properties.home().resolve("reference");
        DemoIspGenerator.Summary summary = new DemoIspGenerator(seed, accounts, CYCLE)
                .generate(reference, properties.inbox("usage"), properties.inbox("payments"));
        for (Kind kind : new Kind[]{Kind.PLANS, Kind.TAX_RATES, Kind.TAX_JURISDICTIONS, Kind.TAX_RULES, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS, Kind.OPENING_BALANCES}) {
            importer.importFile(kind, reference.resolve(kind.label() + ".csv"));
        }
        return summary;
    }

    /** Row counts of every billing table: what "changes nothing" is measured against. */
    public static Map<String, Long> tableCounts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : new String[]{"account", "subscription", "usage_record", "invoice", "invoice_line",
                "tax_line", "payment", "payment_allocation", "account_ledger", "late_fee", "delinquency_event",
                "delivery", "ingested_file"}) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }

    /** The account numbers of the cycle's invoices in a status (an invoice is known by its account and cycle). */
    public static List<String> invoicedAccounts(JdbcTemplate jdbc, LocalDate cycle, String status) {
        return jdbc.queryForList("""
                SELECT a.account_number FROM invoice i JOIN account a ON a.id = i.account_id
                WHERE i.cycle_date = ? AND i.status = ?""", String.class, cycle, status);
    }

    /** Every issued invoice of the cycle with its amounts, by invoice number. */
    public static Map<String, String> invoiceTotals(JdbcTemplate jdbc, LocalDate cycle) {
        Map<String, String> totals = new LinkedHashMap<>();
        jdbc.query("""
                SELECT invoice_number, subtotal, tax_total, total, previous_balance, amount_due FROM invoice
                WHERE cycle_date = ? ORDER BY invoice_number""", rs -> {
            totals.put(rs.getString(1), rs.getBigDecimal(2) + " " + rs.getBigDecimal(3) + " " + rs.getBigDecimal(4)
                    + " " + rs.getBigDecimal(5) + " " + rs.getBigDecimal(6));
        }, cycle);
        return totals;
    }
}
