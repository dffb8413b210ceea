package ca.isp.billing.writers;

import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.InvoiceSegment;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.Statement;
import ca.isp.billing.domain.UsageSummary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything printed on one invoice, already computed: the renderer only formats it.
 * {@code lines} holds every line type including TAX; {@code statement} is the balance forward:
 * previous balance - payments received + adjustments + this invoice's total = amount due.
 * The service period dates are inclusive and may be null for an invoice without a period.
 * {@code segment} and {@code cycleDate} (null: not of a cycle) choose the invoice's messages and
 * attachments (templates/messages, templates/attachments). {@code usage} is the usage summary of
 * what the invoice billed (charged or not), NONE without usage. {@code serviceEnded} is the last
 * day of service of a final bill (close-account: the invoice says it is the last one), null on any other.
 */
public record InvoiceDocument(CompanyProfile company, Language language, String invoiceNumber,
                              String accountNumber, String customerName, List<String> mailingAddressLines,
                              LocalDate invoiceDate, LocalDate dueDate, LocalDate periodStart,
                              LocalDate periodEnd, List<InvoiceLine> lines, BigDecimal subtotal,
                              BigDecimal tax, BigDecimal total, Statement statement, String currency,
                              InvoiceSegment segment, LocalDate cycleDate, UsageSummary usage,
                              LocalDate serviceEnded) {

    /** An invoice without a usage summary (UsageSummary.NONE) that is not a final bill. */
    public InvoiceDocument(CompanyProfile company, Language language, String invoiceNumber,
                           String accountNumber, String customerName, List<String> mailingAddressLines,
                           LocalDate invoiceDate, LocalDate dueDate, LocalDate periodStart,
                           LocalDate periodEnd, List<InvoiceLine> lines, BigDecimal subtotal,
                           BigDecimal tax, BigDecimal total, Statement statement, String currency,
                           InvoiceSegment segment, LocalDate cycleDate) {
        this(company, language, invoiceNumber, accountNumber, customerName, mailingAddressLines, invoiceDate, dueDate,
                periodStart, periodEnd, lines, subtotal, tax, total, statement, currency, segment, cycleDate,
                UsageSummary.NONE, null);
    }

    /** An invoice whose segment is only its language, of no cycle (tests, previews). */
    public InvoiceDocument(CompanyProfile company, Language language, String invoiceNumber,
                           String accountNumber, String customerName, List<String> mailingAddressLines,
                           LocalDate invoiceDate, LocalDate dueDate, LocalDate periodStart,
                           LocalDate periodEnd, List<InvoiceLine> lines, BigDecimal subtotal,
                           BigDecimal tax, BigDecimal total, Statement statement, String currency) {
        this(company, language, invoiceNumber, accountNumber, customerName, mailingAddressLines, invoiceDate, dueDate,
                periodStart, periodEnd, lines, subtotal, tax, total, statement, currency,
                InvoiceSegment.of(language), null, UsageSummary.NONE, null);
    }

    public InvoiceDocument {
        Objects.requireNonNull(company, "company is required");
        Objects.requireNonNull(language, "language is required");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber is required");
        String where = "invoice " + invoiceNumber + ": ";
        Objects.requireNonNull(accountNumber, where + "accountNumber is required");
        Objects.requireNonNull(customerName, where + "customerName is required");
        mailingAddressLines = List.copyOf(Objects.requireNonNull(mailingAddressLines,
                where + "mailingAddressLines are required"));
        Objects.requireNonNull(invoiceDate, where + "invoiceDate is required");
        Objects.requireNonNull(dueDate, where + "dueDate is required");
        lines = List.copyOf(Objects.requireNonNull(lines, where + "lines are required"));
        Objects.requireNonNull(subtotal, where + "subtotal is required");
        Objects.requireNonNull(tax, where + "tax is required");
        Objects.requireNonNull(total, where + "total is required");
        Objects.requireNonNull(statement, where + "statement is required");
        if (!"CAD".equals(currency) && !"USD".equals(currency)) {
            throw new IllegalArgumentException(where + "currency must be CAD or USD, got " + currency);
        }
        Objects.requireNonNull(segment, where + "segment is required");
        Objects.requireNonNull(usage, where + "usage is required (UsageSummary.NONE when none)");
    }

    /** What the customer is asked to pay: the account's balance on the invoice date. */
    public BigDecimal amountDue() {
        return statement.amountDue();
    }
}
