package ca.isp.billing.jobs.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.domain.Journal;
import ca.isp.billing.domain.JournalCategory;
import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.payments.PaymentSuspense;

/**
 * Money in payment suspense is in the general ledger from the day it is received (cash / unapplied
 * cash, billing.gl.unapplied-cash 2410), and leaves unapplied cash when it is assigned (to
 * receivables) or returned (to cash). Payment files (fixtures/payments balances): Nov 2, WIR-601
 * 50.00 from 200003 (a plain payment), CSH-701 40.00 for account 888888 (unknown), CRD-801 15.00
 * naming invoice OLD-Z9 (unknown), CHK-901 25.00 for account 777777 (unknown); CSH-701 is then
 * assigned to 200001; Nov 3, CRD-801 comes back (a chargeback) while still in suspense. CHK-901
 * stays in suspense.
 */
class SuspenseJournalTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    private CollectionsLauncher collections;
    @Autowired
    private PaymentSuspense suspense;
    @Autowired
    private JournalExport journal;

    @Test
    void suspenseMoneyIsCashAndUnappliedCashOnReceiptAndReceivablesWhenAssigned() throws IOException {
        Fixtures.importAll(importer, "payments", Kind.ACCOUNTS, Kind.OPENING_BALANCES);
        Path inbox = properties.inbox("payments");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("nov-2.csv"), """
                payment_ref,account_number,invoice_number,received_on,amount,method
                WIR-601,200003,,2026-11-02,50.00,WIRE
                CSH-701,888888,,2026-11-02,40.00,CASH
                CRD-801,200002,OLD-Z9,2026-11-02,15.00,CARD
                CHK-901,777777,,2026-11-02,25.00,CHEQUE
                """);
        assertThat(collections.collect(LocalDate.of(2026, 11, 2)).result()).isEqualTo(Result.COMPLETED);
        assertThat(suspense.assign("CSH-701", "200001", "ops").alreadyAssigned()).isFalse();
        Files.writeString(inbox.resolve("nov-3.csv"), """
                payment_ref,account_number,received_on,amount,reverses,reversal_reason
                RET-801,,2026-11-03,-15.00,CRD-801,CHARGEBACK
                """);
        assertThat(collections.collect(LocalDate.of(2026, 11, 3)).result()).isEqualTo(Result.COMPLETED);
        LocalDate assignedOn = jdbc.queryForObject(
                "SELECT CAST(assigned_at AS DATE) FROM payment_suspense WHERE payment_ref = 'CSH-701'", LocalDate.class);

        LocalDate cycle = LocalDate.of(2026, 12, 1);
        // 3 suspense lines received, 2 payments (WIR-601, CSH-701 once assigned), 1 reversal
        assertThat(journal.post(cycle, 0)).isEqualTo(6);
        Journal posted = journal.journal(cycle, 0);
        assertThat(posted.lines()).extracting(l -> l.sourceType(), l -> l.sourceRef(), l -> l.entryDate(),
                l -> l.accountNumber(), l -> l.category(), l -> l.glAccount(), l -> l.debit().toPlainString(),
                l -> l.credit().toPlainString()).containsExactlyInAnyOrder(
                tuple("PAYMENT", "WIR-601", LocalDate.of(2026, 11, 2), "200003", JournalCategory.CASH, "1000", "50.00", "0.00"),
                tuple("PAYMENT", "WIR-601", LocalDate.of(2026, 11, 2), "200003", JournalCategory.RECEIVABLE, "1200", "0.00", "50.00"),
                // received for nobody we know: in the bank, owed to someone
                tuple("SUSPENSE", "CSH-701", LocalDate.of(2026, 11, 2), "888888", JournalCategory.CASH, "1000", "40.00", "0.00"),
                tuple("SUSPENSE", "CSH-701", LocalDate.of(2026, 11, 2), "888888", JournalCategory.UNAPPLIED_CASH, "2410", "0.00", "40.00"),
                tuple("SUSPENSE", "CRD-801", LocalDate.of(2026, 11, 2), "200002", JournalCategory.CASH, "1000", "15.00", "0.00"),
                tuple("SUSPENSE", "CRD-801", LocalDate.of(2026, 11, 2), "200002", JournalCategory.UNAPPLIED_CASH, "2410", "0.00", "15.00"),
                tuple("SUSPENSE", "CHK-901", LocalDate.of(2026, 11, 2), "777777", JournalCategory.CASH, "1000", "25.00", "0.00"),
                tuple("SUSPENSE", "CHK-901", LocalDate.of(2026, 11, 2), "777777", JournalCategory.UNAPPLIED_CASH, "2410", "0.00", "25.00"),
                // assigned: out of unapplied cash into the account's receivable, the day it was assigned (no cash again)
                tuple("PAYMENT", "CSH-701", assignedOn, "200001", JournalCategory.UNAPPLIED_CASH, "2410", "40.00", "0.00"),
                tuple("PAYMENT", "CSH-701", assignedOn, "200001", JournalCategory.RECEIVABLE, "1200", "0.00", "40.00"),
                // returned while in suspense: the bank took back what unapplied cash held
                tuple("REVERSAL", "RET-801", LocalDate.of(2026, 11, 3), "200002", JournalCategory.UNAPPLIED_CASH, "2410", "15.00", "0.00"),
                tuple("REVERSAL", "RET-801", LocalDate.of(2026, 11, 3), "200002", JournalCategory.CASH, "1000", "0.00", "15.00"));
        // from the files: cash in 50.00 + 40.00 + 15.00 + 25.00 = 130.00, back 15.00: 115.00 in the bank
        assertThat(net(posted, JournalCategory.CASH)).isEqualByComparingTo("115.00");
        // unapplied: -40.00 - 15.00 - 25.00 + 40.00 + 15.00 = -25.00: CHK-901, still in suspense
        assertThat(net(posted, JournalCategory.UNAPPLIED_CASH)).isEqualByComparingTo("-25.00");
        assertThat((BigDecimal) suspense.open().get("amount")).isEqualByComparingTo("25.00");
        // receivables: -50.00 - 40.00 = -90.00, the two payments credited to customers
        assertThat(net(posted, JournalCategory.RECEIVABLE)).isEqualByComparingTo("-90.00");
        // debits 50 + 40 + 15 + 25 + 40 + 15 = 185.00 = credits
        assertThat(posted.debits().get("CAD")).isEqualByComparingTo("185.00");
        assertThat(posted.credits().get("CAD")).isEqualByComparingTo("185.00");

        // the file, written a page at a time, says the same and each entry balances
        JournalCsv csv = JournalCsv.read(journal.write(cycle, 0).file());
        assertThat(csv.rows()).hasSize(12);
        assertThat(csv.debitsTo("1000")).isEqualByComparingTo("115.00");
        assertThat(csv.creditsTo("2410")).isEqualByComparingTo("25.00");
        Map<String, BigDecimal> byEntry = new TreeMap<>();
        for (CSVRecord r : csv.rows()) {
            byEntry.merge(r.get("source_type") + " " + r.get("source_ref"),
                    new BigDecimal(r.get("debit")).subtract(new BigDecimal(r.get("credit"))), BigDecimal::add);
        }
        assertThat(byEntry).hasSize(6).allSatisfy((entry, difference) -> assertThat(difference).as(entry).isZero());
        assertThat(journal.post(cycle, 0)).isZero();
    }

    private static BigDecimal net(Journal journal, JournalCategory category) {
        return journal.lines().stream().filter(l -> l.category() == category).map(l -> l.amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
