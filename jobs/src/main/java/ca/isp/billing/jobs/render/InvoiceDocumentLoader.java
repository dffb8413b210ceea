package ca.isp.billing.jobs.render;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.domain.DataTariff;
import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.InvoiceSegment;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.LedgerEntry;
import ca.isp.billing.domain.LedgerEntryType;
import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.Plan;
import ca.isp.billing.domain.Statement;
import ca.isp.billing.jobs.support.CloseAccountJob;
import ca.isp.billing.domain.UsageSummary;
import ca.isp.billing.domain.Call;
import ca.isp.billing.domain.CallRater;
import ca.isp.billing.domain.CallRating;
import ca.isp.billing.domain.RateTable;
import ca.isp.billing.domain.RatedCall;
import ca.isp.billing.domain.RatingGap;
import ca.isp.billing.domain.UnbilledCall;
import ca.isp.billing.domain.UsageRater;
import ca.isp.billing.domain.UsageType;
import ca.isp.billing.jobs.charge.DataTariffs;
import ca.isp.billing.jobs.rate.RateTables;
import ca.isp.billing.jobs.support.CompanyProfiles;
import ca.isp.billing.jobs.support.InvoiceLineDao;
import ca.isp.billing.jobs.support.ReferenceData;
import ca.isp.billing.writers.InvoiceDocument;

/**
 * Builds what an issued invoice says (InvoiceDocument) for a batch of invoices: seven queries,
 * whatever the batch size (the fifth to seventh, usage_record by invoice, for the usage summary:
 * data summed, per-minute calls summed, rate-table calls one by one; with usage, up to four more: plan changes, the price list, data
 * tariffs, the rate tables). Rendering and hand-off both use it, so the email's words and the
 * PDF's can never disagree.
 */
public class InvoiceDocumentLoader {

