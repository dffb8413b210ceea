package ca.isp.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-worked cases of the recurring rules. Each case is an account (bill day, one subscription)
 * billed cycle by cycle: at each cycle the history is what is known by then (edits pile up), the
 * engine gets everything billed before, and the lines it gives are compared with the arithmetic
 * in the comment. Lines read "TYPE PLAN first..last day of the term AMOUNT"; a stub is shown with
 * the whole term it belongs to. After each cycle the same run again must bill nothing.
 */
class RecurringChargerCasesTest {

    static final PlanTerm NET40 = plan("NET40", "40.00", 1);
    static final PlanTerm NET50 = plan("NET50", "50.00", 1);
    static final PlanTerm NET60 = plan("NET60", "59.99", 1);
    static final PlanTerm ODD = plan("ODD", "10.05", 1);
    static final PlanTerm IP = plan("IP", "5.00", 1);
    static final PlanTerm QUARTER = plan("Q180", "180.00", 3);
    static final PlanTerm HALF = plan("H330", "330.00", 6);
    static final PlanTerm YEAR = plan("Y2399", "2399.95", 12);
    static final PlanTerm PHONE = new PlanTerm("PHONE", "Home phone", "Téléphonie", new BigDecimal("24.99"), 1, true);
    static final Map<String, PlanTerm> PLANS = Stream.of(NET40, NET50, NET60, ODD, IP, QUARTER, HALF, YEAR, PHONE)
            .collect(Collectors.toMap(PlanTerm::code, plan -> plan));

    static final ProrationSettings ALL = ProrationSettings.prorateEverything();

    /** One cycle: the edits learnt before it, and the lines expected. */
    record Cycle(String date, UnaryOperator<SubscriptionHistory> edit, UnaryOperator<BillingAnchor> anchorEdit,
                 List<String> lines) {
    }

    record Case(String name, int billDay, SubscriptionHistory subscription, ProrationSettings settings,
                List<Cycle> cycles) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // --- the issue's own examples
                // 59.99 billed for March; cancelled from 21 March: owes 59.99 x 20 / 31 = 38.7032 -> 38.70,
                // credit 38.70 - 59.99 = -21.29 (= 59.99 x 11 / 31 = 21.2868 -> 21.29); April owes nothing
                c("issue: monthly billed for March, cancelled from March 21", 1, sub("2026-03-01", NET60), ALL,
                        at("2026-03-01", "RECURRING NET60 2026-03-01..2026-03-31 59.99"),
                        at("2026-04-01", h -> h.cancelledFrom(d("2026-03-21")),
                                "CREDIT NET60 2026-03-01..2026-03-31 -21.29")),
                // quarter ending Mar 20 = Dec 20 - Mar 20 = 12 + 31 + 28 + 19 = 90 days; stub Mar 5 - Mar 19 = 15 days:
                // 180.00 x 15 / 90 = 30.00; then quarters from the 20th; Apr 20 bills nothing, Jun 20 the next quarter
                c("issue: quarterly started Mar 5 on bill day 20", 20, sub("2026-03-05", QUARTER), ALL,
                        at("2026-03-20", "RECURRING Q180 2025-12-20..2026-03-19 30.00",
                                "RECURRING Q180 2026-03-20..2026-06-19 180.00"),
                        at("2026-04-20"),
                        at("2026-06-20", "RECURRING Q180 2026-06-20..2026-09-19 180.00")),
                // an annual price entered as it is: 2,399.95 a year, not a monthly price x 12
                c("issue: annual price 2,399.95", 1, sub("2026-01-01", YEAR), ALL,
                        at("2026-01-01", "RECURRING Y2399 2026-01-01..2026-12-31 2399.95"),
                        at("2026-06-01"),
                        at("2027-01-01", "RECURRING Y2399 2027-01-01..2027-12-31 2399.95")),
                // bill day 31: Jan 31, Feb 28, Mar 31, Apr 30, May 31: the anchor stays, each month 59.99
                c("issue: bill day 31 from Jan 31, no drift", 31, sub("2026-01-31", NET60), ALL,
                        at("2026-01-31", "RECURRING NET60 2026-01-31..2026-02-27 59.99"),
                        at("2026-02-28", "RECURRING NET60 2026-02-28..2026-03-30 59.99"),
                        at("2026-03-31", "RECURRING NET60 2026-03-31..2026-04-29 59.99"),
                        at("2026-04-30", "RECURRING NET60 2026-04-30..2026-05-30 59.99")),

