package ca.isp.billing.jobs.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * A payment reference used again: the same payment (account, amount, date) is a duplicate, any
 * other content is rejected with its line rather than dropped as a duplicate. Two files in one
 * cycle on 2026-11-01: the first stores BNK-5001; the second repeats and reuses references.
 *
 * <pre>
 * line  ref       account  received    amount  outcome
 *  2    BNK-5001  200001   2026-10-15   30.00  duplicate (same as the first file)
 *  3    BNK-5001  200002   2026-10-15   30.00  rejected: other account
 *  4    BNK-5001  200001   2026-10-15   31.00  rejected: other amount
 *  5    BNK-5001  200001   2026-10-16   30.00  rejected: other date
 *  6    BNK-5002  200002   2026-10-16   40.00  stored
 *  7    BNK-5002  200002   2026-10-16   40.0   duplicate (40.0 = 40.00; the method does not count)
 *  8    BNK-5002  200003   2026-10-16   40.00  rejected: other account than line 6 of the same file
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentRefClashTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final String FIRST = "payments-clash-first.csv";
    private static final String SECOND = "payments-clash-second.csv";

    private Result exit;

    @BeforeAll
    void applyBothFiles() throws IOException {
        // given: the accounts and open invoices of PaymentApplicationTest, two payment files
        Fixtures.importAll(importer, "payments", Kind.ACCOUNTS, Kind.OPENING_BALANCES);
        Fixtures.drop("payments/" + FIRST, properties.inbox("payments"), FIRST);
        Fixtures.drop("payments/" + SECOND, properties.inbox("payments"), SECOND);

        // when
        exit = launcher.bill(CycleTestSupport.CYCLE).result();
    }

    @Test
    void countsAnIdenticalRepeatAsDuplicateAndADifferentOneAsRejected() {
        // then: second file, 7 lines = 1 stored + 2 duplicates + 4 rejected
        assertThat(exit).isEqualTo(Result.COMPLETED);
        Map<String, Object> file = jdbc.queryForMap("SELECT * FROM ingested_file WHERE file_name = ?", SECOND);
        assertThat(file.get("LINES_READ")).isEqualTo(7L);
        assertThat(file.get("RECORDS_STORED")).isEqualTo(1L);
        assertThat(file.get("DUPLICATES")).isEqualTo(2L);
        assertThat(file.get("REJECTED")).isEqualTo(4L);
    }

    @Test
    void rejectsEachReusedReferenceWithWhatItWasFirstUsedFor() throws IOException {
        // then
        List<CSVRecord> rejects = Fixtures.rejects(properties.rejects().resolve(SECOND + ".rejects.csv"));
        assertThat(rejects).extracting(r -> r.get("file"), r -> r.get("line"), r -> r.get("field"), r -> r.get("reason"),
                        r -> r.get("raw"))
                .containsExactly(
                        tuple(SECOND, "3", "payment_ref", "payment_ref 'BNK-5001' was already used for account 200001, 30.00 on 2026-10-15",
                                "BNK-5001,200002,2026-10-15,30.00,BANK"),
                        tuple(SECOND, "4", "payment_ref", "payment_ref 'BNK-5001' was already used for account 200001, 30.00 on 2026-10-15",
                                "BNK-5001,200001,2026-10-15,31.00,BANK"),
                        tuple(SECOND, "5", "payment_ref", "payment_ref 'BNK-5001' was already used for account 200001, 30.00 on 2026-10-15",
                                "BNK-5001,200001,2026-10-16,30.00,BANK"),
                        tuple(SECOND, "8", "payment_ref", "payment_ref 'BNK-5002' was already used for account 200002, 40.00 on 2026-10-16",
                                "BNK-5002,200003,2026-10-16,40.00,BANK"));
    }

    @Test
    void storesAndPostsEachReferenceOnceAsFirstSeen() {
        // then: 200001 paid 30.00 once, 200002 40.00 once, 200003 nothing
        assertThat(jdbc.queryForList("""
                SELECT p.payment_ref, a.account_number, p.amount FROM payment p JOIN account a ON a.id = p.account_id
                ORDER BY p.payment_ref"""))
                .extracting(p -> p.get("PAYMENT_REF"), p -> p.get("ACCOUNT_NUMBER"), p -> p.get("AMOUNT"))
                .containsExactly(tuple("BNK-5001", "200001", new BigDecimal("30.00")),
                        tuple("BNK-5002", "200002", new BigDecimal("40.00")));
        assertThat(count("SELECT COUNT(*) FROM account_ledger WHERE entry_type = 'PAYMENT'")).isEqualTo(2);
        // 80.00 + 4.99 - 30.00 = 54.99; 120.00 + 45.50 - 40.00 = 125.50; 30.00 untouched
        assertThat(jdbc.queryForList("""
                SELECT a.account_number, SUM(g.amount) AS balance FROM account_ledger g JOIN account a ON a.id = g.account_id
                GROUP BY a.account_number ORDER BY a.account_number"""))
                .extracting(b -> b.get("ACCOUNT_NUMBER"), b -> b.get("BALANCE"))
                .containsExactly(tuple("200001", new BigDecimal("54.99")), tuple("200002", new BigDecimal("125.50")),
                        tuple("200003", new BigDecimal("30.00")));
    }
}