    private static final Logger log = LoggerFactory.getLogger(InvoiceDocumentLoader.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final CompanyProfiles company;

    public InvoiceDocumentLoader(NamedParameterJdbcTemplate jdbc, CompanyProfiles company) {
        this.jdbc = jdbc;
        this.company = company;
    }

    public Map<Long, InvoiceDocument> load(List<Long> invoiceIds) {
        Map<Long, InvoiceDocument> documents = new HashMap<>();
        if (invoiceIds.isEmpty()) {
            return documents;
        }
        Map<Long, List<InvoiceLine>> lines = new InvoiceLineDao(jdbc).linesOf(invoiceIds);
        Map<Long, UsageSummary> usage = usageSummaries(invoiceIds);
        // The ledger entries each statement shows, but for the invoice's own entry (its new charges).
        Map<Long, List<LedgerEntry>> shown = new HashMap<>();
        jdbc.query("""
                SELECT l.statement_invoice_id, l.entry_type, l.entry_date, l.reference, l.amount
                FROM account_ledger l JOIN invoice i ON i.id = l.statement_invoice_id
                WHERE l.statement_invoice_id IN (:ids)
                  AND NOT (l.entry_type = :invoiceEntry AND l.reference = i.invoice_number)
                ORDER BY l.statement_invoice_id, l.entry_date, l.reference""",
                new MapSqlParameterSource("ids", invoiceIds).addValue("invoiceEntry", LedgerEntryType.INVOICE.name()),
                rs -> {
                    shown.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new LedgerEntry(
                            LedgerEntryType.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                            rs.getString(4), rs.getBigDecimal(5)));
                });
        // The plans billed on each invoice: those of the account's subscriptions running in its period
        // (an invoice without a period: those running on its date), for messages and attachments.
        Map<Long, Set<String>> plans = new HashMap<>();
        jdbc.query("""
                SELECT DISTINCT i.id, s.plan_code FROM invoice i JOIN subscription s ON s.account_id = i.account_id
                WHERE i.id IN (:ids)
                  AND s.start_date <= COALESCE(i.period_end, i.invoice_date)
                  AND (s.end_date IS NULL OR s.end_date >= COALESCE(i.period_start, i.invoice_date))""",
                new MapSqlParameterSource("ids", invoiceIds),
                rs -> {
                    plans.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
                });
        jdbc.query("""
                SELECT i.id, i.invoice_number, i.cycle_date, a.customer_type, a.service_region, i.language, i.currency, i.invoice_date, i.due_date, i.period_start,
                    i.period_end, i.subtotal, i.tax_total, i.total, i.previous_balance, i.payments_received,
                    i.adjustments, i.amount_due, i.first_statement, i.source,
                    a.account_number, a.name, a.billing_line1, a.billing_line2, a.billing_city, a.billing_region,
                    a.billing_postal_code, a.billing_country
                FROM invoice i JOIN account a ON a.id = i.account_id WHERE i.id IN (:ids)""",
                new MapSqlParameterSource("ids", invoiceIds), rs -> {
                    long id = rs.getLong("id");
                    Language language = Language.of(rs.getString("language"));
                    documents.put(id, new InvoiceDocument(company.forLanguage(language), language, rs.getString("invoice_number"),
                            rs.getString("account_number"), rs.getString("name"),
                            mailingAddress(rs.getString("billing_line1"),
                                    rs.getString("billing_line2"), rs.getString("billing_city"),
                                    rs.getString("billing_region"), rs.getString("billing_postal_code"),
                                    rs.getString("billing_country"), language),
                            rs.getObject("invoice_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                            rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                            lines.getOrDefault(id, List.of()), rs.getBigDecimal("subtotal"),
                            rs.getBigDecimal("tax_total"), rs.getBigDecimal("total"),
                            statement(rs.getString("invoice_number"), rs.getBoolean("first_statement"),
                                    rs.getBigDecimal("previous_balance"), rs.getBigDecimal("payments_received"),
                                    rs.getBigDecimal("adjustments"), rs.getBigDecimal("total"),
                                    rs.getBigDecimal("amount_due"), shown.getOrDefault(id, List.of())),
                            rs.getString("currency"),
                            new InvoiceSegment(plans.getOrDefault(id, Set.of()), rs.getString("service_region"),
                                    rs.getString("customer_type"), language),
                            rs.getObject("cycle_date", LocalDate.class),
                            usage.getOrDefault(id, UsageSummary.NONE),
                            // a final bill's period ends on the last day of service (FinalBillTasklet)
                            CloseAccountJob.FINAL.equals(rs.getString("source"))
                                    ? rs.getObject("period_end", LocalDate.class) : null));
                });
        return documents;
    }

    /**
     * The usage summary of each invoice: the usage records the charge step attached to it
     * (usage_record.invoice_id), charged or not. Data per subscription against the allowance of
     * its plan on the last day of that usage (the plan the charge bills usage on), as the charge
     * counts it (UsageSummary.includedGb of the plan's data tariff). Calls per time band, counted
     * and timed as the charge lines count and time them (the rule is UsageSummary's): a call the
     * rate step priced with a table (rated_amount set) is rated again, one by one, as VoiceCharger
     * rates it, with the table of the subscription's plan on the last day of the usage the invoice
     * bills (the day before its period; the day of the last call if later), as the charge bills a
     * period's calls on the plan of its last day (seconds billed in the rate's increments, not
     * answered: no call); any other call (summed in SQL), and every call when that plan has no
     * table, is its started minutes (a call of none is no call).
     */
    private Map<Long, UsageSummary> usageSummaries(List<Long> invoiceIds) {
        record Group(long invoice, long subscription, String planCode, BigInteger bytes, LocalDate lastDay) {
        }
        record Voice(long invoice, long subscription, String planCode, Call call, LocalDate usageEnd) {
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", invoiceIds);
        List<Group> groups = new ArrayList<>();
        // SUM of BIGINT read as a decimal: it can pass what a long holds (as DueAccountReader reads it)
        jdbc.query("""
                SELECT u.invoice_id, s.id, s.plan_code, SUM(u.billable_units), MAX(u.start_time)
                FROM usage_record u JOIN subscription s ON s.id = u.subscription_id
                WHERE u.invoice_id IN (:ids) AND u.usage_type = 'DATA'
                GROUP BY u.invoice_id, s.id, s.plan_code
                ORDER BY u.invoice_id, s.id""", ids,
                rs -> {
                    BigDecimal units = rs.getBigDecimal(4);
                    groups.add(new Group(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            units == null ? BigInteger.ZERO : units.toBigIntegerExact(),
                            rs.getTimestamp(5).toLocalDateTime().toLocalDate()));
                });
        // calls billed per started minute (no rated amount): those of at least one, and their minutes
        Map<Long, UsageSummary.Calls> perMinute = new HashMap<>();
        jdbc.query("""
                SELECT u.invoice_id, COUNT(CASE WHEN u.billable_units > 0 THEN 1 END), SUM(u.billable_units)
                FROM usage_record u
                WHERE u.invoice_id IN (:ids) AND u.usage_type = 'VOICE' AND u.rated_amount IS NULL
                GROUP BY u.invoice_id""", ids,
                rs -> {
                    BigDecimal minutes = rs.getBigDecimal(3);
                    if (rs.getLong(2) > 0) {
                        perMinute.put(rs.getLong(1), new UsageSummary.Calls(null, null, rs.getLong(2),
                                minutes.longValueExact() * 60));
                    }
                });
        // the calls a rate table priced, one by one: a rate's increments are per call
        List<Voice> voices = new ArrayList<>();
        jdbc.query("""
                SELECT u.invoice_id, s.id, s.plan_code, u.record_id, u.destination, u.start_time, u.quantity,
                    u.disposition, i.period_start
                FROM usage_record u JOIN subscription s ON s.id = u.subscription_id
                JOIN invoice i ON i.id = u.invoice_id
                WHERE u.invoice_id IN (:ids) AND u.usage_type = 'VOICE' AND u.rated_amount IS NOT NULL
                ORDER BY u.invoice_id, s.id, u.start_time, u.record_id""", ids,
                rs -> {
                    long seconds = rs.getLong(7);
                    String disposition = rs.getString(8);
                    // as the rate step and the charge decide (DueAccountReader.addCall)
                    boolean answered = disposition == null ? seconds > 0 : disposition.equals("ANSWERED");
                    String destination = rs.getString(5);
                    voices.add(new Voice(rs.getLong(1), rs.getLong(2), rs.getString(3), new Call(rs.getString(4),
                            destination == null ? "" : destination, rs.getTimestamp(6).toLocalDateTime(), seconds,
                            answered),
                            // usage is billed in arrears: its period ends the day before the invoice's
                            rs.getObject(9, LocalDate.class).minusDays(1)));
                });
        Map<Long, UsageSummary> summaries = new HashMap<>();
        if (groups.isEmpty() && perMinute.isEmpty() && voices.isEmpty()) {
            return summaries;
        }
        // the plan changes of those subscriptions: the plan on a day is the latest change up to it
        Map<Long, TreeMap<LocalDate, String>> planChanges = new HashMap<>();
        Set<Long> subscriptions = new HashSet<>();
        groups.forEach(g -> subscriptions.add(g.subscription()));
        voices.forEach(v -> subscriptions.add(v.subscription()));
        jdbc.query("""
                SELECT c.subscription_id, c.effective_from, c.plan_code FROM subscription_change c
                WHERE c.change_type = 'PLAN' AND c.subscription_id IN (:subscriptions)""",
                new MapSqlParameterSource("subscriptions", List.copyOf(subscriptions)),
                rs -> {
                    planChanges.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .put(rs.getObject(2, LocalDate.class), rs.getString(3));
                });
        Map<Long, List<UsageSummary.Data>> data = new HashMap<>();
        if (!groups.isEmpty()) {
            Map<String, Plan> plans = ReferenceData.plans(jdbc.getJdbcTemplate());
            DataTariffs tariffs = DataTariffs.load(jdbc.getJdbcTemplate());
            for (Group g : groups) {
                String planCode = planOn(planChanges, g.subscription(), g.lastDay(), g.planCode());
                Plan plan = plans.get(planCode);
                DataTariff tariff = tariffs.has(planCode) ? tariffs.of(planCode)
                        : plan == null ? null : DataTariff.of(plan);
                data.computeIfAbsent(g.invoice(), k -> new ArrayList<>()).add(new UsageSummary.Data(planCode,
                        plan == null ? planCode : plan.nameEn(), plan == null ? planCode : plan.nameFr(), g.bytes(),
                        tariff == null ? null : UsageSummary.includedGb(tariff)));
            }
        }
        Map<Long, Map<String, UsageSummary.Calls>> calls = new HashMap<>();
        // the rows in the charge lines' order: calls in no band first, then the table's bands as it lists them
        Map<String, Integer> bandOrder = new HashMap<>();
        perMinute.forEach((invoice, minutes) -> calls.computeIfAbsent(invoice, k -> new LinkedHashMap<>())
                .put(String.valueOf((Object) null), minutes));
        if (!voices.isEmpty()) {
            RateTables tables = RateTables.load(jdbc.getJdbcTemplate());
            // the plan whose table rates an invoice's calls of a subscription, as the charge bills a period's
            // calls on the plan of its last day: the plan on the day before the invoice's period (the last
            // day of the usage it bills in arrears), or on the day of the last call if that is later
            Map<List<Long>, LocalDate> lastDay = new HashMap<>();
            voices.forEach(v -> lastDay.merge(List.of(v.invoice(), v.subscription()),
                    v.usageEnd().isAfter(v.call().start().toLocalDate()) ? v.usageEnd() : v.call().start().toLocalDate(),
                    (x, y) -> x.isAfter(y) ? x : y));
            for (Voice v : voices) {
                String planCode = planOn(planChanges, v.subscription(),
                        lastDay.get(List.of(v.invoice(), v.subscription())), v.planCode());
                RateTable table = tables.has(planCode) ? tables.of(planCode) : null;
                UsageSummary.Calls one;
                if (table == null) {
                    // that plan has no table: started minutes of its talk time, as the charge bills it
                    long minutes = UsageRater.billableUnits(UsageType.VOICE, v.call().talkSeconds());
                    if (minutes == 0) {
                        continue; // billed nothing: no call
                    }
                    one = new UsageSummary.Calls(null, null, 1, minutes * 60);
                } else {
                    CallRating rating = CallRater.rate(v.call(), table);
                    if (rating instanceof UnbilledCall) {
                        continue; // not answered: none of the charge line's calls
                    }
                    if (rating instanceof RatedCall rated) {
                        String band = rated.band();
                        one = new UsageSummary.Calls(band == null ? null : table.bands().name(band, Language.EN),
                                band == null ? null : table.bands().name(band, Language.FR), 1, rated.billedSeconds());
                        bandOrder.putIfAbsent(String.valueOf(one.bandEn()),
                                band == null ? 0 : 1 + table.bands().codes().indexOf(band));
                    } else {
                        // billed, so priced when charged: its rates changed since. Its started minutes, in
                        // no band, rather than no invoice at all (the charge line has what was billed)
                        log.warn("invoice {}: call {} has no rate now ({}): its started minutes in the usage summary",
                                v.invoice(), v.call().callId(), ((RatingGap) rating).reason());
                        one = new UsageSummary.Calls(null, null, 1,
                                UsageRater.billableUnits(UsageType.VOICE, v.call().talkSeconds()) * 60);
                    }
                }
                // the calls of all the invoice's subscriptions in one band as one row
                calls.computeIfAbsent(v.invoice(), k -> new LinkedHashMap<>())
                        .merge(String.valueOf(one.bandEn()), one, UsageSummary.Calls::plus);
            }
        }
        for (long invoice : invoiceIds) {
            if (data.containsKey(invoice) || calls.containsKey(invoice)) {
                summaries.put(invoice, new UsageSummary(data.getOrDefault(invoice, List.of()),
                        ordered(calls.getOrDefault(invoice, Map.of()), bandOrder)));
            }
        }
        return summaries;
    }

    /** The plan of a subscription on a day: the latest plan change up to it, else its plan now. */
    private static String planOn(Map<Long, TreeMap<LocalDate, String>> planChanges, long subscription, LocalDate day,
                                 String planNow) {
        Map.Entry<LocalDate, String> change = planChanges.getOrDefault(subscription, new TreeMap<>()).floorEntry(day);
        return change == null ? planNow : change.getValue();
    }

    /** An invoice's rows of calls in the charge lines' order (calls in no band: 0). */
    private static List<UsageSummary.Calls> ordered(Map<String, UsageSummary.Calls> byBand,
                                                    Map<String, Integer> bandOrder) {
        List<UsageSummary.Calls> rows = new ArrayList<>(byBand.values());
        rows.sort(Comparator.comparing(c -> bandOrder.getOrDefault(String.valueOf(c.bandEn()), 0)));
        return rows;
    }

    /**
     * The statement as it was issued, made again by the same rule from the entries it showed,
     * and refused if it no longer matches what was stored (the ledger must not change under an
     * issued invoice).
     */
    private static Statement statement(String number, boolean first, BigDecimal previous, BigDecimal received,
                                       BigDecimal adjustments, BigDecimal total, BigDecimal amountDue,
                                       List<LedgerEntry> entries) {
        if (received == null) {
            // Issued before statements existed (migration V7): previous balance + total, nothing listed.
            return new Statement(previous, List.of(), Money.ZERO, List.of(), Money.ZERO, total, amountDue);
        }
        Statement made = Statement.of(first ? null : previous, entries, total);
        if (made.previousBalance().compareTo(previous) != 0 || made.paymentsReceived().compareTo(received) != 0
                || made.adjustmentsTotal().compareTo(adjustments) != 0 || made.amountDue().compareTo(amountDue) != 0) {
            throw new IllegalStateException("invoice " + number + ": its ledger entries give previous balance "
                    + made.previousBalance() + ", payments " + made.paymentsReceived() + ", adjustments "
                    + made.adjustmentsTotal() + ", amount due " + made.amountDue() + "; issued with " + previous + ", "
                    + received + ", " + adjustments + ", " + amountDue);
        }
        return made;
    }

    /**
     * The address lines under the recipient's name, Canada Post and USPS style: street,
     * "CITY REGION  POSTAL", the country when it is the US (the ISP mails from Canada).
     */
    public static List<String> mailingAddress(String line1, String line2, String city, String region,
                                              String postalCode, String country, Language language) {
        List<String> lines = new ArrayList<>();
        lines.add(line1);
        if (line2 != null && !line2.isBlank()) {
            lines.add(line2);
        }
        lines.add(city + " " + region + "  " + postalCode);
        if ("US".equals(country)) {
            lines.add(language == Language.FR ? "ÉTATS-UNIS" : "USA");
        }
        return lines;
    }
}
