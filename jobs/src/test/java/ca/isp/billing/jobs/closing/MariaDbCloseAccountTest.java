package ca.isp.billing.jobs.closing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ca.isp.billing.domain.FinalSettlement.Choice;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.BillingRun;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.MariaDbSchema;
import ca.isp.billing.jobs.cycle.CloseAccountLauncher;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.review.ReviewDesk;

/**
 * close-account on MariaDB (V33 as MySQL makes it, the closure and settlement SQL): the final bill
 * and refund of CloseAccountTest, once, and the next cycle bills nothing for the closed account.
 * Same server and skip rule as {@link ca.isp.billing.jobs.cycle.MariaDbCycleTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbCloseAccountTest {

    private MariaDbSchema schema;

    @BeforeAll
    void createSchema() {
        schema = MariaDbSchema.create("billing_closing", getClass());
    }

    @AfterAll
    void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void theFinalBillAndItsRefundOnceThenNothingMore() throws Exception {
        Path home = Files.createTempDirectory("billing-mariadb-closing-");
        try (BillingRun maria = BillingRun.start(home, schema.url(), schema.user, schema.password)) {
            ReferenceDataImporter importer = maria.bean(ReferenceDataImporter.class);
            BillingProperties properties = maria.bean(BillingProperties.class);
            Fixtures.importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
            Fixtures.importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
            Fixtures.importFile(importer, Kind.ACCOUNTS, "hand-worked/closing/accounts.csv");
            Fixtures.importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/closing/subscriptions.csv");
            CycleLauncher cycles = maria.bean(CycleLauncher.class);
            assertThat(cycles.bill(LocalDate.of(2026, 10, 1)).result()).isEqualTo(Result.COMPLETED);
            Fixtures.drop("hand-worked/closing/usage-2026-11.csv", properties.inbox("usage"));
            Fixtures.drop("hand-worked/closing/payments-2026-10-15.csv", properties.inbox("payments"));
            assertThat(cycles.bill(LocalDate.of(2026, 11, 1)).result()).isEqualTo(Result.COMPLETED);
            Fixtures.drop("hand-worked/closing/payments-2026-11-05.csv", properties.inbox("payments"));
            assertThat(maria.bean(CollectionsLauncher.class).collect(LocalDate.of(2026, 11, 5)).result())
                    .isEqualTo(Result.COMPLETED);

            CloseAccountLauncher closing = maria.bean(CloseAccountLauncher.class);
            LocalDate lastDay = LocalDate.of(2026, 11, 15);
            assertThat(closing.close("470001", lastDay, Choice.REFUND, "ana").result()).isEqualTo(Result.COMPLETED);
            String number = maria.jdbc().queryForObject("SELECT invoice_number FROM invoice WHERE source = 'FINAL'",
                    String.class);
            maria.bean(ReviewDesk.class).release(LocalDate.of(2026, 11, 20), List.of(number), "ana");
            assertThat(closing.close("470001", lastDay, Choice.REFUND, "ana").result()).isEqualTo(Result.COMPLETED);
            assertThat(closing.close("470001", lastDay, Choice.REFUND, "ana").result()).isEqualTo(Result.COMPLETED);

            // as CloseAccountTest: -25.00 - 45.00 + 6.00 = -64.00, HST -8.32, total -72.32; refund 20.00 + 72.32
            assertThat(maria.jdbc().queryForObject("SELECT total FROM invoice WHERE source = 'FINAL'", BigDecimal.class))
                    .isEqualByComparingTo("-72.32");
            assertThat(maria.jdbc().queryForObject("SELECT amount FROM refund", BigDecimal.class))
                    .isEqualByComparingTo("92.32");
            assertThat(Fixtures.balance(maria.jdbc(), "470001")).isEqualByComparingTo("0.00");
            assertThat(maria.jdbc().queryForObject("SELECT COUNT(*) FROM invoice WHERE source = 'FINAL'", Long.class))
                    .isEqualTo(1L);
            assertThat(cycles.bill(LocalDate.of(2026, 12, 1)).result()).isEqualTo(Result.COMPLETED);
            assertThat(maria.jdbc().queryForObject("""
                    SELECT COUNT(*) FROM invoice i JOIN account a ON a.id = i.account_id
                    WHERE a.account_number = '470001' AND i.cycle_date = '2026-12-01'""", Long.class)).isZero();
            // the 12-01 cycle is the first run after the closure: its disconnection list names 470001, once
            // (Nov 15 last day -> effective Nov 16); collections 12-02's list is empty
            assertThat(Files.readString(home.resolve("out/provisioning/2026-12-01/disconnections.csv")))
                    .contains("470001,leavem|leaveq,DISCONNECT,\"account closed, last day of service 2026-11-15\",2026-11-16");
            // money after the closure was settled (V38's refund numbering as MySQL makes it): PAY-9 15.00
            // stays a credit, close-account again refunds it as RF-470001-2, balance -15.00 + 15.00 = 0.00
            Files.writeString(properties.inbox("payments").resolve("payments-2026-12-02.csv"), """
                    payment_ref,account_number,received_on,amount,method
                    PAY-9,470001,2026-11-20,15.00,BANK
                    """);
            assertThat(maria.bean(CollectionsLauncher.class).collect(LocalDate.of(2026, 12, 2)).result())
                    .isEqualTo(Result.COMPLETED);
            assertThat(Files.readString(home.resolve("out/provisioning/2026-12-02/disconnections.csv")))
                    .doesNotContain("470001");
            assertThat(closing.close("470001", lastDay, Choice.REFUND, "ana").result()).isEqualTo(Result.COMPLETED);
            assertThat(closing.close("470001", lastDay, Choice.REFUND, "ana").result()).isEqualTo(Result.COMPLETED);
            assertThat(maria.jdbc().queryForList("SELECT CONCAT(reference, ' ', amount) FROM refund ORDER BY id",
                    String.class)).containsExactly("RF-470001 92.32", "RF-470001-2 15.00");
            assertThat(Fixtures.balance(maria.jdbc(), "470001")).isEqualByComparingTo("0.00");
        }
    }
}
