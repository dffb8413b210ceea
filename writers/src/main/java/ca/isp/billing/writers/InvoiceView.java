package ca.isp.billing.writers;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.InvoiceTotals;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.LedgerEntry;
import ca.isp.billing.domain.LineType;
import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.Statement;

/**
 * What the invoice and email templates receive as {@code invoice}: every value already
 * formatted for the invoice's language, so a template only places text. Charges (every line
 * but TAX) go to {@code lines}, taxes to {@code taxes} for the totals block; the balance forward
 * (previous balance, payments received, adjustments, amount due) to its own fields; the usage
 * summary (UsageSummary) to {@code usageData} and {@code usageCalls}, numbers formatted.
 * {@code serviceEnded} is a final bill's last day of service, formatted ("" on any other invoice).
 */
public record InvoiceView(String language, String invoiceNumber, String accountNumber, String customerName,
                          List<String> mailingAddress, String invoiceDate, String dueDate,
                          String servicePeriod, String periodStart, String periodEnd, String currency,
                          List<Line> lines, List<Tax> taxes, String subtotal, String tax, String total,
                          String previousBalance, List<Payment> payments, boolean paymentsListed,
                          int paymentCount, String paymentsReceived, List<Adjustment> adjustments,
                          String amountDue, boolean nothingDue, Company company, List<Message> messages,
                          List<UsageData> usageData, List<UsageCalls> usageCalls, String serviceEnded) {

    /** Up to this many payments are listed one by one; more are shown as their count and total. */
    public static final int PAYMENTS_LISTED = 5;

    /** One charge or credit row: description, period, quantity with unit, unit price and amount. */
    public record Line(String type, String description, String period, String quantity, String unitPrice,
                       String amount) {
    }

    /** One tax of the totals block, for example "TPS 5 %" and its amount. */
    public record Tax(String description, String amount) {
    }

    /** A payment received since the last invoice: its date (compact), its reference, and its amount as a deduction. */
    public record Payment(String date, String reference, String amount) {
    }

    /** An invoice message of templates/messages (a cycle's, a segment's) in the view's language. */
    public record Message(String text) {
    }

    /** Another ledger entry since the last invoice; {@code type} is the LedgerEntryType's name. */
    public record Adjustment(String type, String date, String reference, String amount) {
    }

    /**
     * The usage summary's data of one subscription: its plan's name, the GB used and the GB its
     * plan includes ("" when it includes no set amount: unlimited, or counted per day).
     */
    public record UsageData(String plan, String used, String included) {
    }

    /** The usage summary's calls of one time band: " (Evening)" ("" without bands), how many, billable minutes. */
    public record UsageCalls(String band, String calls, String minutes) {
    }

    /** The ISP; {@code message} is the custom message in the invoice's language ("" when none). */
    public record Company(String name, String legalName, List<String> addressLines, String phone, String email,
                          String website, String remittanceNote, String message, String logo) {
    }

    /**
     * Formats a document, after checking that what the customer reads adds up: subtotal, tax
     * and total are InvoiceTotals of the lines, the statement's new charges are the total, the
     * payments shown add up to the payments received, and amount due = previous balance -
     * payments + adjustments + total.
     */
    public static InvoiceView of(InvoiceDocument doc) {
        return of(doc, doc.language() == Language.BILINGUAL ? Language.EN : doc.language());
    }

    /**
     * The document in one language: for a bilingual invoice, {@code EN} gives its English column
     * and {@code FR} its French one (each half of the bilingual descriptions and company names,
     * amounts and dates formatted as that language writes them).
     */
    public static InvoiceView of(InvoiceDocument doc, Language language) {
        return of(doc, language, List.of());
    }

    /** The document in one language with the invoice messages chosen for it (InvoiceMessages). */
    public static InvoiceView of(InvoiceDocument doc, Language language, List<InvoiceMessages.Message> chosen) {
        checkTotals(doc);
        if (language == Language.BILINGUAL) {
            throw new IllegalArgumentException("a view is in English or in French: ask for each column");
        }
        int half = language == Language.FR ? 1 : 0;
        InvoiceFormat format = new InvoiceFormat(language);
        String currency = doc.currency();
        List<Line> lines = new ArrayList<>();
        List<Tax> taxes = new ArrayList<>();
        for (InvoiceLine line : doc.lines()) {
            if (line.type() == LineType.TAX) {
                taxes.add(new Tax(Language.halves(text(line.description()))[half], format.money(line.amount(), currency)));
            } else {
                lines.add(new Line(line.type().name(), Language.halves(text(line.description()))[half],
                        format.period(line.periodStart(), line.periodEnd()),
                        format.quantity(line.quantity(), line.unit()),
                        line.unitPrice() == null ? "" : format.money(line.unitPrice(), currency),
                        format.money(line.amount(), currency)));
            }
        }
        Statement statement = doc.statement();
        List<Payment> payments = statement.payments().stream()
                .map(p -> new Payment(format.shortDate(p.date()), p.reference(), format.money(p.amount(), currency)))
                .toList();
        List<Adjustment> adjustments = statement.adjustments().stream()
                .map(a -> new Adjustment(a.type().name(), format.shortDate(a.date()), a.reference(),
                        format.money(a.amount(), currency)))
                .toList();
        CompanyProfile profile = doc.company();
        String message = language == Language.FR ? profile.messageFr() : profile.messageEn();
        Company company = new Company(Language.halves(profile.name())[half], profile.legalName(),
                profile.addressLines(), profile.phone(), profile.email(), profile.website(),
                Language.halves(text(profile.remittanceAddressNote()))[half], text(message), logoUri(profile.logo()));
        return new InvoiceView(language.code(), doc.invoiceNumber(), doc.accountNumber(),
                doc.customerName(), doc.mailingAddressLines(), format.date(doc.invoiceDate()),
                format.date(doc.dueDate()), format.servicePeriod(doc.periodStart(), doc.periodEnd()),
                format.date(doc.periodStart()), format.date(doc.periodEnd()), currency, List.copyOf(lines),
                List.copyOf(taxes), format.money(doc.subtotal(), currency), format.money(doc.tax(), currency),
                format.money(doc.total(), currency), format.money(statement.previousBalance(), currency),
                payments, payments.size() <= PAYMENTS_LISTED, payments.size(),
                format.money(statement.paymentsReceived().negate(), currency), adjustments,
                format.money(statement.amountDue(), currency), statement.amountDue().signum() <= 0, company,
                chosen.stream().map(m -> new Message(m.text(language))).toList(),
                doc.usage().data().stream().map(d -> new UsageData(d.planName(language),
                        format.quantity(d.usedGb(), null),
                        d.includedGb() == null ? "" : format.quantity(d.includedGb(), null))).toList(),
                doc.usage().calls().stream().map(c -> new UsageCalls(
                        c.band(language) == null ? "" : " (" + c.band(language) + ")",
                        format.quantity(BigDecimal.valueOf(c.count()), null),
                        format.quantity(new BigDecimal(c.billableMinutes()), null))).toList(),
                doc.serviceEnded() == null ? "" : format.date(doc.serviceEnded()));
    }

    private static void checkTotals(InvoiceDocument doc) {
        InvoiceTotals totals = InvoiceTotals.of(doc.lines());
        requireEqual(doc, "subtotal", doc.subtotal(), "the sum of the non-tax lines", totals.subtotal());
        requireEqual(doc, "tax", doc.tax(), "the sum of the TAX lines", totals.tax());
        requireEqual(doc, "total", doc.total(), "subtotal + tax", totals.total());
        Statement s = doc.statement();
        requireEqual(doc, "new charges", s.newCharges(), "the total", doc.total());
        requireEqual(doc, "payments received", s.paymentsReceived(), "the sum of the payments shown",
                Money.sum(s.payments().stream().map(LedgerEntry::amount).toList()).negate());
        requireEqual(doc, "adjustments", s.adjustmentsTotal(), "the sum of the adjustments shown",
                Money.sum(s.adjustments().stream().map(LedgerEntry::amount).toList()));
        requireEqual(doc, "amount due", s.amountDue(), "previous balance - payments + adjustments + total",
                s.previousBalance().subtract(s.paymentsReceived()).add(s.adjustmentsTotal()).add(doc.total()));
    }

    private static void requireEqual(InvoiceDocument doc, String field, BigDecimal actual, String rule,
                                     BigDecimal expected) {
        if (actual.compareTo(expected) != 0) {
            throw new IllegalArgumentException("invoice " + doc.invoiceNumber() + ": " + field + " " + actual
                    + " is not " + rule + " (" + expected + ")");
        }
    }

    /** The logo's file URI (for the html engine), made once per path: one a view, a view per invoice. */
    private static final Map<Path, String> LOGO_URIS = new ConcurrentHashMap<>();

    private static String logoUri(Path logo) {
        return logo == null ? "" : LOGO_URIS.computeIfAbsent(logo, l -> l.toAbsolutePath().toUri().toString());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
