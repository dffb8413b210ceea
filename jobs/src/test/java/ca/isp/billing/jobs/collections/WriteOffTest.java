package ca.isp.billing.jobs.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.domain.Journal;
import ca.isp.billing.domain.JournalCategory;
import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.accounting.JournalExport;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Write-offs by the daily collections job (billing.write-off.after-days 90; delinquent 30 days
 * past due, suspended 10 days later). Anne (200001) owes WO-A1 120.00 due Jun 1 and WO-A2 50.00
 * due Aug 1; Bruno (200002) owes WO-B1 30.00 due Jun 20. Anne: delinquent Jul 15 (Jun 1 + 30 =
 * Jul 1), suspended Jul 27 (Jul 15 + 10 = Jul 25); her oldest due date + 90 days = Aug 30: on Aug 30
 * her whole balance, 120.00 + 50.00 = 170.00, is written off. Bruno: delinquent Jul 27 (Jun 20 +
 * 30 = Jul 20), suspended Aug 10 (Jul 27 + 10 = Aug 6); Jun 20 + 90 = Sep 18: not written off on
 * Aug 30, written off (30.00) on Sep 18.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WriteOffTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate AUG_30 = LocalDate.of(2026, 8, 30);
    private static final LocalDate SEP_18 = LocalDate.of(2026, 9, 18);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.delinquency.days-past-due", () -> "30");
        registry.add("billing.delinquency.suspend-after-days", () -> "10");
        registry.add("billing.write-off.after-days", () -> "90");
    }

    @Autowired
    private CollectionsLauncher collections;
    @Autowired
    private JournalExport journal;
    @Autowired
    private AccountReinstatement reinstatement;

    @BeforeAll
    void importAndRunUpToAugust29() throws IOException {
        Fixtures.importAll(importer, "collections-calendar", Kind.PLANS, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
        Path balances = HOME.resolve("opening-balances.csv");
        Files.write(balances, List.of("account_number,invoice_number,invoice_date,due_date,amount",
                "200001,WO-A1,2026-05-11,2026-06-01,120.00",
                "200001,WO-A2,2026-07-11,2026-08-01,50.00",
                "200002,WO-B1,2026-05-30,2026-06-20,30.00"));
        assertThat(importer.importFile(Kind.OPENING_BALANCES, balances).inserted()).isEqualTo(3);
        for (LocalDate day : List.of(LocalDate.of(2026, 7, 15), LocalDate.of(2026, 7, 27), LocalDate.of(2026, 8, 10),
                LocalDate.of(2026, 8, 29))) {
            assertThat(collections.collect(day).result()).as(day.toString()).isEqualTo(Result.COMPLETED);
        }
        assertThat(statuses()).containsExactly(tuple("200001", "SUSPENDED"), tuple("200002", "SUSPENDED"));
        assertThat(count("SELECT COUNT(*) FROM write_off")).isZero();
    }

    @Test
    @Order(1)
    void onAugust30AnnesWholeBalanceIsWrittenOffAndListedForTheAgency() throws IOException {
        assertThat(collections.collect(AUG_30).result()).isEqualTo(Result.COMPLETED);

        assertThat(jdbc.query("""
                SELECT w.reference, w.amount FROM write_off w ORDER BY w.reference""",
                (rs, n) -> tuple(rs.getString(1), rs.getBigDecimal(2)))).containsExactly(
                tuple("WO-WO-A1", new BigDecimal("120.00")), tuple("WO-WO-A2", new BigDecimal("50.00")));
        // 120.00 + 50.00 - 170.00: she owes nothing on our books; Bruno still 30.00
        assertThat(Fixtures.balance(jdbc, "200001")).isEqualByComparingTo("0.00");
        assertThat(Fixtures.balance(jdbc, "200002")).isEqualByComparingTo("30.00");
        assertThat(count("SELECT COUNT(*) FROM open_invoice o JOIN account a ON a.id = o.account_id"
                + " WHERE a.account_number = '200001'")).isZero();
        assertThat(statuses()).containsExactly(tuple("200001", "WRITTEN_OFF"), tuple("200002", "SUSPENDED"));

        Path agency = HOME.resolve("out/collections/2026-08-30/agency.csv");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(agency))).isEqualTo("rw-------");
        List<CSVRecord> lines = read(agency);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.get("account_number")).isEqualTo("200001");
            assertThat(line.get("name")).isEqualTo("Anne Gagnon");
            assertThat(line.get("amount_written_off")).isEqualTo("170.00");
            assertThat(line.get("invoices")).isEqualTo("WO-A1|WO-A2");
            assertThat(line.get("oldest_due_date")).isEqualTo("2026-06-01");
            assertThat(line.get("written_off_on")).isEqualTo("2026-08-30");
        });
    }

    @Test
    @Order(2)
    void theSameDateAgainAndTheNextDaysWriteNothingMoreAndNeverRestoreAnne() throws IOException {
        var before = CycleTestSupport.tableCounts(jdbc);
        byte[] list = Files.readAllBytes(HOME.resolve("out/collections/2026-08-30/agency.csv"));

        assertThat(collections.collect(AUG_30).result()).isEqualTo(Result.ALREADY_COMPLETED);
        assertThat(CycleTestSupport.tableCounts(jdbc)).isEqualTo(before);
        assertThat(Files.readAllBytes(HOME.resolve("out/collections/2026-08-30/agency.csv"))).isEqualTo(list);

        // the next day nothing is overdue on Anne's account: a suspended account would be restored; hers is not
        assertThat(collections.collect(AUG_30.plusDays(1)).result()).isEqualTo(Result.COMPLETED);
        assertThat(read(HOME.resolve("out/collections/2026-08-31/agency.csv"))).isEmpty();
        assertThat(read(HOME.resolve("out/provisioning/2026-08-31/reactivations.csv"))).isEmpty();
        assertThat(statuses()).containsExactly(tuple("200001", "WRITTEN_OFF"), tuple("200002", "SUSPENDED"));
    }

    @Test
    @Order(3)
    void brunoIsWrittenOffOnSeptember18AndTheJournalBooksBothAsBadDebt() throws IOException {
        assertThat(collections.collect(SEP_18.minusDays(1)).result()).isEqualTo(Result.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM write_off")).isEqualTo(2);

        assertThat(collections.collect(SEP_18).result()).isEqualTo(Result.COMPLETED);

        assertThat(read(HOME.resolve("out/collections/2026-09-18/agency.csv"))).extracting(
                r -> r.get("account_number"), r -> r.get("amount_written_off")).containsExactly(tuple("200002", "30.00"));
        assertThat(Fixtures.balance(jdbc, "200002")).isEqualByComparingTo("0.00");

        // the next billing run's journal: each write-off debits bad debt (6500) and credits receivables (1200)
        LocalDate cycle = LocalDate.of(2026, 10, 1);
        assertThat(journal.post(cycle, 0)).isEqualTo(3);
        Journal posted = journal.journal(cycle, 0);
        assertThat(posted.lines()).extracting(l -> l.sourceRef(), l -> l.category(), l -> l.glAccount(), l -> l.debit(),
                l -> l.credit()).containsExactlyInAnyOrder(
                tuple("WO-WO-A1", JournalCategory.BAD_DEBT, "6500", new BigDecimal("120.00"), new BigDecimal("0.00")),
                tuple("WO-WO-A1", JournalCategory.RECEIVABLE, "1200", new BigDecimal("0.00"), new BigDecimal("120.00")),
                tuple("WO-WO-A2", JournalCategory.BAD_DEBT, "6500", new BigDecimal("50.00"), new BigDecimal("0.00")),
                tuple("WO-WO-A2", JournalCategory.RECEIVABLE, "1200", new BigDecimal("0.00"), new BigDecimal("50.00")),
                tuple("WO-WO-B1", JournalCategory.BAD_DEBT, "6500", new BigDecimal("30.00"), new BigDecimal("0.00")),
                tuple("WO-WO-B1", JournalCategory.RECEIVABLE, "1200", new BigDecimal("0.00"), new BigDecimal("30.00")));
        // 120.00 + 50.00 + 30.00 = 200.00 each side
        assertThat(posted.debits().get("CAD")).isEqualByComparingTo("200.00");
        assertThat(posted.credits().get("CAD")).isEqualByComparingTo("200.00");
        assertThat(journal.post(cycle, 0)).isZero();
    }

    @Test
    @Order(4)
    void anOperatorBringsAnneBackRecordedWithWhoAndTheWriteOffsStay() {
        assertThatThrownBy(() -> reinstatement.reinstate("999999", "ana"))
                .isInstanceOf(AccountReinstatement.Refused.class).hasMessageContaining("unknown account '999999'");
        AccountReinstatement.Reinstated done = reinstatement.reinstate("200001", "ana");
        assertThat(done.already()).isFalse();
        assertThat(statuses()).containsExactly(tuple("200001", "ACTIVE"), tuple("200002", "WRITTEN_OFF"));
        assertThat(jdbc.queryForMap("""
                SELECT r.reinstated_by, r.previous_status FROM account_reinstatement r JOIN account a ON a.id = r.account_id
                WHERE a.account_number = '200001'""")).containsEntry("REINSTATED_BY", "ana")
                .containsEntry("PREVIOUS_STATUS", "WRITTEN_OFF");
        assertThat(count("""
                SELECT COUNT(*) FROM delinquency_event e JOIN account a ON a.id = e.account_id
                WHERE a.account_number = '200001' AND e.from_status = 'WRITTEN_OFF' AND e.to_status = 'ACTIVE'"""))
                .isEqualTo(1);
        // the write-offs are ledger entries, never undone: the balance stays 0.00 (170.00 written off)
        assertThat(Fixtures.balance(jdbc, "200001")).isEqualByComparingTo("0.00");
        assertThat(count("SELECT COUNT(*) FROM write_off")).isEqualTo(3);
        // again: nothing changes, who did it is told
        AccountReinstatement.Reinstated again = reinstatement.reinstate("200001", "bob");
        assertThat(again.already()).isTrue();
        assertThat(again.by()).isEqualTo("ana");
        assertThat(count("SELECT COUNT(*) FROM account_reinstatement")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void theDaysReactivationListNamesTheReinstatedAccount() throws IOException {
        // reinstated today (PinnedClock 2026-11-20): that day's collections run lists it for provisioning
        assertThat(collections.collect(LocalDate.of(2026, 11, 20)).result()).isEqualTo(Result.COMPLETED);
        assertThat(read(HOME.resolve("out/provisioning/2026-11-20/reactivations.csv"))).extracting(
                r -> r.get("account_number"), r -> r.get("action"), r -> r.get("reason"))
                .containsExactly(tuple("200001", "RESTORE", "reinstated by an operator (was WRITTEN_OFF)"));
    }

    private List<org.assertj.core.groups.Tuple> statuses() {
        return jdbc.query("SELECT account_number, status FROM account ORDER BY account_number",
                (rs, n) -> tuple(rs.getString(1), rs.getString(2)));
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
