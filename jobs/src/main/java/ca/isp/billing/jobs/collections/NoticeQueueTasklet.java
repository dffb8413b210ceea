package ca.isp.billing.jobs.collections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.AccountStatus;
import ca.isp.billing.domain.BillingCurrency;
import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.DeliveryPreference;
import ca.isp.billing.domain.DunningNotices;
import ca.isp.billing.domain.InvoiceOrigin;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.NoticeKind;
import ca.isp.billing.domain.NoticeStatus;
import ca.isp.billing.domain.UsageAllowanceAlerts;
import ca.isp.billing.domain.UsageStatus;
import ca.isp.billing.domain.UsageType;
import ca.isp.billing.jobs.support.CompanyProfiles;
import ca.isp.billing.writers.CompanyProfile;
import ca.isp.billing.writers.InvoiceFormat;
import ca.isp.billing.writers.NoticeDocuments;
import ca.isp.billing.writers.NoticeDocuments.NoticeText;

/**
 * The notices step of collections: queues in the {@code notice} outbox the day's notices, one row
 * per event, keyed by what it is about, so a rerun, a restart or a later day finds it and queues
 * nothing more:
 * <ul>
 * <li>{@code reminder.invoice.<id>}, {@code past-due.invoice.<id>}: an unpaid invoice (issued and
 * cleared by review, or taken over from the previous system), on the days {@link DunningNotices}
 * gives;</li>
 * <li>{@code suspension.event.<id>}: the day's SUSPENDED delinquency events;
 * {@code reactivation.event.<id>}: the day's returns from SUSPENDED to ACTIVE (any day: service is
 * back as soon as the money is in; a return from DELINQUENT gets no notice, nothing was cut);</li>
 * <li>{@code usage-<pct>.subscription.<id>.<period start>}: a subscription whose plan includes data
 * (and prices it by included GB, not by data components) reaching a threshold in the account
 * period holding the date; passing several thresholds at once sends the highest, the lower ones
 * are recorded SKIPPED.</li>
 * </ul>
 * Keys are dotted, never with ':' or '/': a letter's PDF is named by its key, and a vendor may
 * unpack the batch on any system. The text is rendered now, in the account's language: a resend
 * is the same message. An account
 * with an email address and invoices by email (or both) is emailed, the others get a letter.
 */
