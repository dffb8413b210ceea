package ca.isp.billing.jobs.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.groups.Tuple;
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
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.accounting.JournalExport;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * Money on a written-off account (billing.write-off.after-days 90; delinquent 30 days past due,
 * suspended 10 days later; the default late fee, 10.00 flat once per invoice 6 days after its due
 * date; an NSF fee of 25.00, which a written-off account is not charged: nothing would bill it). Anne (200001) owes A1 120.00 due Jun 1 and A2 50.00 due Aug 20.
 *
 * <pre>
 * Jul 15  delinquent (Jun 1 + 30 = Jul 1); late fee 10.00 on A1 (Jun 1 + 6 = Jun 7)
 * Jul 27  suspended (Jul 15 + 10 = Jul 25)
 * Aug 10  CHQ-0 20.00 pays A1: A1 open 100.00
 * Aug 30  Jun 1 + 90 = Aug 30: written off WO-A1 100.00 + WO-A2 50.00 = 150.00. A2's fee would be
 *         due today (Aug 20 + 6 = Aug 26, first run since): written off first, no fee.
 * Sep 2   CHQ-1 120.00 recovers A1 100.00 (oldest) then A2 20.00; CHQ-2 40.00 recovers A2's last
 *         30.00 (50.00 - 20.00) and leaves 10.00 credit. Still written off: 0.00.
 * Sep 4   CHQ-0 and CHQ-1 come back NSF: A1 reopens 20.00 + 100.00 = 120.00, A2 20.00; written off
 *         again the same day: WO-A1-2 120.00, WO-A2-2 20.00 = 140.00; no fee on them.
 * </pre>
 * Ledger of Anne at the end: 170.00 billed - 20.00 (CHQ-0) - 150.00 (write-offs) + 120.00 - 120.00
 * (CHQ-1 reinstated, paid) + 30.00 - 40.00 (CHQ-2) + 20.00 + 120.00 (returned) - 140.00 (written off
 * again) = -10.00: her credit. Still written off: 140.00 = 170.00 billed - 30.00 kept of CHQ-2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WriteOffRecoveryTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate AUG_30 = LocalDate.of(2026, 8, 30);
    private static final LocalDate SEP_2 = LocalDate.of(2026, 9, 2);
    private static final LocalDate SEP_4 = LocalDate.of(2026, 9, 4);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.delinquency.days-past-due", () -> "30");
        registry.add("billing.delinquency.suspend-after-days", () -> "10");
        registry.add("billing.write-off.after-days", () -> "90");
        registry.add("billing.payments.nsf-fee", () -> "25.00");
    }

    @Autowired
    private CollectionsLauncher collections;
    @Autowired
    private JournalExport journal;

    @BeforeAll
    void importAndRunUpToAugust10() throws IOException {
        Fixtures.importAll(importer, "collections-calendar", Kind.PLANS, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
        Path balances = HOME.resolve("opening-balances.csv");
        Files.write(balances, List.of("account_number,invoice_number,invoice_date,due_date,amount",
                "200001,A1,2026-05-11,2026-06-01,120.00",
                "200001,A2,2026-07-30,2026-08-20,50.00"));
        assertThat(importer.importFile(Kind.OPENING_BALANCES, balances).inserted()).isEqualTo(2);
        for (LocalDate day : List.of(LocalDate.of(2026, 7, 15), LocalDate.of(2026, 7, 27))) {
            assertThat(collections.collect(day).result()).as(day.toString()).isEqualTo(Result.COMPLETED);
        }
        pay("aug-10.csv", "CHQ-0,200001,2026-08-10,20.00,CHEQUE,,");
        assertThat(collections.collect(LocalDate.of(2026, 8, 10)).result()).isEqualTo(Result.COMPLETED);
        assertThat(status()).isEqualTo("SUSPENDED");
    }

    @Test
    @Order(1)
    void writtenOffBeforeLateFeesSoNoFeeOnTheDayOfTheWriteOff() throws IOException {
        assertThat(collections.collect(AUG_30).result()).isEqualTo(Result.COMPLETED);

        assertThat(writeOffs()).containsExactly(tuple("WO-A1", 1, "100.00"), tuple("WO-A2", 1, "50.00"));
        // A1's fee of July 15 only: A2's first fee (clock from Aug 26) would be today's, but A2 was written off first
        assertThat(jdbc.query("""
                SELECT i.invoice_number, f.assessed_on, f.amount FROM late_fee f JOIN invoice i ON i.id = f.invoice_id""",
                (rs, n) -> tuple(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3).toPlainString())))
                .containsExactly(tuple("A1", LocalDate.of(2026, 7, 15), "10.00"));
        assertThat(agency(AUG_30)).containsExactly(tuple("200001", "150.00", "A1|A2"));
    }

    @Test
    @Order(2)
    void aPaymentOnTheWrittenOffAccountRecoversTheOldestWriteOffFirstAndTheRestIsCredit() {
        pay("sep-2.csv", "CHQ-1,200001,2026-09-02,120.00,CHEQUE,,", "CHQ-2,200001,2026-09-02,40.00,CHEQUE,,");
        assertThat(collections.collect(SEP_2).result()).isEqualTo(Result.COMPLETED);

        // CHQ-1 120.00: WO-A1 100.00 then WO-A2 20.00; CHQ-2 40.00: WO-A2 50.00 - 20.00 = 30.00, 10.00 left
        assertThat(jdbc.query("""
                SELECT p.payment_ref, w.reference, r.amount FROM write_off_recovery r JOIN payment p ON p.id = r.payment_id
                JOIN write_off w ON w.id = r.write_off_id ORDER BY p.payment_ref, w.reference""",
                (rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getBigDecimal(3).toPlainString()))).containsExactly(
                tuple("CHQ-1", "WO-A1", "100.00"), tuple("CHQ-1", "WO-A2", "20.00"), tuple("CHQ-2", "WO-A2", "30.00"));
        assertThat(jdbc.queryForList("SELECT unapplied FROM payment WHERE payment_ref IN ('CHQ-1', 'CHQ-2')"
                + " ORDER BY payment_ref", BigDecimal.class)).extracting(BigDecimal::toPlainString)
                .containsExactly("0.00", "10.00");
        // written off left: 150.00 - 120.00 - 30.00 = 0.00; the invoices are paid, none open
        assertThat(writtenOff()).isEqualByComparingTo("0.00");
        assertThat(count("SELECT COUNT(*) FROM open_invoice")).isZero();
        // the ledger: each recovery reinstates what it recovered, the payment takes it off
        assertThat(jdbc.query("""
                SELECT entry_type, reference, amount FROM account_ledger WHERE entry_date = '2026-09-02'
                ORDER BY reference, entry_type""", (rs, n) -> tuple(rs.getString(1), rs.getString(2),
                rs.getBigDecimal(3).toPlainString()))).containsExactly(tuple("PAYMENT", "CHQ-1", "-120.00"),
                tuple("RECOVERY", "CHQ-1", "120.00"), tuple("PAYMENT", "CHQ-2", "-40.00"),
                tuple("RECOVERY", "CHQ-2", "30.00"));
        // 170.00 - 20.00 - 150.00 + 120.00 - 120.00 + 30.00 - 40.00 = -10.00
        assertThat(Fixtures.balance(jdbc, "200001")).isEqualByComparingTo("-10.00");
        assertThat(status()).isEqualTo("WRITTEN_OFF");
    }

    @Test
    @Order(3)
    void returnedPaymentsReopenAndTheSameDayTheReopenedBalanceIsWrittenOffAgainWithoutFees() throws IOException {
        pay("sep-4.csv", "NSF-0,200001,2026-09-04,-20.00,CHEQUE,,CHQ-0", "NSF-1,200001,2026-09-04,-120.00,CHEQUE,,CHQ-1");
        assertThat(collections.collect(SEP_4).result()).isEqualTo(Result.COMPLETED);

        // CHQ-0 had paid A1 20.00 (before the write-off); CHQ-1 had recovered A1 100.00 and A2 20.00
        assertThat(writeOffs()).containsExactly(tuple("WO-A1", 1, "100.00"), tuple("WO-A1-2", 2, "120.00"),
                tuple("WO-A2", 1, "50.00"), tuple("WO-A2-2", 2, "20.00"));
        // 120.00 + 20.00 = 140.00 written off again: 170.00 billed - 30.00 recovered for good (CHQ-2)
        assertThat(writtenOff()).isEqualByComparingTo("140.00");
        assertThat(count("SELECT COUNT(*) FROM open_invoice")).isZero();
        assertThat(count("SELECT COUNT(*) FROM late_fee")).isEqualTo(1);
        // no NSF fee either: it would wait for an invoice a written-off account never gets
        assertThat(count("SELECT COUNT(*) FROM one_time_charge")).isZero();
        // -10.00 + 20.00 + 120.00 - 140.00 = -10.00: CHQ-2's credit is still hers
        assertThat(Fixtures.balance(jdbc, "200001")).isEqualByComparingTo("-10.00");
        assertThat(status()).isEqualTo("WRITTEN_OFF");
        // the agency is handed what was written off again today
        assertThat(agency(SEP_4)).containsExactly(tuple("200001", "140.00", "A1|A2"));
    }

    @Test
    @Order(4)
    void theJournalReinstatesTheRecoveredReceivableThenBooksTheCashAgainstIt() {
        LocalDate cycle = LocalDate.of(2026, 10, 1);
        // 3 payments, 4 write-offs, 2 reversals, 2 recoveries
        assertThat(journal.post(cycle, 0)).isEqualTo(11);
        Journal posted = journal.journal(cycle, 0);
        assertThat(posted.lines()).extracting(l -> l.sourceType(), l -> l.sourceRef(), l -> l.category(),
                l -> l.glAccount(), l -> l.debit().toPlainString(), l -> l.credit().toPlainString())
                .containsExactlyInAnyOrder(
                        tuple("PAYMENT", "CHQ-0", JournalCategory.CASH, "1000", "20.00", "0.00"),
                        tuple("PAYMENT", "CHQ-0", JournalCategory.RECEIVABLE, "1200", "0.00", "20.00"),
                        tuple("PAYMENT", "CHQ-1", JournalCategory.CASH, "1000", "120.00", "0.00"),
                        tuple("PAYMENT", "CHQ-1", JournalCategory.RECEIVABLE, "1200", "0.00", "120.00"),
                        tuple("PAYMENT", "CHQ-2", JournalCategory.CASH, "1000", "40.00", "0.00"),
                        tuple("PAYMENT", "CHQ-2", JournalCategory.RECEIVABLE, "1200", "0.00", "40.00"),
                        // the recovered part reinstated as a receivable, against bad-debt recovery
                        tuple("RECOVERY", "CHQ-1", JournalCategory.RECEIVABLE, "1200", "120.00", "0.00"),
                        tuple("RECOVERY", "CHQ-1", JournalCategory.BAD_DEBT_RECOVERY, "6500", "0.00", "120.00"),
                        tuple("RECOVERY", "CHQ-2", JournalCategory.RECEIVABLE, "1200", "30.00", "0.00"),
                        tuple("RECOVERY", "CHQ-2", JournalCategory.BAD_DEBT_RECOVERY, "6500", "0.00", "30.00"),
                        tuple("WRITE_OFF", "WO-A1", JournalCategory.BAD_DEBT, "6500", "100.00", "0.00"),
                        tuple("WRITE_OFF", "WO-A1", JournalCategory.RECEIVABLE, "1200", "0.00", "100.00"),
                        tuple("WRITE_OFF", "WO-A2", JournalCategory.BAD_DEBT, "6500", "50.00", "0.00"),
                        tuple("WRITE_OFF", "WO-A2", JournalCategory.RECEIVABLE, "1200", "0.00", "50.00"),
                        tuple("WRITE_OFF", "WO-A1-2", JournalCategory.BAD_DEBT, "6500", "120.00", "0.00"),
                        tuple("WRITE_OFF", "WO-A1-2", JournalCategory.RECEIVABLE, "1200", "0.00", "120.00"),
                        tuple("WRITE_OFF", "WO-A2-2", JournalCategory.BAD_DEBT, "6500", "20.00", "0.00"),
                        tuple("WRITE_OFF", "WO-A2-2", JournalCategory.RECEIVABLE, "1200", "0.00", "20.00"),
                        tuple("REVERSAL", "NSF-0", JournalCategory.RECEIVABLE, "1200", "20.00", "0.00"),
                        tuple("REVERSAL", "NSF-0", JournalCategory.CASH, "1000", "0.00", "20.00"),
                        tuple("REVERSAL", "NSF-1", JournalCategory.RECEIVABLE, "1200", "120.00", "0.00"),
                        tuple("REVERSAL", "NSF-1", JournalCategory.CASH, "1000", "0.00", "120.00"));
        // from the payment files alone: cash 20.00 + 120.00 + 40.00 - 20.00 - 120.00 = 40.00 (CHQ-2 kept);
        // receivables -20 -120 -40 +120 +30 -100 -50 -120 -20 +20 +120 = -180.00: 170.00 billed -> -10.00 credit;
        // bad debt 100 + 50 + 120 + 20 = 290.00 less 150.00 recovered = 140.00 still written off
        assertThat(net(posted, JournalCategory.CASH)).isEqualByComparingTo("40.00");
        assertThat(net(posted, JournalCategory.RECEIVABLE)).isEqualByComparingTo("-180.00");
        assertThat(net(posted, JournalCategory.BAD_DEBT).add(net(posted, JournalCategory.BAD_DEBT_RECOVERY)))
                .isEqualByComparingTo("140.00");
        // debits: 180 + 150 + 290 + 140 = 760.00
        assertThat(posted.debits().get("CAD")).isEqualByComparingTo("760.00");
        assertThat(posted.credits().get("CAD")).isEqualByComparingTo("760.00");
    }

    private static BigDecimal net(Journal journal, JournalCategory category) {
        return journal.lines().stream().filter(l -> l.category() == category).map(l -> l.amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private void pay(String file, String... lines) {
        try {
            Path inbox = properties.inbox("payments");
            Files.createDirectories(inbox);
            Files.writeString(inbox.resolve(file), "payment_ref,account_number,received_on,amount,method,deposit_batch,"
                    + "reverses\n" + String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Tuple> writeOffs() {
        return jdbc.query("SELECT reference, sequence_no, amount FROM write_off ORDER BY reference",
                (rs, n) -> tuple(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3).toPlainString()));
    }

    private BigDecimal writtenOff() {
        return jdbc.queryForObject("SELECT SUM(amount_written_off) FROM invoice", BigDecimal.class);
    }

    private String status() {
        return jdbc.queryForObject("SELECT status FROM account WHERE account_number = '200001'", String.class);
    }

    private static List<Tuple> agency(LocalDate date) throws IOException {
        try (Reader reader = Files.newBufferedReader(HOME.resolve("out/collections/" + date + "/agency.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords()
                    .stream().map(r -> tuple(r.get("account_number"), r.get("amount_written_off"), r.get("invoices")))
                    .toList();
        }
    }
}
