package ca.isp.billing.jobs;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import ca.isp.billing.domain.DayCount;
import ca.isp.billing.domain.InvoiceNumbering;
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
 * @param emailFrom    sender address of invoice emails
 * @param invoiceNumber how issued invoices are numbered
 * @param plausible    how far input dates may be from today, and how far behind an account may be
 * @param handoff      which couriers hand invoices over, and when an outage stops the step
 * @param lob          Lob's API (letters): used when its key is set
 * @param smtp         the mail server (emails): used when its host is set
 */
@ConfigurationProperties("billing")
public record BillingProperties(Path home, Path templates,
                                @DefaultValue("0") int gridSize,
                                @DefaultValue("200") int chunkSize,
                                @DefaultValue("21") int paymentTermsDays,
                                @DefaultValue("billing@northernlights.example") String emailFrom,
                                @DefaultValue InvoiceNumber invoiceNumber,
                                @DefaultValue LateFee lateFee,
                                @DefaultValue Delinquency delinquency,
                                @DefaultValue Plausible plausible,
                                @DefaultValue Handoff handoff,
                                @DefaultValue Lob lob,
                                @DefaultValue Smtp smtp,
                                @DefaultValue Proration proration) {

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

    /** A flat late fee once per overdue invoice, after a grace period. */
    public record LateFee(@DefaultValue("LATE-FLAT") String code,
                          @DefaultValue("10.00") BigDecimal amount,
                          @DefaultValue("5") int graceDays,
                          @DefaultValue("5.00") BigDecimal minimumOpenAmount) {
    }

    /** An account is delinquent when an invoice is this many days past due. */
    public record Delinquency(@DefaultValue("30") int daysPastDue,
                              @DefaultValue("10.00") BigDecimal minimumOverdue) {
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
     * step; fewer leave their rows PENDING and the step completes with a warning.
     */
    public record Handoff(@DefaultValue("CA") List<String> mailVendorCountries,
                          @DefaultValue("10") int maxConsecutiveErrors) {
    }

    /**
     * Lob's print-and-mail API, from the environment ({@code LOB_API_KEY}, {@code LOB_BASE_URL}).
     * No key: letters go to the mail-vendor batch. 429 and 5xx answers are tried again up to
     * {@code maxAttempts} times in all, waiting {@code retryDelay}, doubled each time, with jitter.
     */
    public record Lob(String apiKey,
                      @DefaultValue("https://api.lob.com/v1") String baseUrl,
                      @DefaultValue("false") boolean color,
                      @DefaultValue("true") boolean doubleSided,
                      @DefaultValue("4") int maxAttempts,
                      @DefaultValue("1s") Duration retryDelay,
                      @DefaultValue("60s") Duration timeout) {

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
