package ca.isp.billing.jobs.render;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
import ca.isp.billing.domain.VoiceRate;
import ca.isp.billing.jobs.charge.DataTariffs;
import ca.isp.billing.jobs.support.CompanyProfiles;
import ca.isp.billing.jobs.support.InvoiceLineDao;
import ca.isp.billing.jobs.support.ReferenceData;
import ca.isp.billing.writers.InvoiceDocument;

/**
 * Builds what an issued invoice says (InvoiceDocument) for a batch of invoices: five queries,
 * whatever the batch size (the fifth, usage_record by invoice, for the usage summary; with usage,
 * up to four more: plan changes, the price list, data tariffs, band names). Rendering and hand-off both use it, so the email's words and the
 * PDF's can never disagree.
 */
public class InvoiceDocumentLoader {

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
     * counts it (UsageSummary.includedGb of the plan's data tariff); calls per time band, counted,
     * with the rating's billable minutes.
     */
    private Map<Long, UsageSummary> usageSummaries(List<Long> invoiceIds) {
        record Group(long invoice, long subscription, String planCode, String type, String band, long count,
                     BigInteger units, LocalDate lastDay) {
        }
        List<Group> groups = new ArrayList<>();
        // a call of no billable minute (not answered) is no call here; SUM of BIGINT read as a decimal: it can pass what a long holds (as DueAccountReader reads it)
        jdbc.query("""
                SELECT u.invoice_id, s.id, s.plan_code, u.usage_type, u.rate_band, COUNT(*), SUM(u.billable_units),
                    MAX(u.start_time)
                FROM usage_record u JOIN subscription s ON s.id = u.subscription_id
                WHERE u.invoice_id IN (:ids) AND (u.usage_type <> 'VOICE' OR u.billable_units > 0)
                GROUP BY u.invoice_id, s.id, s.plan_code, u.usage_type, u.rate_band
                ORDER BY u.invoice_id, s.id, u.usage_type, u.rate_band""", new MapSqlParameterSource("ids", invoiceIds),
                rs -> {
                    BigDecimal units = rs.getBigDecimal(7);
                    groups.add(new Group(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), units == null ? BigInteger.ZERO : units.toBigIntegerExact(),
                            rs.getTimestamp(8).toLocalDateTime().toLocalDate()));
                });
        Map<Long, UsageSummary> summaries = new HashMap<>();
        if (groups.isEmpty()) {
            return summaries;
        }
        // the plan changes of those subscriptions: the plan on a day is the latest change up to it
        Map<Long, TreeMap<LocalDate, String>> planChanges = new HashMap<>();
        jdbc.query("""
                SELECT c.subscription_id, c.effective_from, c.plan_code FROM subscription_change c
                WHERE c.change_type = 'PLAN' AND c.subscription_id IN (:subscriptions)""",
                new MapSqlParameterSource("subscriptions", groups.stream().map(Group::subscription).distinct().toList()),
                rs -> {
                    planChanges.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .put(rs.getObject(2, LocalDate.class), rs.getString(3));
                });
        Map<String, Plan> plans = ReferenceData.plans(jdbc.getJdbcTemplate());
        DataTariffs tariffs = DataTariffs.load(jdbc.getJdbcTemplate());
        Map<String, String[]> bandNames = new HashMap<>();
        if (groups.stream().anyMatch(g -> g.band() != null)) {
            jdbc.getJdbcTemplate().query("SELECT band, name_en, name_fr FROM rate_band ORDER BY rate_table, band",
                    rs -> {
                        bandNames.putIfAbsent(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                    });
        }
        Map<Long, List<UsageSummary.Data>> data = new HashMap<>();
        Map<Long, Map<String, UsageSummary.Calls>> calls = new HashMap<>();
        for (Group g : groups) {
            if ("DATA".equals(g.type())) {
                Map.Entry<LocalDate, String> change = planChanges.getOrDefault(g.subscription(), new TreeMap<>())
                        .floorEntry(g.lastDay());
                String planCode = change == null ? g.planCode() : change.getValue();
                Plan plan = plans.get(planCode);
                DataTariff tariff = tariffs.has(planCode) ? tariffs.of(planCode)
                        : plan == null ? null : DataTariff.of(plan);
                data.computeIfAbsent(g.invoice(), k -> new ArrayList<>()).add(new UsageSummary.Data(planCode,
                        plan == null ? planCode : plan.nameEn(), plan == null ? planCode : plan.nameFr(), g.units(),
                        tariff == null ? null : UsageSummary.includedGb(tariff)));
            } else {
                // the calls of all the invoice's subscriptions in one band as one row; a call in no band
                // is stored with its rate's band ANY
                String[] names = g.band() == null || g.band().equals(VoiceRate.ANY) ? new String[2]
                        : bandNames.getOrDefault(g.band(), new String[] {g.band(), g.band()});
                calls.computeIfAbsent(g.invoice(), k -> new LinkedHashMap<>()).merge(String.valueOf(names[0]),
                        new UsageSummary.Calls(names[0], names[1], g.count(), g.units()),
                        (a, b) -> new UsageSummary.Calls(a.bandEn(), a.bandFr(), a.count() + b.count(),
                                a.billableMinutes().add(b.billableMinutes())));
            }
        }
        for (long invoice : invoiceIds) {
            if (data.containsKey(invoice) || calls.containsKey(invoice)) {
                summaries.put(invoice, new UsageSummary(data.getOrDefault(invoice, List.of()),
                        List.copyOf(calls.getOrDefault(invoice, Map.of()).values())));
            }
        }
        return summaries;
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
