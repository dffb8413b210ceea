package ca.isp.billing.jobs.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Result;

/**
 * Reference data imports: an upsert on the natural key, so a second import changes nothing;
 * rows that point at nothing (unknown account or plan, a service id taken) are rejected with
 * their line and field while the rest is imported. The tests run in order on the same database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceImportTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    /** In the order an operator must import them: what a row refers to comes first. */
    private static final Kind[] ALL = {Kind.PLANS, Kind.TAX_RATES, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS, Kind.OPENING_BALANCES};

    @Test
    @Order(1)
    void importingEachFileTwiceChangesNothing() throws IOException {
        // given: every fixture imported once
        for (Kind kind : ALL) {
            Result first = importFixture(kind);
            assertThat(first.rejected()).as(first.describe()).isZero();
            assertThat(first.inserted()).as(first.describe()).isEqualTo(first.lines());
        }
        Map<String, List<Map<String, Object>>> before = tables();

        // when: each is imported again
        for (Kind kind : ALL) {
            Result second = importFixture(kind);
            assertThat(second.inserted()).as(second.describe()).isZero();
            assertThat(second.rejected()).as(second.describe()).isZero();
            assertThat(second.updated()).as(second.describe()).isZero();
            assertThat(second.unchanged()).as(second.describe()).isEqualTo(second.lines());
        }

        // then: the same rows, ids included, with the same contents
        assertThat(tables()).isEqualTo(before);
        assertThat(before).hasEntrySatisfying("account", rows -> assertThat(rows).hasSize(3))
                .hasEntrySatisfying("plan", rows -> assertThat(rows).hasSize(2))
                .hasEntrySatisfying("tax_rate", rows -> assertThat(rows).hasSize(3))
                .hasEntrySatisfying("subscription", rows -> assertThat(rows).hasSize(3))
                .hasEntrySatisfying("service_identifier", rows -> assertThat(rows).hasSize(3))
                .hasEntrySatisfying("invoice", rows -> assertThat(rows).hasSize(3))
                .hasEntrySatisfying("account_ledger", rows -> assertThat(rows).hasSize(3));
    }

    @Test
    @Order(2)
    void changedAccountRowUpdatesNameAndEmailButKeepsNextBillDate() throws IOException {
        // given: account 100001 renamed, new email, and a next_bill_date of 2027-03-01 in the file
        Map<String, Object> alice = account("100001");
        Map<String, Object> marie = account("100002");
        Map<String, Object> carol = account("100003");

        // when
        Result result = importer.importFile(Kind.ACCOUNTS, Fixtures.path("reference/accounts-changed.csv"));

        // then: name and email follow the file; next_bill_date is the pipeline's and stays 2026-11-01
        assertThat(result.inserted()).isZero();
        assertThat(result.rejected()).isZero();
        // 3 lines = 1 updated (100001) + 2 unchanged; a next_bill_date alone would not count as a change
        assertThat(result.updated()).as(result.describe()).isEqualTo(1);
        assertThat(result.unchanged()).as(result.describe()).isEqualTo(2);
        Map<String, Object> changed = account("100001");
        assertThat(changed.get("ID")).isEqualTo(alice.get("ID"));
        assertThat(changed.get("NAME")).isEqualTo("Alice Tremblay-Roy");
        assertThat(changed.get("EMAIL")).isEqualTo("alice.roy@example.com");
        assertThat(changed.get("NEXT_BILL_DATE")).isEqualTo(Date.valueOf("2026-11-01"));
        assertThat(changed.get("STATUS")).isEqualTo("ACTIVE");
        // the two rows that did not change are as they were
        assertThat(account("100002")).isEqualTo(marie);
        assertThat(account("100003")).isEqualTo(carol);
    }

    @Test
    @Order(3)
    void subscriptionsForUnknownAccountsPlansOrTakenServiceIdsAreRejectedAndTheRestImported() throws IOException {
        // given: 5 rows; lines 3, 4 and 5 point at an unknown account, an unknown plan, a service id of S100001-1
        String file = "subscriptions-with-errors.csv";

        // when
        Result result = importer.importFile(Kind.SUBSCRIPTIONS, Fixtures.path("reference/" + file));

        // then: 5 lines = 2 inserted + 3 rejected, each reject with its line and field
        assertThat(result.lines()).isEqualTo(5);
        assertThat(result.inserted()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(3);
        Path rejectFile = properties.rejects().resolve("import-subscriptions-" + file + ".rejects.csv");
        assertThat(result.rejectFile()).isEqualTo(rejectFile);
        List<CSVRecord> rejects = Fixtures.rejects(rejectFile);
        assertThat(rejects).extracting(r -> r.get("file"), r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"))
                .containsExactly(
                        tuple(file, "3", "account_number", "unknown account '999999' (import accounts first)"),
                        tuple(file, "4", "plan_code", "unknown plan 'GOLD-9000' (import plans first)"),
                        tuple(file, "5", "service_id", "service id 'alice' already belongs to another subscription"));
        // each with the line as read, so the operator can fix it and import it again
        assertThat(rejects).extracting(r -> r.get("raw")).containsExactly(
                "S999999-1,999999,FIBRE-100,nobody,2026-10-01,",
                "S100001-9,100001,GOLD-9000,alice-gold,2026-10-01,",
                "S100002-9,100002,FIBRE-100,alice,2026-10-01,");
        // the good rows are in, the rejected ones are not, and alice still belongs to S100001-1
        assertThat(jdbc.queryForList("SELECT subscription_id FROM subscription ORDER BY subscription_id", String.class))
                .containsExactly("S100001-1", "S100001-2", "S100002-1", "S100002-2", "S100003-1");
        assertThat(serviceOwners()).containsExactly(
                Map.entry("5145550101", "S100001-2"),
                Map.entry("8195550202", "S100002-2"),
                Map.entry("alice", "S100001-1"),
                Map.entry("carolsbakery", "S100003-1"),
                Map.entry("dupont,marie", "S100002-1"));
    }

    @Test
    @Order(4)
    void openingBalancesAreIssuedImportedInvoicesWithOneLedgerEntryEach() throws IOException {
        // given: the opening balances imported twice by the first test

        // when: imported a third time
        Result again = importFixture(Kind.OPENING_BALANCES);

        // then: nothing added, each invoice left alone
        assertThat(again.inserted()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        List<Map<String, Object>> invoices = jdbc.queryForList("""
                SELECT i.invoice_number, a.account_number, i.origin, i.status, i.invoice_date, i.due_date, i.cycle_date,
                       i.currency, i.language, i.subtotal, i.tax_total, i.total, i.amount_due, i.amount_paid
                FROM invoice i JOIN account a ON a.id = i.account_id ORDER BY i.invoice_number""");
        assertThat(invoices).extracting(i -> i.get("INVOICE_NUMBER"), i -> i.get("ACCOUNT_NUMBER"), i -> i.get("ORIGIN"),
                        i -> i.get("STATUS"), i -> i.get("DUE_DATE"), i -> i.get("CYCLE_DATE"), i -> i.get("LANGUAGE"),
                        i -> i.get("TOTAL"), i -> i.get("AMOUNT_DUE"), i -> i.get("AMOUNT_PAID"))
                .containsExactly(
                        tuple("LEGACY-5001", "100001", "IMPORTED", "ISSUED", Date.valueOf("2026-09-21"), null,
                                "en", new BigDecimal("75.40"), new BigDecimal("75.40"), new BigDecimal("0.00")),
                        tuple("LEGACY-5002", "100002", "IMPORTED", "ISSUED", Date.valueOf("2026-09-21"), null,
                                "fr", new BigDecimal("112.68"), new BigDecimal("112.68"), new BigDecimal("0.00")),
                        tuple("LEGACY-5003", "100003", "IMPORTED", "ISSUED", Date.valueOf("2026-10-31"), null,
                                "en", new BigDecimal("1045.00"), new BigDecimal("1045.00"), new BigDecimal("0.00")));
        // an imported balance has no tax of its own: subtotal = total, tax 0
        assertThat(invoices).allSatisfy(i -> {
            assertThat((BigDecimal) i.get("SUBTOTAL")).isEqualByComparingTo((BigDecimal) i.get("TOTAL"));
            assertThat((BigDecimal) i.get("TAX_TOTAL")).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(i.get("CURRENCY")).isEqualTo("CAD");
        });
        // one OPENING_BALANCE entry per invoice, dated the invoice date, for its amount
        List<Map<String, Object>> ledger = jdbc.queryForList("""
                SELECT a.account_number, g.entry_date, g.entry_type, g.reference, g.amount
                FROM account_ledger g JOIN account a ON a.id = g.account_id ORDER BY g.reference""");
        assertThat(ledger).extracting(g -> g.get("ACCOUNT_NUMBER"), g -> g.get("ENTRY_DATE"), g -> g.get("ENTRY_TYPE"),
                        g -> g.get("REFERENCE"), g -> g.get("AMOUNT"))
                .containsExactly(
                        tuple("100001", Date.valueOf("2026-09-01"), "OPENING_BALANCE", "LEGACY-5001", new BigDecimal("75.40")),
                        tuple("100002", Date.valueOf("2026-09-01"), "OPENING_BALANCE", "LEGACY-5002", new BigDecimal("112.68")),
                        tuple("100003", Date.valueOf("2026-10-01"), "OPENING_BALANCE", "LEGACY-5003", new BigDecimal("1045.00")));
    }

    @Test
    @Order(5)
    void importingTheSameFileAgainReportsItsRowsUnchanged() throws IOException {
        // given: plans.csv imported already (first test) and not changed since

        // when
        Result plans = importFixture(Kind.PLANS);

        // then: nothing changed, and the result says so
        assertThat(plans.updated()).as(plans.describe()).isZero();
        assertThat(plans.unchanged()).as(plans.describe()).isEqualTo(2);
    }

    @Test
    @Order(6)
    void taxRatesAreComparedByValueSoOnlyARealChangeIsAnUpdate() throws IOException {
        // given: GST written 0.050000 (= 0.05), QST from 0.09975 to 0.1, HST without its registration

        // when
        Result result = importer.importFile(Kind.TAX_RATES, Fixtures.path("reference/tax-rates-changed.csv"));

        // then: 3 lines = 2 updated (QST, HST) + 1 unchanged (GST)
        assertThat(result.inserted()).as(result.describe()).isZero();
        assertThat(result.updated()).as(result.describe()).isEqualTo(2);
        assertThat(result.unchanged()).as(result.describe()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT tax_code, rate, registration FROM tax_rate ORDER BY country, region, tax_code"))
                .extracting(t -> t.get("TAX_CODE"), t -> ((BigDecimal) t.get("RATE")).stripTrailingZeros().toPlainString(),
                        t -> t.get("REGISTRATION"))
                .containsExactly(
                        tuple("HST", "0.13", null),
                        tuple("GST", "0.05", "123456789 RT0001"),
                        tuple("QST", "0.1", "1234567890 TQ0001"));
    }

    @Test
    @Order(7)
    void aNewServiceIdIsAChangeOfItsSubscription() throws IOException {
        // given: S100001-1 now ends 2027-06-30, S100001-2 as it was, S100002-1 renamed dupont,marie -> marie.dupont

        // when
        Result result = importer.importFile(Kind.SUBSCRIPTIONS, Fixtures.path("reference/subscriptions-changed.csv"));

        // then: 3 lines = 2 updated + 1 unchanged, and the old service id no longer finds S100002-1
        assertThat(result.inserted()).as(result.describe()).isZero();
        assertThat(result.updated()).as(result.describe()).isEqualTo(2);
        assertThat(result.unchanged()).as(result.describe()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT end_date FROM subscription WHERE subscription_id = 'S100001-1'", Date.class))
                .isEqualTo(Date.valueOf("2027-06-30"));
        assertThat(serviceOwners()).containsExactly(
                Map.entry("5145550101", "S100001-2"),
                Map.entry("8195550202", "S100002-2"),
                Map.entry("alice", "S100001-1"),
                Map.entry("carolsbakery", "S100003-1"),
                Map.entry("marie.dupont", "S100002-1"));
    }

    private Result importFixture(Kind kind) throws IOException {
        return importer.importFile(kind, Fixtures.path("reference/" + kind.label() + ".csv"));
    }

    private Map<String, Object> account(String number) {
        return jdbc.queryForMap("SELECT * FROM account WHERE account_number = ?", number);
    }

    private Map<String, String> serviceOwners() {
        Map<String, String> owners = new LinkedHashMap<>();
        jdbc.query("""
                SELECT si.service_id, s.subscription_id FROM service_identifier si
                JOIN subscription s ON s.id = si.subscription_id ORDER BY si.service_id""", rs -> {
            owners.put(rs.getString(1), rs.getString(2));
        });
        return owners;
    }

    /** Every row of the reference tables and of what opening balances make, in key order. */
    private Map<String, List<Map<String, Object>>> tables() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("account", jdbc.queryForList("SELECT * FROM account ORDER BY account_number"));
        tables.put("plan", jdbc.queryForList("SELECT * FROM plan ORDER BY code"));
        tables.put("tax_rate", jdbc.queryForList("SELECT * FROM tax_rate ORDER BY country, region, tax_code"));
        tables.put("subscription", jdbc.queryForList("SELECT * FROM subscription ORDER BY subscription_id"));
        tables.put("service_identifier", jdbc.queryForList("SELECT * FROM service_identifier ORDER BY service_id"));
        tables.put("invoice", jdbc.queryForList("SELECT * FROM invoice ORDER BY invoice_number"));
        tables.put("account_ledger", jdbc.queryForList("SELECT * FROM account_ledger ORDER BY reference"));
        return tables;
    }
}