                // --- February, leap years, bill days 29 to 31
                // leap year, bill day 31: term Jan 31 - Feb 29 = 29 days; stub Feb 10 - Feb 28 = 19 days:
                // 59.99 x 19 / 29 = 39.3038 -> 39.30; then Feb 29 - Mar 30 in full
                c("leap February stub, bill day 31", 31, sub("2028-02-10", NET60), ALL,
                        at("2028-02-29", "RECURRING NET60 2028-01-31..2028-02-28 39.30",
                                "RECURRING NET60 2028-02-29..2028-03-30 59.99")),
                // February 2026 has 28 days; stub Feb 15 - Feb 28 = 14 days: 50.00 x 14 / 28 = 25.00
                c("February stub, bill day 1", 1, sub("2026-02-15", NET50), ALL,
                        at("2026-03-01", "RECURRING NET50 2026-02-01..2026-02-28 25.00",
                                "RECURRING NET50 2026-03-01..2026-03-31 50.00")),
                // February 2028 has 29 days; stub Feb 15 - Feb 29 = 15 days: 50.00 x 15 / 29 = 25.8620 -> 25.86
                c("leap February stub, bill day 1", 1, sub("2028-02-15", NET50), ALL,
                        at("2028-03-01", "RECURRING NET50 2028-02-01..2028-02-29 25.86",
                                "RECURRING NET50 2028-03-01..2028-03-31 50.00")),
                // bill day 30: Feb 28 - Mar 30 = 30 days; cancelled from Mar 15: 15 days owed,
                // 59.99 x 15 / 30 = 29.995 -> 30.00 (half up); credit 30.00 - 59.99 = -29.99: the credit is the
                // difference, so the term nets to the 30.00 it owes (59.99 x 15 / 30 alone would round to 30.00 too)
                c("bill day 30 across February, cancelled mid-term (half a cent)", 30, sub("2026-01-30", NET60), ALL,
                        at("2026-01-30", "RECURRING NET60 2026-01-30..2026-02-27 59.99"),
                        at("2026-02-28", "RECURRING NET60 2026-02-28..2026-03-29 59.99"),
                        at("2026-03-30", h -> h.cancelledFrom(d("2026-03-15")),
                                "CREDIT NET60 2026-02-28..2026-03-29 -29.99")),
                // bill day 29: Jan 29 - Feb 28 (30 days), Feb 28 - Mar 29 (29 days); cancelled from Mar 10:
                // Feb 28 - Mar 9 = 10 days owed, 59.99 x 10 / 29 = 20.6862 -> 20.69, credit -39.30
                c("bill day 29 in a short February, cancelled", 29, sub("2026-01-29", NET60), ALL,
                        at("2026-01-29", "RECURRING NET60 2026-01-29..2026-02-27 59.99"),
                        at("2026-02-28", "RECURRING NET60 2026-02-28..2026-03-28 59.99"),
                        at("2026-03-29", h -> h.cancelledFrom(d("2026-03-10")),
                                "CREDIT NET60 2026-02-28..2026-03-28 -39.30")),
                // bill day 31 in a 30-day month: first bill date on or after Apr 15 is Apr 30; term Mar 31 - Apr 30
                // = 30 days, stub Apr 15 - Apr 29 = 15 days: 59.99 x 15 / 30 = 29.995 -> 30.00
                c("bill day 31 stub in April", 31, sub("2026-04-15", NET60), ALL,
                        at("2026-04-30", "RECURRING NET60 2026-03-31..2026-04-29 30.00",
                                "RECURRING NET60 2026-04-30..2026-05-30 59.99")),
                // half a cent rounds up: 10.05 x 15 / 30 = 5.025 -> 5.03
                c("half a cent rounds up", 1, sub("2026-11-16", ODD), ALL,
                        at("2026-12-01", "RECURRING ODD 2026-11-01..2026-11-30 5.03",
                                "RECURRING ODD 2026-12-01..2026-12-31 10.05")),

