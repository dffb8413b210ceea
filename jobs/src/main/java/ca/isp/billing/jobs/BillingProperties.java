package ca.isp.billing.jobs;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import ca.isp.billing.domain.InvoiceNumbering;

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
 */
@ConfigurationProperties("billing")
public record BillingProperties(Path home, Path templates,
                                @DefaultValue("0") int gridSize,
                                @DefaultValue("200") int chunkSize,
                                @DefaultValue("21") int paymentTermsDays,
                                @DefaultValue("billing@northernlights.example") String emailFrom,
                                @DefaultValue InvoiceNumber invoiceNumber,
                                @DefaultValue LateFee lateFee,
                                @DefaultValue Delinquency delinquency) {

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
