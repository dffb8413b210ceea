package ca.isp.billing.jobs.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * A payment made before there is anything to pay stays on the account as a credit; the next
 * invoices must be treated as paid by it, not charged late fees.
 */
class PaymentCreditTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    private static final LocalDate OCTOBER = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);
    private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);

    @Test
    void creditPaysTheNextInvoiceSoNoLateFeeIsCharged() throws IOException {
        // given: account 300001 (FIBRE-100, 60.00 a month, QC), first billed on 2026-11-01,
        // pays 100.00 in September: applied in the October cycle, with no invoice open -> 100.00 credit
        Fixtures.importAll(importer, "reference", Kind.PLANS, Kind.TAX_RATES);
        Fixtures.importAll(importer, "credit", Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
        Fixtures.drop("credit/payments-2026-09-30.csv", properties.inbox("payments"), "payments-2026-09-30.csv");
        assertThat(launcher.bill(OCTOBER).result()).isEqualTo(Result.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT unapplied FROM payment", BigDecimal.class)).isEqualByComparingTo("100.00");

        // when: November is billed, 60.00 + GST 3.00 + QST 5.99 (60.00 x 9.975% = 5.985) = 68.99,
        // amount due -100.00 + 68.99 = -31.01; then December is billed and late fees assessed
        assertThat(launcher.bill(NOVEMBER).result()).isEqualTo(Result.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT amount_due FROM invoice WHERE cycle_date = ?", BigDecimal.class, NOVEMBER))
                .isEqualByComparingTo("-31.01");
        // and the credit paid it: 100.00 - 68.99 = 31.01 of the credit is left
        assertThat(jdbc.queryForObject("SELECT amount_paid FROM invoice WHERE cycle_date = ?", BigDecimal.class, NOVEMBER))
                .isEqualByComparingTo("68.99");
        assertThat(jdbc.queryForObject("SELECT unapplied FROM payment", BigDecimal.class)).isEqualByComparingTo("31.01");

        assertThat(launcher.bill(DECEMBER).result()).isEqualTo(Result.COMPLETED);

        // then: the November invoice (due 2026-11-22) was paid by the credit: no late fee on 2026-12-01
        // (11-22 + 5 grace days = 11-27 has passed); the December invoice, 68.99 again, takes the
        // remaining 31.01 of the credit and 68.99 - 31.01 = 37.98 stays open; amount due
        // -31.01 + 68.99 = 37.98
        assertThat(count("SELECT COUNT(*) FROM late_fee")).isZero();
        assertThat(jdbc.queryForObject("SELECT amount_paid FROM invoice WHERE cycle_date = ?", BigDecimal.class, DECEMBER))
                .isEqualByComparingTo("31.01");
        assertThat(jdbc.queryForObject("SELECT amount_due FROM invoice WHERE cycle_date = ?", BigDecimal.class, DECEMBER))
                .isEqualByComparingTo("37.98");
        assertThat(jdbc.queryForObject("SELECT unapplied FROM payment", BigDecimal.class)).isEqualByComparingTo("0.00");
        // one allocation per invoice the credit paid
        assertThat(count("SELECT COUNT(*) FROM payment_allocation")).isEqualTo(2);
    }
}