                // --- 3-, 6- and 12-month terms started and cancelled mid-term
                // started on the bill day: no stub
                c("quarter started on the bill day", 20, sub("2026-03-20", QUARTER), ALL,
                        at("2026-03-20", "RECURRING Q180 2026-03-20..2026-06-19 180.00")),
                // quarter Mar 20 - Jun 20 = 12 + 30 + 31 + 19 = 92 days; cancelled from May 5: Mar 20 - May 4 =
                // 12 + 30 + 4 = 46 days, 180.00 x 46 / 92 = 90.00, credit -90.00
                c("quarter cancelled mid-term", 20, sub("2026-03-20", QUARTER), ALL,
                        at("2026-03-20", "RECURRING Q180 2026-03-20..2026-06-19 180.00"),
                        at("2026-05-20", h -> h.cancelledFrom(d("2026-05-05")),
                                "CREDIT Q180 2026-03-20..2026-06-19 -90.00")),
                // half-year ending May 1: Nov 1 - May 1 = 30 + 31 + 31 + 28 + 31 + 30 = 181 days; stub Apr 10 -
                // Apr 30 = 21 days: 330.00 x 21 / 181 = 38.2873 -> 38.29
                c("6-month plan started mid-term", 1, sub("2026-04-10", HALF), ALL,
                        at("2026-05-01", "RECURRING H330 2025-11-01..2026-04-30 38.29",
                                "RECURRING H330 2026-05-01..2026-10-31 330.00")),
                // May 1 - Nov 1 = 184 days; cancelled from Aug 16: 31 + 30 + 31 + 15 = 107 days,
                // 330.00 x 107 / 184 = 191.9021 -> 191.90, credit -138.10
                c("6-month plan cancelled mid-term", 1, sub("2026-05-01", HALF), ALL,
                        at("2026-05-01", "RECURRING H330 2026-05-01..2026-10-31 330.00"),
                        at("2026-09-01", h -> h.cancelledFrom(d("2026-08-16")),
                                "CREDIT H330 2026-05-01..2026-10-31 -138.10")),
                // year ending Jun 15, 2026 = 365 days; stub Jun 1 - Jun 14 = 14 days: 2399.95 x 14 / 365 = 92.0529
                // -> 92.05
                c("annual plan started mid-term", 15, sub("2026-06-01", YEAR), ALL,
                        at("2026-06-15", "RECURRING Y2399 2025-06-15..2026-06-14 92.05",
                                "RECURRING Y2399 2026-06-15..2027-06-14 2399.95")),
                // 2026 = 365 days; cancelled from Jul 1: 181 days owed, 2399.95 x 181 / 365 = 1190.1122 -> 1190.11,
                // credit 1190.11 - 2399.95 = -1209.84 (= 2399.95 x 184 / 365 = 1209.8378 -> 1209.84)
                c("annual plan cancelled mid-term", 1, sub("2026-01-01", YEAR), ALL,
                        at("2026-01-01", "RECURRING Y2399 2026-01-01..2026-12-31 2399.95"),
                        at("2026-07-01", h -> h.cancelledFrom(d("2026-07-01")),
                                "CREDIT Y2399 2026-01-01..2026-12-31 -1209.84")),
                // 2028 = 366 days; cancelled from Mar 1: 31 + 29 = 60 days, 2399.95 x 60 / 366 = 393.4344 -> 393.43,
                // credit -2006.52
                c("annual plan cancelled in a leap year", 1, sub("2028-01-01", YEAR), ALL,
                        at("2028-01-01", "RECURRING Y2399 2028-01-01..2028-12-31 2399.95"),
                        at("2028-03-01", h -> h.cancelledFrom(d("2028-03-01")),
                                "CREDIT Y2399 2028-01-01..2028-12-31 -2006.52")),

