package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the lines say and carry; the amounts themselves are in {@link RecurringChargerCasesTest}. */
class RecurringChargerTest {

    private static final PlanTerm FIBRE = new PlanTerm("FIBRE-60", "Fibre 60", "Fibre 60 résidentiel",
            new BigDecimal("59.99"), 1, false);
    private static final PlanTerm FASTER = new PlanTerm("FIBRE-80", "Fibre 80", "Fibre 80 résidentiel",
            new BigDecimal("79.99"), 1, false);
    private static final PlanTerm QUARTERLY = new PlanTerm("FIBRE-Q", "Fibre quarterly", "Fibre trimestrielle",
            new BigDecimal("180.00"), 3, false);
    private static final PlanTerm IP = new PlanTerm("IP", "Static address", "Adresse fixe", new BigDecimal("5.00"), 1,
            false);
    private static final Map<String, PlanTerm> PLANS = Map.of(FIBRE.code(), FIBRE, FASTER.code(), FASTER,
            QUARTERLY.code(), QUARTERLY, IP.code(), IP);
    private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);

    private final RecurringCharger charger = new RecurringCharger(PLANS, ProrationSettings.prorateEverything());

    @Test
    void aCreditSaysWhyWithThePeriodInEitherLanguage() {
        SubscriptionHistory billed = SubscriptionHistory.starting("S1", MAR_1, "FIBRE-60");
        List<BilledItem> march = charge(1, MAR_1, billed, List.of(), Language.EN).billedItems();
        SubscriptionHistory cancelled = billed.cancelledFrom(LocalDate.of(2026, 3, 21));

        InvoiceLine en = charge(1, APR_1, cancelled, march, Language.EN).invoiceLines().get(0);
        InvoiceLine fr = charge(1, APR_1, cancelled, march, Language.FR).invoiceLines().get(0);

        assertThat(en.type()).isEqualTo(LineType.CREDIT);
        assertThat(en.amount()).isEqualTo("-21.29");
        assertThat(en.description()).isEqualTo("Fibre 60 (cancelled from 21 March: 11 of 31 days)");
        assertThat(fr.description()).isEqualTo("Fibre 60 résidentiel (résilié à partir du 21 mars : 11 jours sur 31)");
        assertThat(en.reason()).isEqualTo("Cancelled from 21 March: 11 of 31 days. Plan FIBRE-60, term "
                + "2026-03-01..2026-03-31: owes 38.70 (59.99 x 20 / 31) as the service is now, billed 59.99 before: "
                + "credit -21.29");
        assertThat(fr.reason()).isEqualTo(en.reason());
        assertThat(en.periodStart()).isEqualTo("2026-03-21");
        assertThat(en.periodEnd()).isEqualTo("2026-03-31");
        assertThat(en.lineKey()).isEqualTo("CREDIT:S1:FIBRE-60:2026-03-01:2026-04-01");
        assertThat(en.quantity()).isNull();
        assertThat(en.type().isTaxable()).isTrue();
    }

    @Test
    void aStubSaysItIsProratedAndCarriesItsTermToStore() {
        SubscriptionHistory history = SubscriptionHistory.starting("S1", LocalDate.of(2026, 3, 5), "FIBRE-Q");

        RecurringCharges charges = charge(20, LocalDate.of(2026, 3, 20), history, List.of(), Language.EN);
        RecurringLine stub = charges.lines().get(0);

        assertThat(stub.line().description()).isEqualTo("Fibre quarterly (prorated, 15 of 90 days)");
        assertThat(charge(20, LocalDate.of(2026, 3, 20), history, List.of(), Language.FR).invoiceLines().get(0)
                .description()).isEqualTo("Fibre trimestrielle (au prorata, 15 jours sur 90)");
        assertThat(stub.line().reason()).isEqualTo("Plan FIBRE-Q billed in advance for 2026-03-05..2026-03-19 of its "
                + "3-month term 2025-12-20..2026-03-19: 180.00 x 15 / 90 = 30.00");
        assertThat(stub.line().periodStart()).isEqualTo("2026-03-05");
        assertThat(stub.line().periodEnd()).isEqualTo("2026-03-19");
        // quantity: the share of the term, times the quantity (15 / 90 = 0.1667); unit price: the whole term
        assertThat(stub.line().quantity()).isEqualTo("0.1667");
        assertThat(stub.line().unitPrice()).isEqualTo("180.00");
        assertThat(stub.line().lineKey()).isEqualTo("RECURRING:S1:FIBRE-Q:2025-12-20:2026-03-20");
        assertThat(stub.item()).isEqualTo(new BilledItem("S1", "FIBRE-Q",
                new Term(LocalDate.of(2025, 12, 20), LocalDate.of(2026, 3, 20)), new BigDecimal("30.00")));

        InvoiceLine quarter = charges.lines().get(1).line();
        assertThat(quarter.description()).isEqualTo("Fibre quarterly");
        assertThat(quarter.quantity()).isEqualByComparingTo("1");
        assertThat(charges.nextBillDate()).isEqualTo("2026-04-20");
    }

    @Test
    void aPlanChangeCreditsTheOldPlanAndChargesTheNew() {
        SubscriptionHistory history = SubscriptionHistory.starting("S1", MAR_1, "FIBRE-60");
        List<BilledItem> march = charge(1, MAR_1, history, List.of(), Language.EN).billedItems();

        List<InvoiceLine> lines = charge(1, APR_1, history.planFrom(LocalDate.of(2026, 3, 21), "FIBRE-80"), march,
                Language.EN).invoiceLines();

        // 59.99 x 20 / 31 = 38.7032 -> 38.70, credit -21.29; 79.99 x 11 / 31 = 28.3835 -> 28.38
        assertThat(lines).extracting(InvoiceLine::description).containsExactly(
                "Fibre 60 (changed to Fibre 80 from 21 March: 11 of 31 days)",
                "Fibre 80 (prorated, 11 of 31 days)",
                "Fibre 80");
        assertThat(lines).extracting(InvoiceLine::amount).containsExactly(
                new BigDecimal("-21.29"), new BigDecimal("28.38"), new BigDecimal("79.99"));
    }

    @Test
    void aQuantityChangeSuspensionReactivationAndBillDayChangeAreNamed() {
        SubscriptionHistory addresses = SubscriptionHistory.starting("S1", MAR_1, "IP").quantityFrom(MAR_1, 2);
        List<BilledItem> march = charge(1, MAR_1, addresses, List.of(), Language.EN).billedItems();
        assertThat(charge(1, APR_1, addresses.quantityFrom(LocalDate.of(2026, 3, 10), 3), march, Language.FR)
                .invoiceLines().get(0).description())
                .isEqualTo("Adresse fixe (quantité de 2 à 3 à partir du 10 mars : 22 jours sur 31)");

        SubscriptionHistory fibre = SubscriptionHistory.starting("S1", MAR_1, "FIBRE-60")
                .suspended(LocalDate.of(2026, 3, 21), null);
        List<BilledItem> suspended = charge(1, MAR_1, fibre, List.of(), Language.EN).billedItems();
        assertThat(suspended).extracting(BilledItem::amount).containsExactly(new BigDecimal("38.70"));
        // reactivated Mar 26: 59.99 x 26 / 31 = 50.3141 -> 50.31, billed 38.70: 11.61 more
        InvoiceLine back = charge(1, APR_1, fibre.suspended(LocalDate.of(2026, 3, 21), LocalDate.of(2026, 3, 26)),
                suspended, Language.EN).invoiceLines().get(0);
        assertThat(back.type()).isEqualTo(LineType.RECURRING);
        assertThat(back.amount()).isEqualTo("11.61");
        assertThat(back.description()).isEqualTo("Fibre 60 (reactivated on 26 March: 6 of 31 days)");
        assertThat(back.lineKey()).isEqualTo("RECURRING:S1:FIBRE-60:2026-03-01:2026-04-01");

        SubscriptionHistory plain = SubscriptionHistory.starting("S1", MAR_1, "FIBRE-60");
        List<BilledItem> billed = charge(1, MAR_1, plain, List.of(), Language.EN).billedItems();
        InvoiceLine pause = charge(1, APR_1, plain.suspended(LocalDate.of(2026, 3, 11), LocalDate.of(2026, 3, 21)),
                billed, Language.EN).invoiceLines().get(0);
        assertThat(pause.description()).isEqualTo("Fibre 60 (suspended from 11 March: 10 of 31 days)");
        assertThat(pause.periodStart()).isEqualTo("2026-03-11");
        assertThat(pause.periodEnd()).isEqualTo("2026-03-20");

        BillingAnchor moved = BillingAnchor.of(1).changedFrom(LocalDate.of(2026, 3, 10), 20);
        List<InvoiceLine> lines = charger.charge(moved, LocalDate.of(2026, 3, 10), List.of(plain), billed, Language.EN)
                .invoiceLines();
        assertThat(lines).extracting(InvoiceLine::description).containsExactly(
                "Fibre 60 (bill day changed to 20 from 10 March: 22 of 31 days)",
                "Fibre 60 (prorated, 10 of 28 days)");
    }

    @Test
    void aChangeThatLeavesNoTraceIsAnAdjustment() {
        SubscriptionHistory cancelled = SubscriptionHistory.starting("S1", MAR_1, "FIBRE-60")
                .cancelledFrom(LocalDate.of(2026, 3, 21));
        List<BilledItem> march = charge(1, MAR_1, cancelled, List.of(), Language.EN).billedItems();

        InvoiceLine line = charge(1, APR_1, cancelled.notCancelled(), march, Language.EN).invoiceLines().get(0);

        assertThat(line.description()).isEqualTo("Fibre 60 (adjusted to the service as it is now: 31 of 31 days)");
        assertThat(line.amount()).isEqualTo("21.29");
        assertThat(line.periodStart()).isEqualTo("2026-03-01");
        assertThat(line.periodEnd()).isEqualTo("2026-03-31");
    }

    @Test
    void aPlanNoLongerInThePriceListIsCreditedUnderItsCode() {
        SubscriptionHistory history = SubscriptionHistory.starting("S1", MAR_1, "FIBRE-60");
        List<BilledItem> march = charge(1, MAR_1, history, List.of(), Language.EN).billedItems();
        // the order system corrects the plan from the start; FIBRE-60 leaves the price list
        RecurringCharger withoutIt = new RecurringCharger(Map.of(FASTER.code(), FASTER),
                ProrationSettings.prorateEverything());

        List<InvoiceLine> lines = withoutIt.charge(BillingAnchor.of(1), MAR_1,
                List.of(history.planFrom(MAR_1, "FIBRE-80")), march, Language.EN).invoiceLines();

        assertThat(lines).extracting(InvoiceLine::description).containsExactly(
                "FIBRE-60 (adjusted to the service as it is now: 0 of 31 days)", "Fibre 80");
        assertThat(lines).extracting(InvoiceLine::amount).containsExactly(new BigDecimal("-59.99"),
                new BigDecimal("79.99"));
    }

    @Test
    void linesComeBySubscriptionThenDayWhateverTheOrderGiven() {
        SubscriptionHistory second = SubscriptionHistory.starting("S2", LocalDate.of(2026, 2, 15), "IP");
        SubscriptionHistory first = SubscriptionHistory.starting("S1", MAR_1, "FIBRE-60");

        List<RecurringLine> lines = charger.charge(BillingAnchor.of(1), MAR_1, List.of(second, first), List.of(),
                Language.EN).lines();

        assertThat(lines).extracting(line -> line.item().subscriptionId() + " " + line.line().periodStart())
                .containsExactly("S1 2026-03-01", "S2 2026-02-15", "S2 2026-03-01");
    }

    @Test
    void aFutureSubscriptionWaitsForItsFirstDay() {
        SubscriptionHistory later = SubscriptionHistory.starting("S1", LocalDate.of(2026, 3, 2), "FIBRE-60");

        assertThat(charge(1, MAR_1, later, List.of(), Language.EN).lines()).isEmpty();
    }

    @Test
    void refusesWhatItCannotBillRight() {
        SubscriptionHistory unknown = SubscriptionHistory.starting("S1", MAR_1, "NOPE");
        assertThatThrownBy(() -> charge(1, MAR_1, unknown, List.of(), Language.EN))
                .hasMessage("subscription S1 refers to unknown plan NOPE");

        BilledItem orphan = new BilledItem("S9", "FIBRE-60", new Term(MAR_1, APR_1), new BigDecimal("59.99"));
        SubscriptionHistory s1 = SubscriptionHistory.starting("S1", MAR_1, "FIBRE-60");
        assertThatThrownBy(() -> charge(1, MAR_1, s1, List.of(orphan), Language.EN))
                .hasMessage("billed items of subscription S9 but no history for it: give every subscription of the account");
        assertThatThrownBy(() -> charger.charge(BillingAnchor.of(1), MAR_1, List.of(s1, s1), List.of(), Language.EN))
                .hasMessage("subscription S1 given twice");
    }

    @Test
    void wordsFitTheirColumnsWhateverTheHistory() {
        String longName = "N".repeat(100);
        PlanTerm a = new PlanTerm("A", longName, longName, new BigDecimal("10.00"), 1, false);
        PlanTerm b = new PlanTerm("B", longName, longName, new BigDecimal("20.00"), 1, false);
        RecurringCharger charger = new RecurringCharger(Map.of("A", a, "B", b), ProrationSettings.prorateEverything());
        SubscriptionHistory history = SubscriptionHistory.starting("S1", MAR_1, "A");
        List<BilledItem> billed = new ArrayList<>(charger.charge(BillingAnchor.of(1), MAR_1, List.of(history),
                List.of(), Language.EN).billedItems());
        for (int day = 3; day < 28; day += 2) {
            history = history.planFrom(LocalDate.of(2026, 3, day), day % 4 == 1 ? "A" : "B");
        }

        List<InvoiceLine> lines = charger.charge(BillingAnchor.of(1), APR_1, List.of(history), billed, Language.FR)
                .invoiceLines();

        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.description().length()).isLessThanOrEqualTo(RecurringWording.MAX_DESCRIPTION);
            assertThat(line.reason().length()).isLessThanOrEqualTo(RecurringWording.MAX_REASON);
            assertThat(line.lineKey().length()).isLessThanOrEqualTo(120);
        });
    }

    @Test
    void aTermPaysThePriceInForceOnItsFirstDayNotAPriceRaisedAfterItWasBilled() {
        SubscriptionHistory history = SubscriptionHistory.starting("S1", MAR_1, "FIBRE-60");
        List<BilledItem> march = charge(1, MAR_1, history, List.of(), Language.EN).billedItems();
        // Fibre 60 from 59.99 to 64.99 for terms from April 1 (entered in March, after March was billed)
        java.util.TreeMap<LocalDate, BigDecimal> prices = new java.util.TreeMap<>(Map.of(
                LocalDate.of(1900, 1, 1), new BigDecimal("59.99"), APR_1, new BigDecimal("64.99")));
        PlanTerm raised = new PlanTerm("FIBRE-60", "Fibre 60", "Fibre 60 résidentiel", new BigDecimal("64.99"), 1,
                false, prices);
        RecurringCharger afterTheRise = new RecurringCharger(Map.of(raised.code(), raised),
                ProrationSettings.prorateEverything());

        List<InvoiceLine> april = afterTheRise.charge(BillingAnchor.of(1), APR_1, List.of(history), march, Language.EN)
                .invoiceLines();

        // March owes 59.99 x 31 / 31 = 59.99 as billed: no repair; April, from the rise: 64.99 x 30 / 30 = 64.99
        assertThat(april).extracting(InvoiceLine::lineKey, InvoiceLine::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("RECURRING:S1:FIBRE-60:2026-04-01:2026-05-01", new BigDecimal("64.99")));
        assertThat(april.get(0).unitPrice()).isEqualByComparingTo("64.99");
        // a term that started before any dated price pays the first one
        assertThat(raised.priceOn(LocalDate.of(1800, 1, 1))).isEqualByComparingTo("59.99");
        assertThat(raised.priceOn(LocalDate.of(2026, 3, 31))).isEqualByComparingTo("59.99");
        assertThat(raised.priceOn(APR_1)).isEqualByComparingTo("64.99");
    }

    @Test
    void aTakenOverServiceBillsFromItsBillingStartYetStillRepairsATermBilledBeforeIt() {
        // with us since 2021, billed here from March 2026: five years of terms are the previous system's
        SubscriptionHistory history = SubscriptionHistory.starting("S1", LocalDate.of(2021, 6, 15), "FIBRE-60");
        RecurringCharges march = charger.charge(BillingAnchor.of(1), MAR_1, MAR_1, List.of(history), List.of(),
                Language.EN);
        assertThat(march.invoiceLines()).extracting(InvoiceLine::lineKey, InvoiceLine::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("RECURRING:S1:FIBRE-60:2026-03-01:2026-04-01", new BigDecimal("59.99")));

        // February was billed here too (an item before billingStart), then the service is cancelled from
        // February 15: both terms billed are repaired, the years before are still left alone
        List<BilledItem> billed = new ArrayList<>(march.billedItems());
        billed.add(new BilledItem("S1", "FIBRE-60", new Term(LocalDate.of(2026, 2, 1), MAR_1), new BigDecimal("59.99")));
        List<InvoiceLine> april = charger.charge(BillingAnchor.of(1), APR_1, MAR_1,
                List.of(history.cancelledFrom(LocalDate.of(2026, 2, 15))), billed, Language.EN).invoiceLines();

        // February owes 59.99 x 14 / 28 = 30.00 (29.995 rounded half up), March nothing
        assertThat(april).extracting(InvoiceLine::lineKey, InvoiceLine::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CREDIT:S1:FIBRE-60:2026-02-01:2026-03-01", new BigDecimal("-29.99")),
                org.assertj.core.groups.Tuple.tuple("CREDIT:S1:FIBRE-60:2026-03-01:2026-04-01", new BigDecimal("-59.99")));
    }

    private RecurringCharges charge(int billDay, LocalDate cycleDate, SubscriptionHistory history,
                                    List<BilledItem> billed, Language language) {
        return charger.charge(BillingAnchor.of(billDay), cycleDate, List.of(history), billed, language);
    }
}
