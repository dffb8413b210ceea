package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentAllocatorTest {

    // Given newest first, to show the allocator sorts for itself. Oldest to newest: 1, 3, 2 (3 and 2 tie
    // on due date; invoice number 100042-20261001 sorts before 100042-20261015-B).
    private static final List<OpenInvoice> OPEN = List.of(
            new OpenInvoice(2, "100042-20261015-B", LocalDate.parse("2026-11-05"), new BigDecimal("60.00")),
            new OpenInvoice(3, "100042-20261001", LocalDate.parse("2026-11-05"), new BigDecimal("25.00")),
            new OpenInvoice(1, "100042-20260901", LocalDate.parse("2026-09-22"), new BigDecimal("80.00")));

    private final PaymentAllocator allocator = new PaymentAllocator();

    @ParameterizedTest(name = "pay {0}")
    @CsvSource({
            // payment, to #1, to #3, to #2, unapplied
            "50.00,  50.00,  0,     0,     0.00",   // all to the oldest
            "80.00,  80.00,  0,     0,     0.00",   // pays the oldest exactly
            "100.00, 80.00,  20.00, 0,     0.00",   // 100.00 - 80.00 = 20.00 left for #3
            "165.00, 80.00,  25.00, 60.00, 0.00",   // 80.00 + 25.00 + 60.00 = 165.00 owed in all
            "200.00, 80.00,  25.00, 60.00, 35.00",  // 200.00 - 165.00 = 35.00 credit
            "0.01,   0.01,   0,     0,     0.00"})
    void paysTheOldestFirst(BigDecimal payment, BigDecimal first, BigDecimal second, BigDecimal third,
                            BigDecimal unapplied) {
        AllocationResult result = allocator.allocate(payment, OPEN);

        assertThat(result.unapplied()).isEqualTo(unapplied);
        assertThat(allocatedTo(result, 1)).isEqualByComparingTo(first);
        assertThat(allocatedTo(result, 3)).isEqualByComparingTo(second);
        assertThat(allocatedTo(result, 2)).isEqualByComparingTo(third);
        assertThat(result.allocations()).allSatisfy(a -> assertThat(a.amount().signum()).isPositive());
    }

    @Test
    void allocationsAreListedOldestFirst() {
        AllocationResult result = allocator.allocate(new BigDecimal("200.00"), OPEN);

        assertThat(result.allocations()).containsExactly(
                new Allocation(1, new BigDecimal("80.00")),
                new Allocation(3, new BigDecimal("25.00")),
                new Allocation(2, new BigDecimal("60.00")));
    }

    @Test
    void withNothingOpenThePaymentIsACredit() {
        AllocationResult result = allocator.allocate(new BigDecimal("42"), List.of());

        assertThat(result.allocations()).isEmpty();
        assertThat(result.unapplied()).isEqualTo(new BigDecimal("42.00"));
    }

    @Test
    void invoicesWithNothingOpenAreSkipped() {
        List<OpenInvoice> open = List.of(
                new OpenInvoice(7, "A", LocalDate.parse("2026-08-01"), new BigDecimal("0.00")),
                new OpenInvoice(8, "B", LocalDate.parse("2026-09-01"), new BigDecimal("30.00")));

        AllocationResult result = allocator.allocate(new BigDecimal("10.00"), open);

        assertThat(result.allocations()).containsExactly(new Allocation(8, new BigDecimal("10.00")));
    }

    @Test
    void paymentMustBePositive() {
        assertThatThrownBy(() -> allocator.allocate(BigDecimal.ZERO, OPEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("payment must be more than 0: 0");
        assertThatThrownBy(() -> allocator.allocate(new BigDecimal("-10.00"), OPEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BigDecimal allocatedTo(AllocationResult result, long invoiceId) {
        return result.allocations().stream()
                .filter(a -> a.invoiceId() == invoiceId)
                .map(Allocation::amount)
                .findFirst().orElse(BigDecimal.ZERO);
    }

    @ParameterizedTest(name = "pay {0} naming invoice 2")
    @CsvSource({
            // payment, to #1, to #3, to #2, unapplied: invoice #2 (the newest) first, then oldest first
            "50.00,  0,      0,     50.00, 0.00",   // all to the named invoice, though #1 is older
            "60.00,  0,      0,     60.00, 0.00",   // pays it exactly
            "100.00, 40.00,  0,     60.00, 0.00",   // 100.00 - 60.00 = 40.00 to the oldest, #1
            "200.00, 80.00,  25.00, 60.00, 35.00"}) // 60.00 + 80.00 + 25.00 = 165.00; 200.00 - 165.00 = 35.00 credit
    void paysTheNamedInvoiceFirst(BigDecimal payment, BigDecimal first, BigDecimal second, BigDecimal third,
                                  BigDecimal unapplied) {
        AllocationResult result = allocator.allocate(payment, OPEN, 2L);

        assertThat(result.unapplied()).isEqualTo(unapplied);
        assertThat(allocatedTo(result, 1)).isEqualByComparingTo(first);
        assertThat(allocatedTo(result, 3)).isEqualByComparingTo(second);
        assertThat(allocatedTo(result, 2)).isEqualByComparingTo(third);
    }

    @Test
    void aNamedInvoiceNotOpenTakesNothing() {
        // invoice 9 is not among the open ones (paid already): 50.00 goes oldest first, to #1
        AllocationResult result = allocator.allocate(new BigDecimal("50.00"), OPEN, 9L);
        assertThat(allocatedTo(result, 1)).isEqualByComparingTo("50.00");
    }
}