                // --- plan changes
                // NET40 -> NET60 from Mar 21: NET40 owes 40.00 x 20 / 31 = 25.8064 -> 25.81, credit -14.19;
                // NET60 stub Mar 21 - Mar 31 of the month ending Apr 1: 59.99 x 11 / 31 = 21.2868 -> 21.29; April 59.99
                c("upgrade mid-month, learnt after billing", 1, sub("2026-03-01", NET40), ALL,
                        at("2026-03-01", "RECURRING NET40 2026-03-01..2026-03-31 40.00"),
                        at("2026-04-01", h -> h.planFrom(d("2026-03-21"), "NET60"),
                                "CREDIT NET40 2026-03-01..2026-03-31 -14.19",
                                "RECURRING NET60 2026-03-01..2026-03-31 21.29",
                                "RECURRING NET60 2026-04-01..2026-04-30 59.99")),
                // NET50 -> quarterly from Mar 16: NET50 owes 50.00 x 15 / 31 = 24.1935 -> 24.19, credit -25.81;
                // quarter ending Apr 1 = Jan 1 - Apr 1 = 90 days, stub Mar 16 - Mar 31 = 16 days: 180.00 x 16 / 90
                // = 32.00; then quarters from Apr 1
                c("monthly to quarterly mid-month", 1, sub("2026-03-01", NET50), ALL,
                        at("2026-03-01", "RECURRING NET50 2026-03-01..2026-03-31 50.00"),
                        at("2026-04-01", h -> h.planFrom(d("2026-03-16"), "Q180"),
                                "CREDIT NET50 2026-03-01..2026-03-31 -25.81",
                                "RECURRING Q180 2026-01-01..2026-03-31 32.00",
                                "RECURRING Q180 2026-04-01..2026-06-30 180.00")),
                // known before billing: NET50 owes Mar 1 - Mar 10 = 50.00 x 10 / 31 = 16.1290 -> 16.13; the NET60
                // stub starts Mar 11, after the cycle: billed on Apr 1, 59.99 x 21 / 31 = 40.6384 -> 40.64
                c("plan change known before billing: the new plan's stub waits for its first day", 1,
                        sub("2026-03-01", NET50).planFrom(d("2026-03-11"), "NET60"), ALL,
                        at("2026-03-01", "RECURRING NET50 2026-03-01..2026-03-31 16.13"),
                        at("2026-04-01", "RECURRING NET60 2026-03-01..2026-03-31 40.64",
                                "RECURRING NET60 2026-04-01..2026-04-30 59.99")),
                // on the bill date itself: nothing to prorate
                c("plan change on the bill date", 1, sub("2026-03-01", NET50), ALL,
                        at("2026-03-01", "RECURRING NET50 2026-03-01..2026-03-31 50.00"),
                        at("2026-04-01", h -> h.planFrom(d("2026-04-01"), "NET60"),
                                "RECURRING NET60 2026-04-01..2026-04-30 59.99")),
                // NET50, NET60 from Mar 11, NET50 again from Mar 21: NET50 owes 10 + 11 = 21 days of March, one
                // line rounded once: 50.00 x 21 / 31 = 33.8709 -> 33.87, credit -16.13; NET60 10 days:
                // 59.99 x 10 / 31 = 19.3516 -> 19.35
                c("plan changed and changed back in one month", 1, sub("2026-03-01", NET50), ALL,
                        at("2026-03-01", "RECURRING NET50 2026-03-01..2026-03-31 50.00"),
                        at("2026-04-01", h -> h.planFrom(d("2026-03-11"), "NET60").planFrom(d("2026-03-21"), "NET50"),
                                "CREDIT NET50 2026-03-01..2026-03-31 -16.13",
                                "RECURRING NET60 2026-03-01..2026-03-31 19.35",
                                "RECURRING NET50 2026-04-01..2026-04-30 50.00")),

