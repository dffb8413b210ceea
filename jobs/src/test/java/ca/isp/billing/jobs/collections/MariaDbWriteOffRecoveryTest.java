package ca.isp.billing.jobs.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ca.isp.billing.domain.Journal;
import ca.isp.billing.domain.JournalCategory;
import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.MariaDbSchema;
import ca.isp.billing.jobs.accounting.JournalExport;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.payments.PaymentSuspense;

/**
 * V30's SQL on a real MariaDB (the write-off sequence index that replaces the unique one, the
 * recoveries, the suspense journal): WriteOffRecoveryTest's story, the same figures, plus a line in
 * suspense assigned to Anne (SUS-1 40.00 for an unknown account, received Sep 2, assigned: it
 * recovers like any payment of hers). Needs a server as MariaDbCycleTest does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbWriteOffRecoveryTest {

    private MariaDbSchema schema;

    @BeforeAll
    void createSchema() {
        schema = MariaDbSchema.create("billing_recovery_it", getClass());
    }

    @AfterAll
    void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void recoversWritesOffAgainAndJournalsSuspenseOnMariaDb() throws Exception {
        Path home = Files.createTempDirectory("billing-mariadb-recovery-");
        try (BillingRun maria = BillingRun.start(home, schema.url(), schema.user, schema.password, Map.of(
                "billing.delinquency.days-past-due", "30", "billing.delinquency.suspend-after-days", "10",
                "billing.write-off.after-days", "90"))) {
            ReferenceDataImporter importer = maria.bean(ReferenceDataImporter.class);
            Fixtures.importAll(importer, "collections-calendar", Kind.PLANS, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
            Path balances = home.resolve("opening-balances.csv");
            Files.write(balances, List.of("account_number,invoice_number,invoice_date,due_date,amount",
                    "200001,A1,2026-05-11,2026-06-01,120.00", "200001,A2,2026-07-30,2026-08-20,50.00"));
            importer.importFile(Kind.OPENING_BALANCES, balances);
            CollectionsLauncher collections = maria.bean(CollectionsLauncher.class);
            Path inbox = maria.properties().inbox("payments");
            Files.createDirectories(inbox);
            String header = "payment_ref,account_number,received_on,amount,method,deposit_batch,reverses\n";
            collect(collections, "2026-07-15");
            collect(collections, "2026-07-27");
            Files.writeString(inbox.resolve("aug-10.csv"), header + "CHQ-0,200001,2026-08-10,20.00,CHEQUE,,\n");
            collect(collections, "2026-08-10");
            collect(collections, "2026-08-30");
            // written off 100.00 + 50.00; SUS-1 waits in suspense, then recovers A1 40.00 of Anne's
            Files.writeString(inbox.resolve("sep-2.csv"), header + "SUS-1,999999,2026-09-02,40.00,CASH,,\n");
            collect(collections, "2026-09-02");
            maria.bean(PaymentSuspense.class).assign("SUS-1", "200001", "ops");
            // CHQ-1 80.00: A1 100.00 - 40.00 = 60.00, then A2 20.00; CHQ-2 40.00: A2 30.00 and 10.00 credit
            Files.writeString(inbox.resolve("sep-3.csv"), header
                    + "CHQ-1,200001,2026-09-03,80.00,CHEQUE,,\nCHQ-2,200001,2026-09-03,40.00,CHEQUE,,\n");
            collect(collections, "2026-09-03");
            assertThat(maria.jdbc().queryForObject("SELECT SUM(amount_written_off) FROM invoice", BigDecimal.class))
                    .isEqualByComparingTo("0.00");
            // CHQ-0 (A1 20.00) and CHQ-1 (A1 60.00, A2 20.00) come back: 100.00 written off again
            Files.writeString(inbox.resolve("sep-4.csv"), header
                    + "NSF-0,200001,2026-09-04,-20.00,CHEQUE,,CHQ-0\nNSF-1,200001,2026-09-04,-80.00,CHEQUE,,CHQ-1\n");
            collect(collections, "2026-09-04");

            assertThat(maria.jdbc().query("SELECT reference, amount FROM write_off ORDER BY reference",
                    (rs, n) -> tuple(rs.getString(1), rs.getBigDecimal(2).toPlainString()))).containsExactly(
                    tuple("WO-A1", "100.00"), tuple("WO-A1-2", "80.00"), tuple("WO-A2", "50.00"),
                    tuple("WO-A2-2", "20.00"));
            // 170.00 billed - 40.00 (SUS-1) - 30.00 (CHQ-2) kept = 100.00 still written off
            assertThat(maria.jdbc().queryForObject("SELECT SUM(amount_written_off) FROM invoice", BigDecimal.class))
                    .isEqualByComparingTo("100.00");
            assertThat(Fixtures.balance(maria.jdbc(), "200001")).isEqualByComparingTo("-10.00");
            assertThat(maria.jdbc().queryForObject("SELECT COUNT(*) FROM late_fee", Integer.class)).isOne();

            JournalExport journal = maria.bean(JournalExport.class);
            LocalDate cycle = LocalDate.of(2026, 10, 1);
            journal.post(cycle, 0);
            Journal posted = journal.journal(cycle, 0);
            // cash from the files: 20 + 40 + 80 + 40 - 20 - 80 = 80.00 (SUS-1 and CHQ-2 kept)
            assertThat(net(posted, JournalCategory.CASH)).isEqualByComparingTo("80.00");
            // unapplied: SUS-1 in (-40.00) and out when assigned (+40.00)
            assertThat(net(posted, JournalCategory.UNAPPLIED_CASH)).isEqualByComparingTo("0.00");
            // recovered 40.00 (SUS-1) + 80.00 (CHQ-1) + 30.00 (CHQ-2) = 150.00
            assertThat(net(posted, JournalCategory.BAD_DEBT_RECOVERY)).isEqualByComparingTo("-150.00");
            // written off 100 + 50 + 80 + 20 = 250.00; net 250.00 - 150.00 = 100.00 as on the invoices
            assertThat(net(posted, JournalCategory.BAD_DEBT)).isEqualByComparingTo("250.00");
            assertThat(posted.debits().get("CAD")).isEqualByComparingTo(posted.credits().get("CAD"));
        }
    }

    private static void collect(CollectionsLauncher collections, String day) {
        assertThat(collections.collect(LocalDate.parse(day)).result()).as(day).isEqualTo(Result.COMPLETED);
    }

    private static BigDecimal net(Journal journal, JournalCategory category) {
        return journal.lines().stream().filter(l -> l.category() == category).map(l -> l.amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
