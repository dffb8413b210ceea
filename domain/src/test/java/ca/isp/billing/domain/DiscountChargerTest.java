package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Discounts and contract prices, case by case, each amount worked by hand in its comment. Bill day
 * 1, actual days: March has 31 days, April 30, the quarter Mar 1 - May 31 has 92.
 */
class DiscountChargerTest {

    private static final PlanTerm FIBRE = new PlanTerm("F500", "Fibre 500", "Fibre 500 rés.", new BigDecimal("50.00"), 1,
            false);
    private static final PlanTerm FASTER = new PlanTerm("F1000", "Fibre 1000", "Fibre 1000 rés.",
            new BigDecimal("80.00"), 1, false);
    private static final PlanTerm IP = new PlanTerm("IP", "Static address", "Adresse fixe", new BigDecimal("5.00"), 1,
            false);
    private static final PlanTerm QUARTER = new PlanTerm("Q180", "Fibre Quarterly", "Fibre trimestriel",
            new BigDecimal("180.00"), 3, false);
    private static final Map<String, PlanTerm> PLANS = Map.of(FIBRE.code(), FIBRE, FASTER.code(), FASTER, IP.code(), IP,
            QUARTER.code(), QUARTER);
    private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);
    private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);

    private final RecurringCharger charger = new RecurringCharger(PLANS, ProrationSettings.prorateEverything());

    /** What the account has billed so far, plans and discounts, as the charge step stores it. */
    private final List<BilledItem> billed = new ArrayList<>();
    private final List<DiscountItem> discountsBilled = new ArrayList<>();
    private final List<PriceOverride> overrides = new ArrayList<>();

    @Test
    void percentOffAWholeMonth() {
        // 10% of 50.00 for all 31 days of March: 50.00 x 10 x 31 / (100 x 31) = 5.00
        RecurringCharges march = bill(MAR_1, List.of(fibre()), percent("D1", null, "10", MAR_1, null));

        assertThat(march.invoiceLines()).extracting(InvoiceLine::amount).containsExactly(new BigDecimal("50.00"));
        DiscountLine line = march.discountLines().get(0);
        assertThat(line.line().type()).isEqualTo(LineType.DISCOUNT);
        assertThat(line.line().amount()).isEqualTo("-5.00");
        assertThat(line.line().description()).isEqualTo("10% off Fibre 500, 1-31 March");
        assertThat(line.line().reason()).isEqualTo("Discount D1 on plan F500 for 2026-03-01..2026-03-31 of term "
                + "2026-03-01..2026-03-31: 50.00 x 10% x 31 / 31 = 5.00");
        assertThat(line.line().lineKey()).isEqualTo("DISCOUNT:D1:S1:F500:2026-03-01:2026-04-01");
        assertThat(line.line().periodStart()).isEqualTo("2026-03-01");
        assertThat(line.line().periodEnd()).isEqualTo("2026-03-31");
        assertThat(line.line().type().isTaxable()).isTrue();
        assertThat(line.item()).isEqualTo(new DiscountItem("D1", "S1", "F500", new Term(MAR_1, APR_1),
                new BigDecimal("-5.00")));
    }

    @Test
    void fixedAmountOffAWholeMonth() {
        // 5.00 a term, all 31 days: min(5.00 x 31, 50.00 x 31) / 31 = 5.00
        RecurringCharges march = bill(MAR_1, List.of(fibre()), fixed("D2", "S1", "5.00", MAR_1, null));

        assertThat(discounts(march)).containsExactly("-5.00 5.00 off Fibre 500, 1-31 March");
    }

    @Test
    void aFixedAmountNeverExceedsTheLineItDiscounts() {
        // 80.00 off a 50.00 plan: min(80.00 x 31, 50.00 x 31) / 31 = 50.00, not 80.00
        RecurringCharges march = bill(MAR_1, List.of(fibre()), fixed("D3", "S1", "80.00", MAR_1, null));
        assertThat(discounts(march)).containsExactly("-50.00 80.00 off Fibre 500, 1-31 March");

        billed.clear();
        discountsBilled.clear();
        // and on a stub: started Mar 22, 10 of 31 days: plan 50.00 x 10 / 31 = 16.129 -> 16.13;
        // discount min(80.00 x 10, 50.00 x 10) / 31 = 16.13: the line to the cent, never more
        RecurringCharges stub = bill(MAR_1.plusDays(21), List.of(SubscriptionHistory.starting("S2",
                LocalDate.of(2026, 3, 22), "F500")), fixed("D3", "S2", "80.00", MAR_1, null));
        assertThat(stub.invoiceLines()).extracting(InvoiceLine::amount).containsExactly(new BigDecimal("16.13"));
        assertThat(discounts(stub)).containsExactly("-16.13 80.00 off Fibre 500, 22-31 March");
    }

    @Test
    void aDiscountStartingMidMonthIsProratedByTheDaysOfThePlanLine() {
        // from Mar 11: 21 of 31 days: 50.00 x 10 x 21 / 3100 = 3.387 -> 3.39
        RecurringCharges march = bill(MAR_1, List.of(fibre()), percent("D4", "S1", "10", LocalDate.of(2026, 3, 11), null));

        assertThat(discounts(march)).containsExactly("-3.39 10% off Fibre 500, 11-31 March");
        // April, whole: 5.00
        assertThat(discounts(bill(APR_1, List.of(fibre()), percent("D4", "S1", "10", LocalDate.of(2026, 3, 11), null))))
                .containsExactly("-5.00 10% off Fibre 500, 1-30 April");
    }

    @Test
    void aDiscountEndingMidMonthIsProratedToo() {
        // 5.00 a term, ending with Mar 20 (until Mar 21): 20 of 31 days: 5.00 x 20 / 31 = 3.2258 -> 3.23;
        // April: none
        Discount until20 = fixed("D5", "S1", "5.00", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 21));
        assertThat(discounts(bill(MAR_1, List.of(fibre()), until20))).containsExactly("-3.23 5.00 off Fibre 500, 1-20 March");
        assertThat(discounts(bill(APR_1, List.of(fibre()), until20))).isEmpty();
    }

    @Test
    void aPlanChangeAfterBillingMovesTheDiscountToTheNewPlanDayForDay() {
        // March billed: Fibre 500 50.00, 10% -5.00
        Discount tenPercent = percent("D6", "S1", "10", MAR_1, null);
        bill(MAR_1, List.of(fibre()), tenPercent);

        // Fibre 1000 (80.00) from Mar 21, learnt in April:
        // Fibre 500 owes 50.00 x 20 / 31 = 32.258 -> 32.26: credit -17.74; its discount owes
        // 50.00 x 10 x 20 / 3100 = 3.2258 -> -3.23, took -5.00: gives back +1.77;
        // Fibre 1000 stub 80.00 x 11 / 31 = 28.387 -> 28.39, its discount 80.00 x 10 x 11 / 3100 = 2.8387 -> -2.84;
        // April: Fibre 1000 80.00, discount -8.00
        RecurringCharges april = bill(APR_1, List.of(fibre().planFrom(LocalDate.of(2026, 3, 21), "F1000")), tenPercent);

        assertThat(amounts(april)).containsExactly("CREDIT -17.74", "RECURRING 28.39", "RECURRING 80.00");
        assertThat(discounts(april)).containsExactly(
                "1.77 10% off Fibre 500, 1-20 March (adjusted to the service as it is now)",
                "-2.84 10% off Fibre 1000, 21-31 March",
                "-8.00 10% off Fibre 1000, 1-30 April");
        // net for March: 32.26 + 28.39 - 3.23 - 2.84 = 54.58, what the final history billed at once gives
        assertThat(netFor(MAR_1)).isEqualByComparingTo("54.58");
        assertThat(netFor(MAR_1)).isEqualByComparingTo(finalHistoryNet(
                List.of(fibre().planFrom(LocalDate.of(2026, 3, 21), "F1000")), tenPercent));
    }

    @Test
    void aCancellationAfterBillingGivesBackTheDiscountOfTheDaysCredited() {
        // March billed 50.00 - 5.00; cancelled from Mar 21: plan owes 32.26 (credit -17.74),
        // discount owes -3.23 (gives back 1.77); net 32.26 - 3.23 = 29.03
        Discount tenPercent = percent("D7", null, "10", MAR_1, null);
        bill(MAR_1, List.of(fibre()), tenPercent);
        RecurringCharges april = bill(APR_1, List.of(fibre().cancelledFrom(LocalDate.of(2026, 3, 21))), tenPercent);

        assertThat(amounts(april)).containsExactly("CREDIT -17.74");
        assertThat(discounts(april)).containsExactly("1.77 10% off Fibre 500, 1-20 March (adjusted to the service as it is now)");
        assertThat(netFor(MAR_1)).isEqualByComparingTo("29.03");
        // and again: nothing more
        assertThat(bill(APR_1, List.of(fibre().cancelledFrom(LocalDate.of(2026, 3, 21))), tenPercent).discountLines())
                .isEmpty();
    }

    @Test
    void aCancellationFromTheStartGivesTheWholeDiscountBack() {
        // 50.00 - 5.00 billed; cancelled from Mar 1: -50.00 and +5.00, net 0
        Discount tenPercent = percent("D8", "S1", "10", MAR_1, null);
        bill(MAR_1, List.of(fibre()), tenPercent);
        RecurringCharges april = bill(APR_1, List.of(fibre().cancelledFrom(MAR_1)), tenPercent);

        assertThat(amounts(april)).containsExactly("CREDIT -50.00");
        assertThat(april.discountLines()).extracting(line -> line.line().amount()).containsExactly(new BigDecimal("5.00"));
        assertThat(netFor(MAR_1)).isEqualByComparingTo("0.00");
    }

    @Test
    void anAccountDiscountTakesItsShareOfEverySubscription() {
        // 10% of Fibre 500 (5.00) and of 2 static addresses (2 x 5.00 = 10.00 -> 1.00)
        SubscriptionHistory ips = SubscriptionHistory.starting("S9", MAR_1, "IP").quantityFrom(MAR_1, 2);
        RecurringCharges march = bill(MAR_1, List.of(fibre(), ips), percent("D9", null, "10", MAR_1, null));

        assertThat(discounts(march)).containsExactly("-5.00 10% off Fibre 500, 1-31 March",
                "-1.00 10% off Static address, 1-31 March");
    }

    @Test
    void aFixedAmountIsPerTermNotPerUnitAndCappedByTheUnits() {
        // 2 addresses at 5.00 = 10.00: 3.00 off the term: min(3.00 x 31, 5.00 x 62) / 31 = 3.00
        SubscriptionHistory ips = SubscriptionHistory.starting("S9", MAR_1, "IP").quantityFrom(MAR_1, 2);
        assertThat(discounts(bill(MAR_1, List.of(ips), fixed("D10", "S9", "3.00", MAR_1, null))))
                .containsExactly("-3.00 3.00 off Static address, 1-31 March");
        // 12.00 off: capped at the 10.00 the line bills: min(12.00 x 31, 5.00 x 62) / 31 = 10.00
        billed.clear();
        discountsBilled.clear();
        assertThat(discounts(bill(MAR_1, List.of(ips), fixed("D11", "S9", "12.00", MAR_1, null))))
                .containsExactly("-10.00 12.00 off Static address, 1-31 March");
    }

    @Test
    void suspendedDaysAreNotDiscountedAsTheyAreNotBilled() {
        // suspended Mar 11 - Mar 20 (back Mar 21): 21 of 31 days billed, 50.00 x 21 / 31 = 33.87;
        // 10%: 50.00 x 10 x 21 / 3100 = 3.387 -> 3.39, over Mar 1 - Mar 31 (the days around the hold)
        RecurringCharges march = bill(MAR_1, List.of(fibre().suspended(LocalDate.of(2026, 3, 11),
                LocalDate.of(2026, 3, 21))), percent("D12", "S1", "10", MAR_1, null));

        assertThat(amounts(march)).containsExactly("RECURRING 33.87");
        assertThat(march.discountLines().get(0).line().amount()).isEqualTo("-3.39");
    }

    @Test
    void aQuarterIsDiscountedOnItsOwnDays() {
        // 180.00 for Mar 1 - May 31 (92 days); 30.00 a term until Apr 1: 31 of 92 days:
        // 30.00 x 31 / 92 = 10.108 -> 10.11
        SubscriptionHistory quarterly = SubscriptionHistory.starting("S1", MAR_1, "Q180");
        RecurringCharges march = bill(MAR_1, List.of(quarterly), fixed("D13", "S1", "30.00", MAR_1, APR_1));

        assertThat(amounts(march)).containsExactly("RECURRING 180.00");
        assertThat(discounts(march)).containsExactly("-10.11 30.00 off Fibre Quarterly, 1-31 March");
    }

    @Test
    void aDiscountLearntAfterBillingIsTakenOffTheTermsAlreadyBilled() {
        // March billed at 50.00 with no discount; a 20% discount from Mar 1 imported in March:
        // April's invoice takes March's 10.00 off (50.00 x 20 x 31 / 3100) and April's 10.00
        bill(MAR_1, List.of(fibre()));
        RecurringCharges april = bill(APR_1, List.of(fibre()), percent("D14", "S1", "20", MAR_1, null));

        assertThat(discounts(april)).containsExactly("-10.00 20% off Fibre 500, 1-31 March",
                "-10.00 20% off Fibre 500, 1-30 April");
    }

    @Test
    void anEndDateSetAfterBillingGivesBackTheDaysNoLongerDiscounted() {
        // April billed 50.00 - 5.00; then the discount ends with Apr 15 (until Apr 16): owes
        // 50.00 x 10 x 15 / 3000 = 2.50: gives back 2.50 on May's invoice; May not discounted
        bill(MAR_1, List.of(fibre()), percent("D15", "S1", "10", MAR_1, null));
        bill(APR_1, List.of(fibre()), percent("D15", "S1", "10", MAR_1, null));
        RecurringCharges may = bill(MAY_1, List.of(fibre()), percent("D15", "S1", "10", MAR_1, LocalDate.of(2026, 4, 16)));

        assertThat(discounts(may)).containsExactly("2.50 10% off Fibre 500, 1-15 April (adjusted to the service as it is now)");
    }

    @Test
    void aDiscountMovedToAnotherSubscriptionIsGivenBackWhereItWas() {
        // 10% on S1 billed -5.00 for March; the discount now names S9 (the static address, 5.00):
        // S1's -5.00 comes back, S9's March: 5.00 x 10 x 31 / 3100 = 0.50
        SubscriptionHistory ip = SubscriptionHistory.starting("S9", MAR_1, "IP");
        bill(MAR_1, List.of(fibre(), ip), percent("D16", "S1", "10", MAR_1, null));
        RecurringCharges april = bill(APR_1, List.of(fibre(), ip), percent("D16", "S9", "10", MAR_1, null));

        assertThat(april.discountLines()).extracting(line -> line.line().amount() + " " + line.item().subscriptionId()
                + " " + line.item().term().start()).containsExactly("5.00 S1 2026-03-01", "-0.50 S9 2026-03-01",
                "-0.50 S9 2026-04-01");
    }

    @Test
    void aContractPriceReplacesThePlanPriceFromItsDayAndIsDiscountedAsIs() {
        // contract price 45.00 from Apr 1: March 50.00, April 45.00 "(contract price)"; 10% of 45.00 = 4.50
        overrides.add(new PriceOverride("S1", "F500", APR_1, new BigDecimal("45.00")));
        CommercialTerms terms = new CommercialTerms(overrides, List.of(percent("D17", "S1", "10", APR_1, null)),
                List.of());
        RecurringCharges march = bill(MAR_1, List.of(fibre()), percent("D17", "S1", "10", APR_1, null));
        RecurringCharges april = bill(APR_1, List.of(fibre()), percent("D17", "S1", "10", APR_1, null));

        assertThat(march.invoiceLines()).extracting(l -> l.amount() + " " + l.description())
                .containsExactly("50.00 Fibre 500");
        assertThat(april.invoiceLines()).extracting(l -> l.amount() + " " + l.description())
                .containsExactly("45.00 Fibre 500 (contract price)");
        assertThat(discounts(april)).containsExactly("-4.50 10% off Fibre 500, 1-30 April");
        billed.clear();
        assertThat(charge(APR_1, List.of(SubscriptionHistory.starting("S1", APR_1, "F500")), terms, Language.FR)
                .invoiceLines().get(0).description()).isEqualTo("Fibre 500 rés. (prix contractuel)");
    }

    @Test
    void aContractPriceStartingMidTermProratesTheStubAtThatPrice() {
        // plan changed to F1000 from Mar 21 with a contract price of 60.00 for it from Mar 21:
        // Fibre 500 50.00 x 20 / 31 = 32.258 -> 32.26; stub 60.00 x 11 / 31 = 21.290 -> 21.29 at the contract
        // price (billed by a cycle on Mar 21, once both are served)
        SubscriptionHistory upgraded = fibre().planFrom(LocalDate.of(2026, 3, 21), "F1000");
        CommercialTerms terms = new CommercialTerms(List.of(new PriceOverride("S1", "F1000", LocalDate.of(2026, 3, 21),
                new BigDecimal("60.00"))), List.of(), List.of());
        RecurringCharges march = charge(LocalDate.of(2026, 3, 21), List.of(upgraded), terms, Language.EN);

        assertThat(march.invoiceLines()).extracting(l -> l.amount() + " " + l.description()).containsExactly(
                "32.26 Fibre 500 (prorated, 20 of 31 days)",
                "21.29 Fibre 1000 (contract price) (prorated, 11 of 31 days)");
    }

    @Test
    void inFrenchTheDiscountSaysRabais() {
        RecurringCharges march = charge(MAR_1, List.of(fibre()), new CommercialTerms(List.of(),
                List.of(percent("D18", "S1", "12.5", MAR_1, null)), List.of()), Language.FR);
        // 50.00 x 12.5 x 31 / 3100 = 6.25
        assertThat(march.discountLines().get(0).line().description()).isEqualTo("Rabais de 12,5 % sur Fibre 500 rés., 1er-31 mars");
        assertThat(march.discountLines().get(0).line().amount()).isEqualTo("-6.25");
    }

    @Test
    void aDiscountLineIsTaxedInThePlansClass() {
        // the key names the subscription, so the line takes its plan's class: a US Internet plan's
        // discount is exempt as the plan is (ITFA), never lowering another class's base
        InvoiceLine line = bill(MAR_1, List.of(fibre()), percent("D19", "S1", "10", MAR_1, null)).discountLines().get(0)
                .line();
        assertThat(LineTaxClasses.classOf(line, Map.of("S1", TaxClass.INTERNET_ACCESS)))
                .isEqualTo(TaxClass.INTERNET_ACCESS);
    }

    @Test
    void badDiscountsAreRefused() {
        assertThatThrownBy(() -> percent("D", null, "120", MAR_1, null)).hasMessageContaining("at most 100");
        assertThatThrownBy(() -> fixed("D", null, "0.00", MAR_1, null)).hasMessageContaining("> 0");
        assertThatThrownBy(() -> fixed("D", null, "5.00", APR_1, MAR_1)).hasMessageContaining("not after its start");
        assertThatThrownBy(() -> fixed("D-TOO-LONG-REFERENCE", null, "5.00", MAR_1, null)).hasMessageContaining("1 to 16");
    }

    @Test
    void wordsOfPeriods() {
        assertThat(DiscountCharger.days(MAR_1, LocalDate.of(2026, 5, 31), Language.EN)).isEqualTo("1 March - 31 May");
        assertThat(DiscountCharger.days(LocalDate.of(2025, 12, 20), LocalDate.of(2026, 3, 19), Language.FR))
                .isEqualTo("20 décembre 2025 - 19 mars 2026");
        assertThat(DiscountCharger.days(MAR_1, MAR_1, Language.FR)).isEqualTo("1er mars");
    }

    // ------------------------------------------------------------------------------------------

    private static SubscriptionHistory fibre() {
        return SubscriptionHistory.starting("S1", MAR_1, "F500");
    }

    private static Discount percent(String ref, String subscription, String value, LocalDate from, LocalDate until) {
        return new Discount(ref, subscription, DiscountKind.PERCENT, new BigDecimal(value), from, until);
    }

    private static Discount fixed(String ref, String subscription, String value, LocalDate from, LocalDate until) {
        return new Discount(ref, subscription, DiscountKind.FIXED, new BigDecimal(value), from, until);
    }

    /** Bills a cycle as the charge step does: what was billed before is given, what this bills is kept. */
    private RecurringCharges bill(LocalDate cycle, List<SubscriptionHistory> histories, Discount... discounts) {
        RecurringCharges charges = charge(cycle, histories, new CommercialTerms(overrides, List.of(discounts),
                discountsBilled), Language.EN);
        billed.addAll(charges.billedItems());
        charges.discountLines().forEach(line -> discountsBilled.add(line.item()));
        return charges;
    }

    private RecurringCharges charge(LocalDate cycle, List<SubscriptionHistory> histories, CommercialTerms terms,
                                    Language language) {
        return charger.charge(BillingAnchor.of(1), cycle, LocalDate.MIN, histories, billed, terms, language);
    }

    /** The net of plan and discount items for the terms starting on the date. */
    private BigDecimal netFor(LocalDate termStart) {
        BigDecimal plans = billed.stream().filter(i -> i.term().start().equals(termStart)).map(BilledItem::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return plans.add(discountsBilled.stream().filter(i -> i.term().start().equals(termStart))
                .map(DiscountItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** The same net, billing the final history once on a fresh account. */
    private BigDecimal finalHistoryNet(List<SubscriptionHistory> histories, Discount discount) {
        RecurringCharges once = charger.charge(BillingAnchor.of(1), LocalDate.of(2026, 3, 31), LocalDate.MIN, histories, List.of(),
                new CommercialTerms(List.of(), List.of(discount), List.of()), Language.EN);
        return once.invoiceLines().stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(once.discountLines().stream().map(l -> l.line().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static List<String> discounts(RecurringCharges charges) {
        return charges.discountLines().stream().map(l -> l.line().amount() + " " + l.line().description()).toList();
    }

    private static List<String> amounts(RecurringCharges charges) {
        return charges.invoiceLines().stream().map(l -> l.type() + " " + l.amount()).toList();
    }
}