                // --- pauses and reactivation
                // suspended Mar 11 - Mar 20, back Mar 21: owes 21 days, 59.99 x 21 / 31 = 40.6384 -> 40.64,
                // credit -19.35 (= 59.99 x 10 / 31 = 19.3516 -> 19.35)
                c("pause of 10 days, learnt after billing", 1, sub("2026-03-01", NET60), ALL,
                        at("2026-03-01", "RECURRING NET60 2026-03-01..2026-03-31 59.99"),
                        at("2026-04-01", h -> h.suspended(d("2026-03-11"), d("2026-03-21")),
                                "CREDIT NET60 2026-03-01..2026-03-31 -19.35",
                                "RECURRING NET60 2026-04-01..2026-04-30 59.99")),
                // seasonal hold May 1 - Sep 1: May to August owe nothing, September 59.99
                c("seasonal hold over whole months", 1, sub("2026-04-01", NET60), ALL,
                        at("2026-04-01", "RECURRING NET60 2026-04-01..2026-04-30 59.99"),
                        at("2026-05-01", h -> h.suspended(d("2026-05-01"), d("2026-09-01"))),
                        at("2026-09-01", "RECURRING NET60 2026-09-01..2026-09-30 59.99")),
                // a plan that bills while suspended: the pause changes nothing
                c("plan that bills while suspended", 1, sub("2026-03-01", PHONE), ALL,
                        at("2026-03-01", "RECURRING PHONE 2026-03-01..2026-03-31 24.99"),
                        at("2026-04-01", h -> h.suspended(d("2026-03-11"), d("2026-03-21")),
                                "RECURRING PHONE 2026-04-01..2026-04-30 24.99")),
                // suspended from Mar 21, open: March owes 20 days, 38.70, credit -21.29; April owes nothing.
                // Reactivated Apr 11: April owes 20 of 30 days, 59.99 x 20 / 30 = 39.9933 -> 39.99; May 59.99
                c("open suspension, then reactivation", 1, sub("2026-03-01", NET60), ALL,
                        at("2026-03-01", "RECURRING NET60 2026-03-01..2026-03-31 59.99"),
                        at("2026-04-01", h -> h.suspended(d("2026-03-21"), null),
                                "CREDIT NET60 2026-03-01..2026-03-31 -21.29"),
                        at("2026-05-01", h -> h.suspended(d("2026-03-21"), d("2026-04-11")),
                                "RECURRING NET60 2026-04-01..2026-04-30 39.99",
                                "RECURRING NET60 2026-05-01..2026-05-31 59.99")),

                // --- quantity changes
                // 2 addresses, 3 from Mar 10: 2 x 9 + 3 x 22 = 84 address-days, 5.00 x 84 / 31 = 13.5483 -> 13.55,
                // billed 10.00, charge 3.55; April 3 x 5.00 = 15.00
                c("quantity up mid-month", 1, sub("2026-03-01", IP).quantityFrom(d("2026-03-01"), 2), ALL,
                        at("2026-03-01", "RECURRING IP 2026-03-01..2026-03-31 10.00"),
                        at("2026-04-01", h -> h.quantityFrom(d("2026-03-10"), 3),
                                "RECURRING IP 2026-03-01..2026-03-31 3.55",
                                "RECURRING IP 2026-04-01..2026-04-30 15.00")),
                // 3, then 1 from Mar 17: 3 x 16 + 1 x 15 = 63, 5.00 x 63 / 31 = 10.1612 -> 10.16, billed 15.00,
                // credit -4.84; April 5.00
                c("quantity down mid-month", 1, sub("2026-03-01", IP).quantityFrom(d("2026-03-01"), 3), ALL,
                        at("2026-03-01", "RECURRING IP 2026-03-01..2026-03-31 15.00"),
                        at("2026-04-01", h -> h.quantityFrom(d("2026-03-17"), 1),
                                "CREDIT IP 2026-03-01..2026-03-31 -4.84",
                                "RECURRING IP 2026-04-01..2026-04-30 5.00")),

