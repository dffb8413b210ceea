package ca.isp.billing.jobs;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import ca.isp.billing.domain.DayCount;
import ca.isp.billing.domain.InvoiceNumbering;
import ca.isp.billing.domain.PaymentTerms;
import ca.isp.billing.domain.PenaltyClass;
import ca.isp.billing.domain.WriteOffPolicy;
import ca.isp.billing.domain.ProrationSettings;

/**
 * Settings of the pipeline ({@code billing.*} in application.properties, overridable from the
 * environment). Billing rules read their numbers from here, never from constants in code.
 *
 * @param home         root of var/: db, inbox, archive, rejects, out
 * @param templates    operator-editable templates folder (invoice, email, company profile, logo)
 * @param gridSize     partitions per account-level step; 0 = one per processor core
 * @param chunkSize    items per transaction in chunk steps
 * @param paymentTermsDays days between invoice date and due date
 * @param paymentTermsByCustomerType the same for a customer type (COMMERCIAL: 30), instead of paymentTermsDays
 * @param emailFrom    sender address of invoice emails
 * @param invoiceNumber how issued invoices are numbered
 * @param plausible    how far input dates may be from today, and how far behind an account may be
 * @param handoff      which couriers hand invoices over, and when an outage stops the step
 * @param lob          Lob's API (letters): used when its key is set
 * @param smtp         the mail server (emails): used when its host is set
 * @param bounces      the bounce mailbox (IMAP): read when its host is set
 * @param ingest       where usage comes from: one source per folder and format
 * @param gl           the company's general-ledger accounts for the accounting export
 */
