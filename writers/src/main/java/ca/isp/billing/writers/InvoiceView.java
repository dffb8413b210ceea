package ca.isp.billing.writers;

import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.LineType;
import ca.isp.billing.domain.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the invoice and email templates receive as {@code invoice}: every value already
 * formatted for the invoice's language, so a template only places text. Charges (every line
 * but TAX) go to {@code lines}, taxes to {@code taxes} for the totals block.
 */
public record InvoiceView(String language, String invoiceNumber, String accountNumber, String customerName,
                          List<String> mailingAddress, String invoiceDate, String dueDate,
                          String servicePeriod, String periodStart, String periodEnd, String currency,
                          List<Line> lines, List<Tax> taxes, String subtotal, String tax, String total,
                          String previousBalance, String amountDue, boolean nothingDue, Company company) {

    /** One charge or credit row: description, period, quantity with unit, unit price and amount. */
    public record Line(String type, String description, String period, String quantity, String unitPrice,
                       String amount) {
    }

    /** One tax of the totals block, for example "TPS 5 %" and its amount. */
    public record Tax(String description, String amount) {
    }

    /** The ISP; {@code message} is the custom message in the invoice's language ("" when none). */
    public record Company(String name, String legalName, List<String> addressLines, String phone, String email,
                          String website, String remittanceNote, String message, String logo) {
    }

    /**
     * Formats a document, after checking that what the customer reads adds up:
     * subtotal = charges, tax = taxes, total = subtotal + tax, amount due = previous balance + total.
     */
    public static InvoiceView of(InvoiceDocument doc) {
        checkTotals(doc);
        InvoiceFormat format = new InvoiceFormat(doc.language());
        String currency = doc.currency();
        List<Line> lines = new ArrayList<>();
        List<Tax> taxes = new ArrayList<>();
        for (InvoiceLine line : doc.lines()) {
            if (line.type() == LineType.TAX) {
                taxes.add(new Tax(text(line.description()), format.money(line.amount(), currency)));
            } else {
                lines.add(new Line(line.type().name(), text(line.description()),
                        format.period(line.periodStart(), line.periodEnd()),
                        format.quantity(line.quantity(), line.unit()),
                        line.unitPrice() == null ? "" : format.money(line.unitPrice(), currency),
                        format.money(line.amount(), currency)));
            }
        }
        CompanyProfile profile = doc.company();
        String message = switch (doc.language()) {
            case EN -> profile.messageEn();
            case FR -> profile.messageFr();
        };
        Company company = new Company(profile.name(), profile.legalName(), profile.addressLines(),
                profile.phone(), profile.email(), profile.website(), text(profile.remittanceAddressNote()),
                text(message), profile.logo() == null ? "" : profile.logo().toAbsolutePath().toUri().toString());
        return new InvoiceView(doc.language().code(), doc.invoiceNumber(), doc.accountNumber(),
                doc.customerName(), doc.mailingAddressLines(), format.date(doc.invoiceDate()),
                format.date(doc.dueDate()), format.servicePeriod(doc.periodStart(), doc.periodEnd()),
                format.date(doc.periodStart()), format.date(doc.periodEnd()), currency, List.copyOf(lines),
                List.copyOf(taxes), format.money(doc.subtotal(), currency), format.money(doc.tax(), currency),
                format.money(doc.total(), currency), format.money(doc.previousBalance(), currency),
                format.money(doc.amountDue(), currency), doc.amountDue().signum() <= 0, company);
    }

    private static void checkTotals(InvoiceDocument doc) {
        List<BigDecimal> charges = new ArrayList<>();
        List<BigDecimal> taxes = new ArrayList<>();
        for (InvoiceLine line : doc.lines()) {
            (line.type() == LineType.TAX ? taxes : charges).add(line.amount());
        }
        requireEqual(doc, "subtotal", doc.subtotal(), "the sum of the non-tax lines", Money.sum(charges));
        requireEqual(doc, "tax", doc.tax(), "the sum of the TAX lines", Money.sum(taxes));
        requireEqual(doc, "total", doc.total(), "subtotal + tax", doc.subtotal().add(doc.tax()));
        requireEqual(doc, "amountDue", doc.amountDue(), "previousBalance + total",
                doc.previousBalance().add(doc.total()));
    }

    private static void requireEqual(InvoiceDocument doc, String field, BigDecimal actual, String rule,
                                     BigDecimal expected) {
        if (actual.compareTo(expected) != 0) {
            throw new IllegalArgumentException("invoice " + doc.invoiceNumber() + ": " + field + " " + actual
                    + " is not " + rule + " (" + expected + ")");
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