                // --- bill-day changes
                // from the 1st to the 15th from Apr 1 (an old bill date): March stands; stub Apr 1 - Apr 14 of the
                // month Mar 15 - Apr 15 (31 days): 59.99 x 14 / 31 = 27.0922 -> 27.09; months from Apr 15
                cb("bill day 1 to 15 from a bill date", 1, sub("2026-03-01", NET60), ALL,
                        at("2026-03-01", "RECURRING NET60 2026-03-01..2026-03-31 59.99"),
                        atAnchor("2026-04-01", a -> a.changedFrom(d("2026-04-01"), 15),
                                "RECURRING NET60 2026-03-15..2026-04-14 27.09"),
                        at("2026-04-15", "RECURRING NET60 2026-04-15..2026-05-14 59.99")),
                // from the 1st to the 20th from Mar 10: March owes Mar 1 - Mar 9, 59.99 x 9 / 31 = 17.4164 -> 17.42,
                // credit -42.57; stub Mar 10 - Mar 19 of Feb 20 - Mar 20 (28 days): 59.99 x 10 / 28 = 21.425
                // -> 21.43 (half up); the month from Mar 20 waits for its cycle
                cb("bill day 1 to 20 mid-month, after billing", 1, sub("2026-03-01", NET60), ALL,
                        at("2026-03-01", "RECURRING NET60 2026-03-01..2026-03-31 59.99"),
                        atAnchor("2026-03-10", a -> a.changedFrom(d("2026-03-10"), 20),
                                "CREDIT NET60 2026-03-01..2026-03-31 -42.57",
                                "RECURRING NET60 2026-02-20..2026-03-19 21.43"),
                        at("2026-03-20", "RECURRING NET60 2026-03-20..2026-04-19 59.99")),

                // --- end dates set and removed
                // cancelled from Mar 21 known when March is billed: 59.99 x 20 / 31 = 38.70; the end date is then
                // removed: March owes 59.99, charge 21.29; April 59.99
                c("end date removed after billing", 1, sub("2026-03-01", NET60).cancelledFrom(d("2026-03-21")), ALL,
                        at("2026-03-01", "RECURRING NET60 2026-03-01..2026-03-31 38.70"),
                        at("2026-04-01", SubscriptionHistory::notCancelled,
                                "RECURRING NET60 2026-03-01..2026-03-31 21.29",
                                "RECURRING NET60 2026-04-01..2026-04-30 59.99")),
                // a future end known in advance: April owes Apr 1 - Apr 10, 59.99 x 10 / 30 = 19.9966 -> 20.00
                c("end date in a later month", 1, sub("2026-03-01", NET60).cancelledFrom(d("2026-04-11")), ALL,
                        at("2026-03-01", "RECURRING NET60 2026-03-01..2026-03-31 59.99"),
                        at("2026-04-01", "RECURRING NET60 2026-04-01..2026-04-30 20.00"),
                        at("2026-05-01")),
                // billed 30.00 + 180.00 on Mar 20, then cancelled from its first day: both credited, net 0
                c("cancel right after activation nets to zero", 20, sub("2026-03-05", QUARTER), ALL,
                        at("2026-03-20", "RECURRING Q180 2025-12-20..2026-03-19 30.00",
                                "RECURRING Q180 2026-03-20..2026-06-19 180.00"),
                        at("2026-04-20", h -> h.cancelledFrom(d("2026-03-05")),
                                "CREDIT Q180 2025-12-20..2026-03-19 -30.00",
                                "CREDIT Q180 2026-03-20..2026-06-19 -180.00")),
                // one day of service: 180.00 x 1 / 90 = 2.00 owed, credit -28.00; the quarter -180.00
                c("cancelled after one day", 20, sub("2026-03-05", QUARTER), ALL,
                        at("2026-03-20", "RECURRING Q180 2025-12-20..2026-03-19 30.00",
                                "RECURRING Q180 2026-03-20..2026-06-19 180.00"),
                        at("2026-04-20", h -> h.cancelledFrom(d("2026-03-06")),
                                "CREDIT Q180 2025-12-20..2026-03-19 -28.00",
                                "CREDIT Q180 2026-03-20..2026-06-19 -180.00")),
                // cancelled before anything was billed: nothing, ever
                c("cancelled before the first cycle", 20, sub("2026-03-05", QUARTER).cancelledFrom(d("2026-03-05")), ALL,
                        at("2026-03-20"),
                        at("2026-06-20")),
                // three cycles missed: January, February and March on one invoice
                c("catch-up of missed cycles", 1, sub("2026-01-01", NET60), ALL,
                        at("2026-03-01", "RECURRING NET60 2026-01-01..2026-01-31 59.99",
                                "RECURRING NET60 2026-02-01..2026-02-28 59.99",
                                "RECURRING NET60 2026-03-01..2026-03-31 59.99")),
                // a change learnt late, after two more cycles: March repaired on the May invoice
                c("cancellation learnt two cycles late", 1, sub("2026-03-01", NET60), ALL,
                        at("2026-03-01", "RECURRING NET60 2026-03-01..2026-03-31 59.99"),
                        at("2026-04-01", "RECURRING NET60 2026-04-01..2026-04-30 59.99"),
                        at("2026-05-01", h -> h.cancelledFrom(d("2026-03-21")),
                                "CREDIT NET60 2026-03-01..2026-03-31 -21.29",
                                "CREDIT NET60 2026-04-01..2026-04-30 -59.99")),

