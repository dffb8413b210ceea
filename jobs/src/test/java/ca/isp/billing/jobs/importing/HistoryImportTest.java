package ca.isp.billing.jobs.importing;

import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Result;

/**
 * Subscriptions imported as they are now, with their history, and bill-day changes: the same
 * file twice changes nothing, a changed history replaces the stored one, and a bad row is
 * rejected with its field and reason while the others are imported.
 */
class HistoryImportTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final String HEADER = "subscription_id,account_number,plan_code,service_id,start_date,end_date,"
            + "quantity,plan_changes,quantity_changes,suspensions\n";

    @Test
    void aSubscriptionsHistoryImportsOnceAndIsReplacedWhenItChanges() throws IOException {
        importFile(importer, Kind.PLANS, "hand-worked/proration/plans.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/proration/accounts.csv");

        Path first = write("subscriptions-1.csv", HEADER
                + "S1,440001,NET60,h1,2026-01-01,,2,2026-03-21:Q180,2026-02-10:3,2026-05-01..2026-09-01\n"
                + "S2,440002,NET60,h2,2026-01-31,,,,,\n"
                // a plan change to a plan nobody imported
                + "S3,440003,NET60,h3,2026-03-05,,,2026-04-01:NOPE,,\n"
                // two suspensions at once
                + "S4,440004,NET60,h4,2026-01-01,,,,,2026-02-01..;2026-03-01..2026-04-01\n");
        Result imported = importer.importFile(Kind.SUBSCRIPTIONS, first);
        assertThat(imported.inserted()).isEqualTo(2);
        assertThat(imported.rejected()).isEqualTo(2);
        // (a row the format refuses is written when read, one with an unknown reference after)
        assertThat(rejects(imported)).containsExactlyInAnyOrder(
                "4,plan_changes,unknown plan 'NOPE' (import plans first)",
                "5,suspensions,subscription S4: suspensions overlap on 2026-03-01");
        assertThat(changes()).containsExactly(
                "S1 PLAN 2026-03-21 null Q180 null",
                "S1 QUANTITY 2026-02-10 null null 3",
                "S1 SUSPENSION 2026-05-01 2026-09-01 null null");
        assertThat(count("SELECT COUNT(*) FROM subscription WHERE subscription_id = 'S1' AND quantity = 2")).isEqualTo(1);

        // the same file again: nothing changes
        Result again = importer.importFile(Kind.SUBSCRIPTIONS, first);
        assertThat(again.inserted() + again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(changes()).hasSize(3);

        // the order system now says S1 came back on Aug 1, and S2 was suspended from Apr 1, not back yet
        Path second = write("subscriptions-2.csv", HEADER
                + "S1,440001,NET60,h1,2026-01-01,,2,2026-03-21:Q180,2026-02-10:3,2026-05-01..2026-08-01\n"
                + "S2,440002,NET60,h2,2026-01-31,,,,,2026-04-01..\n");
        Result changed = importer.importFile(Kind.SUBSCRIPTIONS, second);
        assertThat(changed.updated()).isEqualTo(2);
        assertThat(changes()).containsExactly(
                "S1 PLAN 2026-03-21 null Q180 null",
                "S1 QUANTITY 2026-02-10 null null 3",
                "S1 SUSPENSION 2026-05-01 2026-08-01 null null",
                "S2 SUSPENSION 2026-04-01 null null null");
        assertThat(importer.importFile(Kind.SUBSCRIPTIONS, second).unchanged()).isEqualTo(2);
    }

    @Test
    void aNewBillDayTakesEffectFromItsDate() throws IOException {
        importFile(importer, Kind.ACCOUNTS, "hand-worked/proration/accounts.csv");
        String header = Files.readAllLines(Fixtures.path("hand-worked/proration/accounts.csv")).get(0) + ",bill_day_from\n";
        String row = "440001,Cancelled March,RESIDENTIAL,en,a@example.com,EMAIL,1 King St,,Toronto,ON,M5H 1A1,CA,"
                + "1 King St,Toronto,,ON,M5H 1A1,CA,2026-03-01,";

        // a new day without its date is refused
        Result refused = importer.importFile(Kind.ACCOUNTS, write("accounts-1.csv", header + row + "15,\n"));
        assertThat(rejects(refused)).containsExactly(
                "2,bill_day_from,required to change the bill day from 1 to 15: the date the new bill day takes effect");

        Path file = write("accounts-2.csv", header + row + "15,2026-04-01\n");
        assertThat(importer.importFile(Kind.ACCOUNTS, file).updated()).isEqualTo(1);
        assertThat(jdbc.queryForList("""
                SELECT CONCAT(c.effective_from, ' ', c.bill_day) FROM account_bill_day_change c
                JOIN account a ON a.id = c.account_id WHERE a.account_number = '440001'""", String.class))
                .containsExactly("2026-04-01 15");
        // the account's first day stays: the change is kept beside it
        assertThat(count("SELECT COUNT(*) FROM account WHERE account_number = '440001' AND bill_day = 1")).isEqualTo(1);
        Result again = importer.importFile(Kind.ACCOUNTS, file);
        assertThat(again.updated() + again.inserted()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
    }

    private Path write(String name, String content) throws IOException {
        Path file = HOME.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    /** line,field,reason of each reject. */
    private static List<String> rejects(Result result) throws IOException {
        return Files.readAllLines(result.rejectFile()).stream().skip(1)
                .map(line -> {
                    String[] fields = line.split(",", 4);
                    String reason = fields[3].startsWith("\"") ? fields[3].substring(1, fields[3].indexOf('"', 1))
                            : fields[3].substring(0, fields[3].indexOf(','));
                    return fields[1] + "," + fields[2] + "," + reason;
                }).toList();
    }

    private List<String> changes() {
        return jdbc.queryForList("""
                SELECT CONCAT(s.subscription_id, ' ', c.change_type, ' ', c.effective_from, ' ',
                    COALESCE(CAST(c.until_date AS VARCHAR(10)), 'null'), ' ', COALESCE(c.plan_code, 'null'), ' ',
                    COALESCE(CAST(c.quantity AS VARCHAR(10)), 'null'))
                FROM subscription_change c JOIN subscription s ON s.id = c.subscription_id
                ORDER BY s.subscription_id, c.change_type, c.effective_from""", String.class);
    }
}