@ConfigurationProperties("billing")
public record BillingProperties(Path home, Path templates,
                                @DefaultValue("0") int gridSize,
                                @DefaultValue("200") int chunkSize,
                                @DefaultValue("21") int paymentTermsDays,
                                Map<String, Integer> paymentTermsByCustomerType,
                                @DefaultValue("billing@northernlights.example") String emailFrom,
                                @DefaultValue InvoiceNumber invoiceNumber,
                                @DefaultValue LateFee lateFee,
                                @DefaultValue Delinquency delinquency,
                                @DefaultValue Plausible plausible,
                                @DefaultValue Handoff handoff,
                                @DefaultValue Lob lob,
                                @DefaultValue Smtp smtp,
                                @DefaultValue Bounces bounces,
                                @DefaultValue Ingest ingest,
                                @DefaultValue Proration proration,
                                @DefaultValue Gl gl,
                                @DefaultValue WriteOff writeOff,
                                @DefaultValue Charge charge) {

    /**
     * billing.charge.*: whether an account SUSPENDED by collections (non-payment) is still billed
     * its plans (bill-suspended, default true, as ISPs usually do); false: no recurring charge for
     * the days suspended, prorated by day like a subscription's own suspension.
     */
    public record Charge(@DefaultValue("true") boolean billSuspended) {
    }

    /**
     * The company's general-ledger accounts (billing.gl.*) for the journal the accounting export
     * writes. A plan's revenue and a tax's payable account come from the plans and tax-rates files
     * (gl_account); these are the defaults for a blank one, and the accounts no file names.
     */
    public record Gl(@DefaultValue("1200") String receivables,
                     @DefaultValue("1000") String cash,
                     @DefaultValue("4000") String revenue,
                     @DefaultValue("4100") String oneTimeCharges,
                     @DefaultValue("4900") String credits,
                     @DefaultValue("4500") String lateFees,
                     @DefaultValue("2300") String taxPayable,
                     @DefaultValue("6500") String badDebt,
                     @DefaultValue("6500") String badDebtRecovery,
                     @DefaultValue("2410") String unappliedCash) {
    }

    /**
     * Write-offs (billing.write-off.*): a suspended account's balance is written off afterDays
     * after the due date of its oldest unpaid invoice (0: never), by the collections job.
     */
    public record WriteOff(@DefaultValue("0") int afterDays) {

        public WriteOffPolicy policy() {
            return new WriteOffPolicy(afterDays);
        }
    }

    /** Due dates: net paymentTermsDays, or the customer type's own terms. */
    public PaymentTerms paymentTerms() {
        return new PaymentTerms(paymentTermsDays, paymentTermsByCustomerType);
    }

    /**
     * Which changes to a subscription are prorated by days (billing.proration.*, all on by
     * default): one switched off bills whole terms for it (see docs/RECURRING-CHARGES.md). Days are
     * actual days, or THIRTY_DAY_MONTHS.
     */
    public record Proration(@DefaultValue("true") boolean activation,
                            @DefaultValue("true") boolean cancellation,
                            @DefaultValue("true") boolean planChange,
                            @DefaultValue("true") boolean quantityChange,
                            @DefaultValue("true") boolean suspension,
                            @DefaultValue("ACTUAL_DAYS") DayCount dayCount) {

        public ProrationSettings settings() {
            return new ProrationSettings(activation, cancellation, planChange, quantityChange, suspension, dayCount);
        }
    }

    /**
     * Invoice numbers: the prefix ({@code {year}} is the invoice's year, a new gapless series
     * each year) and the width of the counter: {@code F-{year}-} and 6 give F-2026-000123.
     */
    public record InvoiceNumber(@DefaultValue("F-{year}-") String prefix,
                                @DefaultValue("6") int width) {

        /** The numbering rule; an unusable prefix or width is refused here, when the program starts. */
        public InvoiceNumbering numbering() {
            return new InvoiceNumbering(prefix, width);
        }
    }

    /**
     * The company's default late fee for accounts without a penalty class: the imported class
     * named {@code defaultClass} when there is one, otherwise this flat fee once per overdue
     * invoice after a grace period, on the whole open amount.
     */
    public record LateFee(@DefaultValue("LATE-FLAT") String code,
                          @DefaultValue("10.00") BigDecimal amount,
                          @DefaultValue("5") int graceDays,
                          @DefaultValue("5.00") BigDecimal minimumOpenAmount,
                          @DefaultValue("") String defaultClass) {

        public PenaltyClass flatClass() {
            return PenaltyClass.flat(code, amount, graceDays, minimumOpenAmount);
        }
    }

    /**
     * An account is delinquent when an invoice is this many days past due, on an allowed weekday
     * that is no imported exclusion date; suspended suspendAfterDays after that (0: never).
     */
    public record Delinquency(@DefaultValue("30") int daysPastDue,
                              @DefaultValue("10.00") BigDecimal minimumOverdue,
                              @DefaultValue("0") int suspendAfterDays,
                              @DefaultValue("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY")
                              Set<DayOfWeek> allowedDays) {
    }

    /**
     * What input is plausible. Each kind of date has a window from {@code -back} before today to
     * {@code -ahead} after it (periods: {@code 6m}, {@code 1y}, {@code 7d}); a line whose date falls
     * outside is rejected, naming the window. The inbox windows (usage, payments) also span the
     * cycle date, so a cycle billed for another day than today takes that day's files. An account
     * more than {@code catchUpPeriods} account periods behind the cycle date is charged only by a
     * run started with --force.
     */
    public record Plausible(@DefaultValue("6m") Period usageBack,
                            @DefaultValue("1d") Period usageAhead,
                            @DefaultValue("1y") Period paymentBack,
                            @DefaultValue("7d") Period paymentAhead,
                            @DefaultValue("1y") Period nextBillBack,
                            @DefaultValue("1y") Period nextBillAhead,
                            @DefaultValue("30y") Period subscriptionBack,
                            @DefaultValue("10y") Period subscriptionAhead,
                            @DefaultValue("5y") Period openingBalanceBack,
                            @DefaultValue("3m") Period openingBalanceAhead,
                            @DefaultValue("3") int catchUpPeriods) {
    }

    /**
     * The hand-off. Letters to a country in {@code mailVendorCountries} go to the mail-vendor batch
     * even when Lob is set up (Lob mails them from the US as international mail, with a lower sheet
     * limit; a local print shop is cheaper and faster). A courier that fails to take
     * {@code maxConsecutiveErrors} deliveries in a row (an outage: no answer, 4xx, 5xx) fails the
     * step; fewer leave their rows PENDING and the step completes with a warning. The vendor prints
     * double-sided unless {@code vendorDoubleSided} is false (the manifest's sheet counts), and
     * with {@code vendorZip} the batch is also zipped whole, one file per cycle.
     */
    public record Handoff(@DefaultValue("CA") List<String> mailVendorCountries,
                          @DefaultValue("10") int maxConsecutiveErrors,
                          @DefaultValue("true") boolean vendorDoubleSided,
                          @DefaultValue("false") boolean vendorZip) {
    }

    /**
     * Lob's print-and-mail API, from the environment ({@code LOB_API_KEY}, {@code LOB_BASE_URL}).
     * No key: letters go to the mail-vendor batch. 429 and 5xx answers are tried again up to
     * {@code maxAttempts} times in all, waiting {@code retryDelay}, doubled each time, with jitter,
     * or as long as Lob's {@code Retry-After} asks, at most {@code maxRetryAfter}.
     */
    public record Lob(String apiKey,
                      @DefaultValue("https://api.lob.com/v1") String baseUrl,
                      @DefaultValue("false") boolean color,
                      @DefaultValue("true") boolean doubleSided,
                      @DefaultValue("4") int maxAttempts,
                      @DefaultValue("1s") Duration retryDelay,
                      @DefaultValue("60s") Duration timeout,
                      @DefaultValue("60s") Duration maxRetryAfter) {

        public boolean configured() {
            return apiKey != null && !apiKey.isBlank();
        }

        /** Never the key: this may end up in a log line. */
        @Override
        public String toString() {
            return "Lob[baseUrl=" + baseUrl + ", key " + (configured() ? "set" : "not set") + "]";
        }
    }

    /**
     * The SMTP server, from the environment ({@code SMTP_HOST}, {@code SMTP_PORT},
     * {@code SMTP_SECURITY}, {@code SMTP_USER}, {@code SMTP_PASSWORD}). No host: emails are
     * written as .eml files. Security: {@code starttls} (required, not opportunistic), {@code tls}
     * (implicit TLS, port 465) or {@code none} (a relay on the same machine or network only).
     */
    public record Smtp(String host,
                       @DefaultValue("587") int port,
                       @DefaultValue("starttls") Security security,
                       String user,
                       String password,
                       @DefaultValue("30s") Duration timeout) {

        /** How the connection to the server is protected. */
        public enum Security { NONE, STARTTLS, TLS }

        public boolean configured() {
            return host != null && !host.isBlank();
        }

        /** Never the password: this may end up in a log line. */
        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + ", " + security + ", user " + (user == null || user.isBlank() ? "none" : user)
                    + ", password " + (password == null || password.isEmpty() ? "not set" : "set") + "]";
        }
    }

    /**
     * The bounce mailbox, over IMAP, from the environment ({@code BOUNCES_HOST}, {@code BOUNCES_PORT},
     * {@code BOUNCES_SECURITY}, {@code BOUNCES_USER}, {@code BOUNCES_PASSWORD}): where delivery
     * status notifications of emails that bounced after the server accepted them arrive (the
     * envelope sender's mailbox). No host: not read. Security: {@code tls} (implicit TLS, port
     * 993) or {@code none} (a server on the same machine or network only).
     */
    public record Bounces(String host,
                          @DefaultValue("993") int port,
                          @DefaultValue("tls") Security security,
                          String user,
                          String password,
                          @DefaultValue("INBOX") String folder,
                          @DefaultValue("30s") Duration timeout) {

        /** How the connection to the server is protected. */
        public enum Security { NONE, TLS }

        public boolean configured() {
            return host != null && !host.isBlank();
        }

        /** Never the password: this may end up in a log line. */
        @Override
        public String toString() {
            return "Bounces[" + host + ":" + port + ", " + security + ", user " + (user == null || user.isBlank() ? "none" : user)
                    + ", password " + (password == null || password.isEmpty() ? "not set" : "set") + ", folder " + folder + "]";
        }
    }

    /**
     * The usage sources ({@code billing.ingest.sources.<name>.*}), read by the ingest step in name
     * order. Which reader takes a file is configured here, never guessed from its content. There
     * is always {@code usage}, the generic usage CSV in {@code inbox/usage/}, unless configured
     * otherwise under that name.
     */
    public record Ingest(Map<String, Source> sources) {

        public Ingest {
            Map<String, Source> all = new TreeMap<>(sources == null ? Map.of() : sources);
            all.putIfAbsent(Source.DEFAULT_NAME, new Source(SourceFormat.USAGE_CSV, null, null, null, false, false,
                    false, false, null, Source.CALLER));
            sources = Collections.unmodifiableMap(all);
        }
    }

    /** What writes a source's files, hence which reader takes them. */
    public enum SourceFormat {
        /** This project's usage CSV (docs/FILE-FORMATS.md), through the inbox. */
        USAGE_CSV,
        /** FreeRADIUS 3.x accounting detail files, read in place in the server's folder. */
        FREERADIUS_DETAIL,
        /** Asterisk cdr_csv Master.csv, through the inbox. */
        ASTERISK_CSV,
        /** FreeSWITCH mod_cdr_csv, through the inbox. */
        FREESWITCH_CSV,
        /** A collector's call records with a header (docs/FILE-FORMATS.md), through the inbox. */
        GENERIC_CDR;

        /** FreeRADIUS's folder is read in place; every other source's files pass through the inbox. */
        public boolean inPlace() {
            return this == FREERADIUS_DETAIL;
        }
    }

    /**
     * One usage source. Its name (lower case letters, digits and '-', at most 20) is the
     * {@code source} of its usage records, the kind of its files ({@code archive/<name>/}) and the
     * default inbox folder ({@code inbox/<name>/}).
     *
     * @param format        which reader takes its files
     * @param folder        where its files are (relative: under BILLING_HOME); FreeRADIUS's accounting
     *                      folder (its {@code <nas-ip>/} subfolders are read too) is required
     * @param pattern       a glob on file names: {@code *.csv} by default, {@code detail-} and 8 digits for FreeRADIUS
     * @param zone          the zone of the times the equipment writes without one (the system's by default)
     * @param stripRealm    FreeRADIUS: match on the user name without its {@code @realm}
     * @param logUniqueId   Asterisk cdr.conf [csv] loguniqueid=yes (a uniqueid column)
     * @param logUserField  Asterisk loguserfield=yes (a userfield column)
     * @param newCdrColumns Asterisk newcdrcolumns=yes (peeraccount, linkedid, sequence)
     * @param template      FreeSWITCH: the mod_cdr_csv template its files were written with (the example one by default)
     * @param matchBy       calls: which number finds the subscription, {@code caller} (by default) or {@code account-code}
     */
    public record Source(@DefaultValue("usage-csv") SourceFormat format, Path folder, String pattern, ZoneId zone,
                         @DefaultValue("false") boolean stripRealm,
                         @DefaultValue("false") boolean logUniqueId,
                         @DefaultValue("false") boolean logUserField,
                         @DefaultValue("false") boolean newCdrColumns,
                         String template,
                         @DefaultValue(CALLER) String matchBy) {

        /** The source every installation has: the generic usage CSV in {@code inbox/usage/}. */
        public static final String DEFAULT_NAME = "usage";
        public static final String CALLER = "caller";
        public static final String ACCOUNT_CODE = "account-code";

        public Source {
            if (!CALLER.equals(matchBy) && !ACCOUNT_CODE.equals(matchBy)) {
                throw new IllegalArgumentException("billing.ingest.sources.*.match-by must be " + CALLER + " or "
                        + ACCOUNT_CODE + ", not '" + matchBy + "'");
            }
        }

        /**
         * FreeRADIUS's own names, detail-YYYYMMDD: not a rotated copy (detail-20251101.gz), which
         * would be read as garbage.
         */
        public static final String DETAIL_FILES = "detail-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]";

        /** The glob its file names must match. */
        public String effectivePattern() {
            return pattern != null && !pattern.isBlank() ? pattern
                    : format == SourceFormat.FREERADIUS_DETAIL ? DETAIL_FILES : "*.csv";
        }

        public ZoneId effectiveZone() {
            return zone != null ? zone : ZoneId.systemDefault();
        }
    }

    /**
     * Where a source's files are: its folder (relative to the home), else {@code inbox/<name>/}.
     * FreeRADIUS has no default: its folder is the server's, named on purpose.
     */
    public Path sourceFolder(String name, Source source) {
        if (source.folder() != null) {
            return home.resolve(source.folder());
        }
        if (source.format().inPlace()) {
            throw new IllegalArgumentException("billing.ingest.sources." + name + ".folder is required for "
                    + source.format() + ": the server's accounting folder (for example /var/log/freeradius/radacct)");
        }
        return inbox(name);
    }

    public int effectiveGridSize() {
        return gridSize > 0 ? gridSize : Runtime.getRuntime().availableProcessors();
    }

    public Path inbox(String kind) {
        return home.resolve("inbox").resolve(kind);
    }

    public Path archive(String kind) {
        return home.resolve("archive").resolve(kind);
    }

    public Path rejects() {
        return home.resolve("rejects");
    }

    public Path out() {
        return home.resolve("out");
    }

    /** Where a cycle's reports go: {@code out/reports/<cycle date>/}. */
    public Path reports(LocalDate cycleDate) {
        return out().resolve("reports").resolve(cycleDate.toString());
    }
}