                // --- company settings, one case per switch
                // activation not prorated: started Mar 10, billed as from Mar 1: the whole month 59.99
                c("setting: activation off", 1, sub("2026-03-10", NET60), ALL.withActivation(false),
                        at("2026-04-01", "RECURRING NET60 2026-03-01..2026-03-31 59.99",
                                "RECURRING NET60 2026-04-01..2026-04-30 59.99")),
                // cancellation not prorated: cancelled from Mar 21, March is owed whole: no credit
                c("setting: cancellation off", 1, sub("2026-03-01", NET60), ALL.withCancellation(false),
                        at("2026-03-01", "RECURRING NET60 2026-03-01..2026-03-31 59.99"),
                        at("2026-04-01", h -> h.cancelledFrom(d("2026-03-21")))),
                // plan change not prorated: NET60 from Mar 11 takes effect Apr 1, March stays NET50
                c("setting: plan change off", 1, sub("2026-03-01", NET50), ALL.withPlanChange(false),
                        at("2026-03-01", "RECURRING NET50 2026-03-01..2026-03-31 50.00"),
                        at("2026-04-01", h -> h.planFrom(d("2026-03-11"), "NET60"),
                                "RECURRING NET60 2026-04-01..2026-04-30 59.99")),
                // quantity change not prorated: 3 from Mar 10 counts from April: 15.00
                c("setting: quantity change off", 1, sub("2026-03-01", IP).quantityFrom(d("2026-03-01"), 2),
                        ALL.withQuantityChange(false),
                        at("2026-03-01", "RECURRING IP 2026-03-01..2026-03-31 10.00"),
                        at("2026-04-01", h -> h.quantityFrom(d("2026-03-10"), 3),
                                "RECURRING IP 2026-04-01..2026-04-30 15.00")),
                // suspension not prorated: 10 days off in March are billed; April and May, suspended through, are free
                c("setting: suspension off", 1, sub("2026-03-01", NET60), ALL.withSuspension(false),
                        at("2026-03-01", "RECURRING NET60 2026-03-01..2026-03-31 59.99"),
                        at("2026-04-01", h -> h.suspended(d("2026-03-11"), d("2026-03-21"))
                                .suspended(d("2026-04-01"), d("2026-06-01"))),
                        at("2026-06-01", "RECURRING NET60 2026-06-01..2026-06-30 59.99")),
                // 30-day months: cancelled from Mar 21, 20 of 30 days owed: 59.99 x 20 / 30 = 39.9933 -> 39.99,
                // credit -20.00 (actual days would give -21.29)
                c("setting: 30-day months, cancellation", 1, sub("2026-03-01", NET60),
                        ALL.withDayCount(DayCount.THIRTY_DAY_MONTHS),
                        at("2026-03-01", "RECURRING NET60 2026-03-01..2026-03-31 59.99"),
                        at("2026-04-01", h -> h.cancelledFrom(d("2026-03-21")),
                                "CREDIT NET60 2026-03-01..2026-03-31 -20.00")),
                // 30-day months in February: Feb 1 - Feb 14 counts 14 days, Feb 15 - Mar 1 the other 16:
                // 59.99 x 16 / 30 = 31.9946 -> 31.99
                c("setting: 30-day months, February stub", 1, sub("2026-02-15", NET60),
                        ALL.withDayCount(DayCount.THIRTY_DAY_MONTHS),
                        at("2026-03-01", "RECURRING NET60 2026-02-01..2026-02-28 31.99",
                                "RECURRING NET60 2026-03-01..2026-03-31 59.99")),
                // whole terms only: started Mar 10 and cancelled from Apr 21, both known on Apr 1:
                // March whole, April whole
                c("setting: whole terms only", 1, sub("2026-03-10", NET60).cancelledFrom(d("2026-04-21")),
                        ProrationSettings.wholeTermsOnly(),
                        at("2026-04-01", "RECURRING NET60 2026-03-01..2026-03-31 59.99",
                                "RECURRING NET60 2026-04-01..2026-04-30 59.99"),
                        at("2026-05-01")),
                // whole terms only, bill day 1 to 15 from Apr 1: the stub to the new day is still prorated,
                // 59.99 x 14 / 31 = 27.09
                cb("setting: whole terms only, a bill-day change is still prorated", 1, sub("2026-03-01", NET60),
                        ProrationSettings.wholeTermsOnly(),
                        at("2026-03-01", "RECURRING NET60 2026-03-01..2026-03-31 59.99"),
                        atAnchor("2026-04-01", a -> a.changedFrom(d("2026-04-01"), 15),
                                "RECURRING NET60 2026-03-15..2026-04-14 27.09")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void billsEachCycleAsWorkedOutByHand(Case c) {
        RecurringCharger charger = new RecurringCharger(PLANS, c.settings());
        SubscriptionHistory history = c.subscription();
        BillingAnchor anchor = BillingAnchor.of(c.billDay());
        List<BilledItem> billed = new ArrayList<>();
        for (Cycle cycle : c.cycles()) {
            history = cycle.edit().apply(history);
            anchor = cycle.anchorEdit().apply(anchor);
            RecurringCharges charges = charger.charge(anchor, d(cycle.date()), List.of(history), billed, Language.EN);

            assertThat(charges.lines()).as("cycle %s", cycle.date()).extracting(RecurringChargerCasesTest::show)
                    .containsExactlyElementsOf(cycle.lines());
            billed.addAll(charges.billedItems());
            assertThat(charger.charge(anchor, d(cycle.date()), List.of(history), billed, Language.EN).lines())
                    .as("cycle %s run again", cycle.date()).isEmpty();
        }
    }

    static String show(RecurringLine line) {
        return line.line().type() + " " + line.item().planCode() + " " + line.item().term() + " " + line.line().amount();
    }

    static Case c(String name, int billDay, SubscriptionHistory subscription, ProrationSettings settings,
                  Cycle... cycles) {
        return new Case(name, billDay, subscription, settings, List.of(cycles));
    }

    /** A case with bill-day changes (same shape; named apart to read the table). */
    static Case cb(String name, int billDay, SubscriptionHistory subscription, ProrationSettings settings,
                   Cycle... cycles) {
        return c(name, billDay, subscription, settings, cycles);
    }

    static Cycle at(String date, String... lines) {
        return new Cycle(date, h -> h, a -> a, Arrays.asList(lines));
    }

    static Cycle at(String date, UnaryOperator<SubscriptionHistory> edit, String... lines) {
        return new Cycle(date, edit, a -> a, Arrays.asList(lines));
    }

    static Cycle atAnchor(String date, UnaryOperator<BillingAnchor> edit, String... lines) {
        return new Cycle(date, h -> h, edit, Arrays.asList(lines));
    }

    static SubscriptionHistory sub(String start, PlanTerm plan) {
        return SubscriptionHistory.starting("S1", d(start), plan.code());
    }

    static PlanTerm plan(String code, String price, int months) {
        return new PlanTerm(code, code + " plan", "forfait " + code, new BigDecimal(price), months, false);
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }
}
