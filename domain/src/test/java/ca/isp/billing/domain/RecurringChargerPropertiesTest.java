package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Properties of the recurring rules over generated accounts (plain loops, a fixed seed per
 * account so that a failure names the seed that reproduces it):
 * <ol>
 * <li>an unchanged subscription is billed term after term, with no gap and no overlap, each whole
 * term exactly its price x quantity;</li>
 * <li>any history of changes, learnt bit by bit and billed cycle by cycle (each cycle sees what is
 * known by its date and what earlier cycles billed), nets per term to exactly what billing the
 * final history at once gives, to the cent; after every cycle, each term nets to what the history
 * known then owes;</li>
 * <li>a cycle run twice bills nothing the second time.</li>
 * </ol>
 */
class RecurringChargerPropertiesTest {

    static final List<PlanTerm> PLAN_LIST = List.of(
            plan("M60", "59.99", 1, false), plan("ODD", "10.05", 1, false), plan("M25", "24.99", 1, true),
            plan("B2", "99.99", 2, false), plan("Q180", "180.00", 3, false), plan("H330", "330.01", 6, false),
            plan("Y2399", "2399.95", 12, false));
    static final Map<String, PlanTerm> PLANS = PLAN_LIST.stream()
            .collect(Collectors.toMap(PlanTerm::code, plan -> plan));

    static final int UNCHANGED_ACCOUNTS = 400;
    static final int CHANGING_ACCOUNTS = 400;

    /** Counts the checks made, for the report. */
    private int checks;

    @Test
    void anUnchangedSubscriptionIsBilledItsPriceEveryTermWithNoGap() {
        for (int seed = 0; seed < UNCHANGED_ACCOUNTS; seed++) {
            Random random = new Random(seed);
            int billDay = 1 + random.nextInt(31);
            PlanTerm plan = PLAN_LIST.get(random.nextInt(PLAN_LIST.size()));
            int quantity = 1 + random.nextInt(4);
            LocalDate start = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1500));
            ProrationSettings settings = randomSettings(random);
            BillingAnchor anchor = BillingAnchor.of(billDay);
            SubscriptionHistory history = SubscriptionHistory.starting("S1", start, plan.code())
                    .quantityFrom(start, quantity);
            RecurringCharger charger = new RecurringCharger(PLANS, settings);

            List<BilledItem> billed = new ArrayList<>();
            for (LocalDate cycle = start.minusDays(1); cycle.isBefore(start.plusMonths(40));
                 cycle = anchor.nextBillDate(cycle)) {
                billed.addAll(charger.charge(anchor, cycle, List.of(history), billed, Language.EN).billedItems());
            }