public class NoticeQueueTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(NoticeQueueTasklet.class);
    private static final BigDecimal BYTES_PER_GB = new BigDecimal("1000000000");

    private final JdbcTemplate jdbc;
    private final NoticeDocuments documents;
    private final CompanyProfiles company;
    private final NoticeSettings settings;
    private final DunningNotices dunning;
    private final BigDecimal minimumOverdue;
    private final LocalDate date;
    private int queued;

    public NoticeQueueTasklet(JdbcTemplate jdbc, NoticeDocuments documents, CompanyProfiles company,
                              NoticeSettings settings, DunningNotices dunning, BigDecimal minimumOverdue, LocalDate date) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.company = company;
        this.settings = settings;
        this.dunning = dunning;
        this.minimumOverdue = minimumOverdue;
        this.date = date;
    }

    /** The account a notice goes to. */
    private record Recipient(long id, String number, String name, Language language, String email,
                             DeliveryPreference delivery, String currency) {

        DeliveryChannel channel() {
            return email != null && !email.isBlank() && delivery.byEmail() ? DeliveryChannel.EMAIL : DeliveryChannel.PRINT;
        }
    }

    private static final String ACCOUNT_COLUMNS =
            "a.id AS acc_id, a.account_number, a.name, a.language, a.email, a.delivery, a.service_country";

    private static Recipient recipient(ResultSet rs) throws SQLException {
        return new Recipient(rs.getLong("acc_id"), rs.getString("account_number"), rs.getString("name"),
                Language.of(rs.getString("language")), rs.getString("email"),
                DeliveryPreference.valueOf(rs.getString("delivery").trim()),
                BillingCurrency.forServiceCountry(rs.getString("service_country")).name());
    }

    /** An open invoice with a notice due; the values a template receives are made per language. */
    private record Candidate(String key, NoticeKind kind, Recipient to, Map<String, Object> raw) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        queued = 0;
        List<Candidate> candidates = new ArrayList<>();
        if (settings.reminder() && settings.reminderDaysBefore() > 0) {
            invoices(candidates, NoticeKind.PAYMENT_REMINDER, "o.due_date > ? AND o.due_date <= ?",
                    date, date.plusDays(settings.reminderDaysBefore()), NoticeKind.PAYMENT_REMINDER.template() + ".invoice.");
        }
        if (settings.pastDue()) {
            invoices(candidates, NoticeKind.PAST_DUE, "o.due_date <= ? AND o.open_amount >= ?",
                    date.minusDays(settings.pastDueDaysAfter()), minimumOverdue, NoticeKind.PAST_DUE.template() + ".invoice.");
        }
        if (settings.suspension()) {
            events(candidates, NoticeKind.SUSPENSION, "e.to_status = ?", AccountStatus.SUSPENDED.name());
        }
        if (settings.reactivation()) {
            events(candidates, NoticeKind.REACTIVATION, "e.to_status = ? AND e.from_status = ?",
                    AccountStatus.ACTIVE.name(), AccountStatus.SUSPENDED.name());
        }
        for (Candidate c : candidates) {
            queue(c.key(), c.kind(), c.to(), c.raw(), NoticeStatus.PENDING);
        }
        if (settings.usage()) {
            usage();
        }
        contribution.incrementWriteCount(queued);
        log.info("Notices for {}: {} queued", date, queued);
        return RepeatStatus.FINISHED;
    }

    private void invoices(List<Candidate> out, NoticeKind kind, String where, Object... args) {
        jdbc.query("SELECT o.id, o.invoice_number, o.due_date, o.open_amount, " + ACCOUNT_COLUMNS + """
                 FROM open_invoice o JOIN account a ON a.id = o.account_id
                WHERE a.status <> ? AND (o.review_status IN ('CLEARED', 'RELEASED')
                      OR EXISTS (SELECT 1 FROM invoice v WHERE v.id = o.id AND v.origin = ?))
                """ + " AND " + where + """
                  AND NOT EXISTS (SELECT 1 FROM notice n WHERE n.notice_key = CONCAT(?, o.id)) ORDER BY o.id""", rs -> {
            LocalDate due = rs.getObject("due_date", LocalDate.class);
            boolean dueToday = kind == NoticeKind.PAYMENT_REMINDER ? dunning.reminderDue(due, date)
                    : dunning.pastDueWarningDue(due, date);
            if (!dueToday) {
                return;
            }
            Map<String, Object> raw = new HashMap<>();
            raw.put("invoiceNumber", rs.getString("invoice_number"));
            raw.put("dueDate", due);
            raw.put("amount", rs.getBigDecimal("open_amount"));
            out.add(new Candidate(kind.template() + ".invoice." + rs.getLong("id"), kind, recipient(rs), raw));
        }, withStatuses(args));
    }

    /** The account status and invoice origin the invoice queries bind first, then the caller's values. */
    private static Object[] withStatuses(Object... args) {
        Object[] all = new Object[args.length + 2];
        all[0] = AccountStatus.WRITTEN_OFF.name();
        all[1] = InvoiceOrigin.IMPORTED.name();
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    private void events(List<Candidate> out, NoticeKind kind, String where, Object... statuses) {
        jdbc.query("SELECT e.id, e.overdue_amount, e.oldest_due_date, " + ACCOUNT_COLUMNS + """
                 FROM delinquency_event e JOIN account a ON a.id = e.account_id
                WHERE e.event_date = ?""" + " AND " + where + " ORDER BY e.id", rs -> {
            Map<String, Object> raw = new HashMap<>();
            raw.put("invoiceNumber", "");
            raw.put("dueDate", rs.getObject("oldest_due_date", LocalDate.class));
            raw.put("amount", rs.getBigDecimal("overdue_amount"));
            out.add(new Candidate(kind.template() + ".event." + rs.getLong("id"), kind, recipient(rs), raw));
        }, java.util.stream.Stream.concat(java.util.stream.Stream.of(date), java.util.Arrays.stream(statuses)).toArray());
    }

    /** Usage alerts: each running subscription of a plan with included GB, its DATA usage in the account period holding the date. */
    private void usage() {
        UsageAllowanceAlerts alerts = new UsageAllowanceAlerts(settings.usageThresholds());
        record Sub(long id, String serviceId, BigDecimal includedGb, BigDecimal overage, LocalDate start,
                   LocalDate end, Recipient to) {
        }
        List<Sub> subs = new ArrayList<>();
        jdbc.query("SELECT s.id AS sub_id, p.included_gb, p.overage_per_gb, a.next_bill_date, " + ACCOUNT_COLUMNS + """
                , (SELECT MIN(i.service_id) FROM service_identifier i WHERE i.subscription_id = s.id) AS service_id
                 FROM subscription s JOIN plan p ON p.code = s.plan_code JOIN account a ON a.id = s.account_id
                WHERE p.included_gb > 0 AND NOT EXISTS (SELECT 1 FROM data_band b WHERE b.plan_code = p.code)
                  AND s.start_date <= ? AND (s.end_date IS NULL OR s.end_date >= ?)
                  AND a.status NOT IN (?, ?) ORDER BY s.id""", rs -> {
            LocalDate end = rs.getObject("next_bill_date", LocalDate.class);
            // the account period holding the date: a month long, ending on a bill date
            while (!date.isBefore(end)) {
                end = end.plusMonths(1);
            }
            while (date.isBefore(end.minusMonths(1))) {
                end = end.minusMonths(1);
            }
            String serviceId = rs.getString("service_id");
            subs.add(new Sub(rs.getLong("sub_id"), serviceId == null ? "" : serviceId, rs.getBigDecimal("included_gb"),
                    rs.getBigDecimal("overage_per_gb"), end.minusMonths(1), end, recipient(rs)));
        }, date, date, AccountStatus.SUSPENDED.name(), AccountStatus.WRITTEN_OFF.name());
        // DATA bytes per subscription and day since the earliest period start, in one query; each
        // subscription then sums the days of its own period
        Map<Long, java.util.TreeMap<LocalDate, BigDecimal>> daily = new HashMap<>();
        jdbc.query("""
                SELECT u.subscription_id, CAST(u.start_time AS DATE), SUM(u.billable_units) FROM usage_record u
                WHERE u.usage_type = ? AND u.status IN (?, ?) AND u.start_time >= ? AND u.start_time < ?
                GROUP BY u.subscription_id, CAST(u.start_time AS DATE)""", rs -> {
            daily.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeMap<>())
                    .put(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3));
        }, UsageType.DATA.name(), UsageStatus.RATED.name(), UsageStatus.BILLED.name(),
                date.minusMonths(1).minusDays(3).atStartOfDay(), date.plusDays(1).atStartOfDay());
        for (Sub sub : subs) {
            BigDecimal used = daily.getOrDefault(sub.id(), new java.util.TreeMap<>()).tailMap(sub.start(), true)
                    .values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            List<Integer> reached = alerts.reached(used.toBigIntegerExact(), sub.includedGb());
            if (reached.isEmpty()) {
                continue;
            }
            String keyEnd = ".subscription." + sub.id() + "." + sub.start();
            int highest = reached.get(reached.size() - 1);
            if (exists("usage-" + highest + keyEnd)) {
                continue;
            }
            Map<String, Object> raw = new HashMap<>();
            raw.put("threshold", highest);
            raw.put("serviceId", sub.serviceId());
            raw.put("usedGb", new BigDecimal(used.toBigIntegerExact()).divide(BYTES_PER_GB, 2, RoundingMode.DOWN));
            raw.put("includedGb", sub.includedGb());
            raw.put("overagePerGb", sub.overage() == null ? BigDecimal.ZERO : sub.overage());
            raw.put("periodEnd", sub.end().minusDays(1));
            queue("usage-" + highest + keyEnd, NoticeKind.USAGE_ALERT, sub.to(), raw, NoticeStatus.PENDING);
            for (int lower : reached.subList(0, reached.size() - 1)) {
                // passed the same day as a higher one: recorded, never sent later
                queue("usage-" + lower + keyEnd, NoticeKind.USAGE_ALERT, sub.to(), raw, NoticeStatus.SKIPPED);
            }
        }
    }

    private boolean exists(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notice WHERE notice_key = ?", Integer.class, key) > 0;
    }

    private void queue(String key, NoticeKind kind, Recipient to, Map<String, Object> raw, NoticeStatus status) {
        if (exists(key)) {
            return;
        }
        NoticeText text = documents.render(kind.template(), to.language(), language -> values(language, to, raw));
        DeliveryChannel channel = to.channel();
        jdbc.update("""
                INSERT INTO notice (notice_key, account_id, kind, notice_date, channel, destination, subject, body, status,
                    attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""",
                key, to.id(), kind.name(), date, channel.name(), channel == DeliveryChannel.EMAIL ? to.email().trim() : null,
                cut(text.subject(), 400), cut(text.body(), 8000), status.name(), Timestamp.from(Instant.now()));
        if (status == NoticeStatus.PENDING) {
            queued++;
        }
    }

    /** What the templates receive, written the language's way: {@code $68.99} / {@code 68,99 $}. */
    private Map<String, Object> values(Language language, Recipient to, Map<String, Object> raw) {
        InvoiceFormat format = new InvoiceFormat(language);
        CompanyProfile profile = company.forLanguage(language);
        Map<String, Object> values = new HashMap<>();
        values.put("customerName", to.name());
        values.put("accountNumber", to.number());
        values.put("noticeDate", format.date(date));
        values.put("companyName", profile.name());
        values.put("companyPhone", profile.phone());
        raw.forEach((name, value) -> {
            if (value instanceof LocalDate d) {
                values.put(name, format.date(d));
            } else if (name.equals("amount") || name.equals("overagePerGb")) {
                values.put(name, format.money((BigDecimal) value, to.currency()));
            } else if (name.equals("usedGb") || name.equals("includedGb")) {
                values.put(name, format.quantity(((BigDecimal) value).stripTrailingZeros(),
                        language == Language.FR ? "Go" : "GB"));
            } else {
                values.put(name, String.valueOf(value));
            }
        });
        return values;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
