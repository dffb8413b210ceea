package ca.isp.billing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a bank deposit slip says about one deposit batch: how many payments, the total, the total
 * and count per method (cheque, cash, wire, card, pre-authorized debit, then "other" for a method
 * a first-format file wrote as free text), and the cheques one by one with their numbers. Every
 * total is a sum of amounts already in cents, so the slip adds up as the bank adds it.
 */
public final class DepositSlip {

    /** The name of the method total for payments whose method names no {@link PaymentMethod}. */
    public static final String OTHER = "OTHER";

    /** One payment of the batch; method is the text the file gave (may be null). */
    public record Item(String paymentRef, String method, String chequeNumber, BigDecimal amount) {

        public Item {
            Objects.requireNonNull(paymentRef, "paymentRef");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** The payments of one method: how many and their total. */
    public record MethodTotal(String method, int count, BigDecimal total) {
    }

    /** A cheque as the slip lists it: its number (the payment reference when the file gave none) and amount. */
    public record Cheque(String chequeNumber, String paymentRef, BigDecimal amount) {
    }

    private final String batch;
    private final List<Item> items;

    public DepositSlip(String batch, List<Item> items) {
        this.batch = Objects.requireNonNull(batch, "batch");
        this.items = List.copyOf(items);
    }

    public String batch() {
        return batch;
    }

    public int count() {
        return items.size();
    }

    public BigDecimal total() {
        return items.stream().map(i -> Money.round(i.amount())).reduce(Money.round(BigDecimal.ZERO), BigDecimal::add);
    }

    /** Per method in a fixed order (CHEQUE, CASH, WIRE, CARD, PAD, OTHER), only the methods present. */
    public List<MethodTotal> byMethod() {
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        for (PaymentMethod m : PaymentMethod.values()) {
            groups.put(m.name(), new ArrayList<>());
        }
        groups.put(OTHER, new ArrayList<>());
        for (Item i : items) {
            PaymentMethod m = PaymentMethod.of(i.method());
            groups.get(m == null ? OTHER : m.name()).add(i);
        }
        List<MethodTotal> totals = new ArrayList<>();
        groups.forEach((method, list) -> {
            if (!list.isEmpty()) {
                totals.add(new MethodTotal(method, list.size(), list.stream().map(i -> Money.round(i.amount()))
                        .reduce(Money.round(BigDecimal.ZERO), BigDecimal::add)));
            }
        });
        return totals;
    }

    /** The cheques of the batch, by cheque number (then reference). */
    public List<Cheque> cheques() {
        return items.stream().filter(i -> PaymentMethod.of(i.method()) == PaymentMethod.CHEQUE)
                .map(i -> new Cheque(i.chequeNumber() == null ? i.paymentRef() : i.chequeNumber(), i.paymentRef(),
                        Money.round(i.amount())))
                .sorted(Comparator.comparing(Cheque::chequeNumber).thenComparing(Cheque::paymentRef)).toList();
    }
}