            String context = "seed " + seed + ": " + plan.code() + " x " + quantity + " from " + start + " on day "
                    + billDay + ", " + settings;
            BigDecimal whole = plan.price().multiply(BigDecimal.valueOf(quantity));
            BillDay day = BillDay.of(billDay);
            assertThat(billed).as(context).isNotEmpty();
            for (int i = 0; i < billed.size(); i++) {
                BilledItem item = billed.get(i);
                Term term = item.term();
                assertThat(term.end()).as(context).isEqualTo(day.plusMonths(term.start(), plan.months()));
                if (i > 0) {
                    assertThat(term.start()).as(context + ": no gap, no overlap").isEqualTo(billed.get(i - 1).term().end());
                }
                if (!term.start().isBefore(start)) {
                    assertThat(item.amount()).as(context + ": whole term " + term).isEqualTo(whole);
                } else {
                    // the stub: price x quantity x days from the start / days of the term, rounded once
                    DayCount count = settings.dayCount();
                    long days = settings.activation() ? count.days(day, term, start, term.end()) : count.termDays(day, term);
                    BigDecimal stub = whole.multiply(BigDecimal.valueOf(days))
                            .divide(BigDecimal.valueOf(count.termDays(day, term)), Money.SCALE, Money.ROUNDING);
                    assertThat(item.amount()).as(context + ": stub " + term).isEqualTo(stub);
                }
                checks++;
            }
            // the first term billed holds the start, unless the stub counts no day (in 30-day months, the
            // last day of a 31-day month counts nothing)
            Term first = billed.get(0).term();
            if (!first.contains(start)) {
                assertThat(settings.dayCount()).as(context).isEqualTo(DayCount.THIRTY_DAY_MONTHS);
                assertThat(first.start()).as(context).isEqualTo(day.onOrAfter(start));
                assertThat(settings.dayCount().days(day, Term.ending(day, first.start(), plan.months()), start,
                        first.start())).as(context).isZero();
            }
        }
        assertThat(checks).isGreaterThan(UNCHANGED_ACCOUNTS * 10);
    }

    @Test
    void anyHistoryBilledAsItHappensNetsToTheFinalHistoryBilledAtOnce() {
        int cycles = 0;
        for (int seed = 0; seed < CHANGING_ACCOUNTS; seed++) {
            Account account = Account.generate(new Random(seed));
            String context = "seed " + seed + ": " + account;
            RecurringCharger charger = new RecurringCharger(PLANS, account.settings);

            List<BilledItem> billed = new ArrayList<>();
            LocalDate cycle = account.firstCycle();
            while (true) {
                BillingAnchor anchor = account.anchorKnownOn(cycle);
                List<SubscriptionHistory> histories = account.historiesKnownOn(cycle);
                RecurringCharges charges = charger.charge(anchor, cycle, histories, billed, Language.EN);
                billed.addAll(charges.billedItems());
                cycles++;

                // run again with what it billed: nothing more
                assertThat(charger.charge(anchor, cycle, histories, billed, Language.FR).lines())
                        .as(context + ": cycle " + cycle + " run twice").isEmpty();
                // every term billed nets to what the history known today owes for it
                Map<String, BigDecimal> known = net(charger.charge(anchor, cycle, histories, List.of(), Language.EN)
                        .billedItems());
                assertThat(nonZero(net(billed))).as(context + ": cycle " + cycle).isEqualTo(nonZero(known));
                checks += 2;

                if (!cycle.isBefore(account.lastDate)) {
                    break;
                }
                LocalDate next = anchor.nextBillDate(cycle);
                cycle = account.offCycleRun(cycle, next);
            }

            // everything is known by the last cycle: its nets are the final history billed at once
            List<BilledItem> atOnce = charger.charge(account.anchorKnownOn(cycle), cycle, account.historiesKnownOn(cycle),
                    List.of(), Language.EN).billedItems();
            assertThat(nonZero(net(billed))).as(context).isEqualTo(nonZero(net(atOnce)));
            checks++;
        }
        assertThat(cycles).isGreaterThan(CHANGING_ACCOUNTS * 20);
    }

    /** Net billed per term: "subscription plan term". */
    static Map<String, BigDecimal> net(List<BilledItem> items) {
        Map<String, BigDecimal> net = new TreeMap<>();
        for (BilledItem item : items) {
            net.merge(item.subscriptionId() + " " + item.planCode() + " " + item.term(), item.amount(), BigDecimal::add);
        }
        return net;
    }

    static Map<String, BigDecimal> nonZero(Map<String, BigDecimal> net) {
        Map<String, BigDecimal> kept = new TreeMap<>(net);
        kept.values().removeIf(amount -> amount.signum() == 0);
        return kept;
    }

    static ProrationSettings randomSettings(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> ProrationSettings.prorateEverything();
            case 1 -> ProrationSettings.wholeTermsOnly();
            default -> new ProrationSettings(random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                    random.nextBoolean(), random.nextBoolean(),
                    random.nextBoolean() ? DayCount.ACTUAL_DAYS : DayCount.THIRTY_DAY_MONTHS);
        };
    }

    static PlanTerm plan(String code, String price, int months, boolean billsWhileSuspended) {
        return new PlanTerm(code, code, code, new BigDecimal(price), months, billsWhileSuspended);
    }

    /** A change to a history, learnt on a date (before or after the day it takes effect). */
    record Edit(LocalDate learnt, String what, UnaryOperator<SubscriptionHistory> apply) {
    }

    /** A change of the account's bill day, learnt on a date. */
    record AnchorEdit(LocalDate learnt, LocalDate from, int day) {
    }

    /** A generated account: its subscriptions' starts and changes, each learnt on a date. */
    static final class Account {
        final int billDay;
        final ProrationSettings settings;
        final List<SubscriptionHistory> starts = new ArrayList<>();
        final Map<String, List<Edit>> edits = new HashMap<>();
        final List<AnchorEdit> anchorEdits = new ArrayList<>();
        final List<LocalDate> offCycle = new ArrayList<>();
        LocalDate lastDate;

        private Account(int billDay, ProrationSettings settings) {
            this.billDay = billDay;
            this.settings = settings;
        }

        static Account generate(Random random) {
            Account account = new Account(1 + random.nextInt(31), randomSettings(random));
            LocalDate base = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1100));
            LocalDate last = base;
            int subscriptions = 1 + random.nextInt(3);
            for (int s = 1; s <= subscriptions; s++) {
                String id = "S" + s;
                LocalDate start = base.plusDays(random.nextInt(200));
                account.starts.add(SubscriptionHistory.starting(id, start, randomPlan(random))
                        .quantityFrom(start, 1 + random.nextInt(3)));
                List<Edit> edits = new ArrayList<>();
                int count = random.nextInt(7);
                for (int e = 0; e < count; e++) {
                    LocalDate when = start.plusDays(random.nextInt(420));
                    // learnt up to two months early or three months late
                    LocalDate learnt = when.plusDays(random.nextInt(150) - 60);
                    edits.add(randomEdit(random, when, learnt));
                    last = later(last, later(when, learnt));
                }
                edits.sort((a, b) -> a.learnt().compareTo(b.learnt()));
                account.edits.put(id, edits);
            }
            if (random.nextInt(3) == 0) {
                LocalDate from = base.plusDays(random.nextInt(400));
                LocalDate learnt = from.plusDays(random.nextInt(100) - 40);
                account.anchorEdits.add(new AnchorEdit(learnt, from, 1 + random.nextInt(31)));
                last = later(last, later(from, learnt));
            }
            for (int i = 0; i < 4; i++) {
                account.offCycle.add(base.plusDays(random.nextInt(700)));
            }
            // past every change and learning, and a whole year more so every term is settled
            account.lastDate = last.plusDays(400);
            return account;
        }

        private static Edit randomEdit(Random random, LocalDate when, LocalDate learnt) {
            return switch (random.nextInt(7)) {
                case 0 -> new Edit(learnt, "cancelled from " + when, h -> h.cancelledFrom(when));
                case 1 -> new Edit(learnt, "end removed", SubscriptionHistory::notCancelled);
                case 2 -> {
                    String plan = randomPlan(random);
                    yield new Edit(learnt, plan + " from " + when, h -> h.planFrom(when, plan));
                }
                case 3 -> {
                    int quantity = 1 + random.nextInt(4);
                    yield new Edit(learnt, "quantity " + quantity + " from " + when, h -> h.quantityFrom(when, quantity));
                }
                case 4 -> {
                    LocalDate until = random.nextBoolean() ? null : when.plusDays(1 + random.nextInt(120));
                    yield new Edit(learnt, "suspended " + when + " to " + until, h -> h.suspended(when, until));
                }
                case 5 -> new Edit(learnt, "reactivated on " + when, h -> reactivate(h, when));
                default -> new Edit(learnt, "cancelled from " + when + " (again)", h -> h.cancelledFrom(when));
            };
        }

        /** Ends the open suspension on the date, if there is one before it. */
        private static SubscriptionHistory reactivate(SubscriptionHistory history, LocalDate on) {
            for (SubscriptionHistory.Suspension suspension : history.suspensions()) {
                if (suspension.until() == null && suspension.from().isBefore(on)) {
                    return history.suspended(suspension.from(), on);
                }
            }
            return history;
        }

        private static String randomPlan(Random random) {
            return PLAN_LIST.get(random.nextInt(PLAN_LIST.size())).code();
        }

        LocalDate firstCycle() {
            return starts.stream().map(SubscriptionHistory::start).min(LocalDate::compareTo).orElseThrow().minusDays(1);
        }

        /** The next run after {@code cycle}: the next bill date, or a rerun on a day between. */
        LocalDate offCycleRun(LocalDate cycle, LocalDate next) {
            return offCycle.stream().filter(day -> day.isAfter(cycle) && day.isBefore(next)).findFirst().orElse(next);
        }

        BillingAnchor anchorKnownOn(LocalDate date) {
            BillingAnchor anchor = BillingAnchor.of(billDay);
            for (AnchorEdit edit : anchorEdits) {
                if (!edit.learnt().isAfter(date)) {
                    anchor = anchor.changedFrom(edit.from(), edit.day());
                }
            }
            return anchor;
        }

        /** Each history with the changes learnt by the date; a change the history refuses is skipped. */
        List<SubscriptionHistory> historiesKnownOn(LocalDate date) {
            List<SubscriptionHistory> known = new ArrayList<>();
            for (SubscriptionHistory history : starts) {
                for (Edit edit : edits.get(history.subscriptionId())) {
                    if (edit.learnt().isAfter(date)) {
                        break;
                    }
                    try {
                        history = edit.apply().apply(history);
                    } catch (IllegalArgumentException impossible) {
                        // e.g. a suspension overlapping another, or a date before the start: not a history
                    }
                }
                known.add(history);
            }
            return known;
        }

        @Override
        public String toString() {
            return "bill day " + billDay + ", " + settings + ", " + starts + ", "
                    + edits.values().stream().flatMap(List::stream).map(e -> e.what() + " learnt " + e.learnt()).toList()
                    + ", bill-day changes " + anchorEdits;
        }

        private static LocalDate later(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }

    @Test
    void theGeneratorMakesChangesOfEveryKind() {
        List<String> kinds = Stream.iterate(0, i -> i + 1).limit(CHANGING_ACCOUNTS)
                .map(seed -> Account.generate(new Random(seed)))
                .flatMap(account -> Stream.concat(account.edits.values().stream().flatMap(List::stream).map(Edit::what),
                        account.anchorEdits.stream().map(edit -> "bill day")))
                .map(what -> what.replaceAll("[ (].*", ""))
                .distinct().sorted().toList();
        assertThat(kinds).contains("cancelled", "end", "quantity", "suspended", "reactivated", "bill", "M60", "Y2399");
        assertThat(ChronoUnit.DAYS.between(LocalDate.of(2024, 1, 1), Account.generate(new Random(1)).lastDate))
                .isPositive();
    }
}
