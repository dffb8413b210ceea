package ca.isp.billing.writers;

import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.LedgerEntry;
import ca.isp.billing.domain.LedgerEntryType;
import ca.isp.billing.domain.Statement;
import ca.isp.billing.domain.LineType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Realistic invoices for the writer tests, with their arithmetic worked by hand. */
final class Invoices {

    static final Path TEMPLATES = Path.of("..", "templates").toAbsolutePath().normalize();

    private Invoices() {
    }

    static CompanyProfile companyFr() {
        return new CompanyProfile("Internet Aurores boréales", "Internet Aurores boréales inc.",
                List.of("1200, boulevard René-Lévesque Ouest, bureau 800", "Montréal (Québec)  H3B 4W8"),
                "1 800 555-0199", "facturation@aurores.example", "aurores.example",
                "Chèques à l'ordre d'Internet Aurores boréales inc. — C.P. 4500, succ. Centre-ville, "
                        + "Montréal (Québec)  H3B 0A1",
                "Thank you for choosing Northern Lights Internet!",
                "Merci de votre confiance! Passez au paiement préautorisé et recevez un crédit de 2 $ par mois.",
                TEMPLATES.resolve("logo.svg"));
    }

    static CompanyProfile companyEn() {
        return new CompanyProfile("Northern Lights Internet", "Northern Lights Internet Inc.",
                List.of("1200 René-Lévesque Blvd West, Suite 800", "Montréal QC  H3B 4W8"),
                "1-800-555-0199", "billing@northernlights.example", "northernlights.example",
                null,
                "Thank you for your business! Switch to pre-authorized payments and get a $2 monthly credit.",
                "Merci de votre confiance!",
                TEMPLATES.resolve("logo.svg"));
    }

    /**
     * Hélène Côté, Montréal, November 2026, Québec taxes:
     * subtotal 899.00 + 85.00 + 99.95 - 15.00 = 1068.95;
     * TPS 5 % of 1068.95 = 53.4475 -> 53.45; TVQ 9.975 % of 1068.95 = 106.6277625 -> 106.63;
     * tax 53.45 + 106.63 = 160.08; total 1068.95 + 160.08 = 1229.03;
     * previous balance 300.00, cheque CHQ-1042 of 250.00 received October 21:
     * amount due 300.00 - 250.00 + 1229.03 = 1279.03.
     */
    static InvoiceDocument frenchQuebec(String invoiceNumber) {
        LocalDate start = LocalDate.of(2026, 11, 1);
        LocalDate end = LocalDate.of(2026, 11, 30);
        List<InvoiceLine> lines = List.of(
                line(LineType.RECURRING, "Fibre Affaires 1 Gbit/s — forfait mensuel", start, end, "1", "mois",
                        "899.00", "899.00"),
                line(LineType.USAGE, "Données excédentaires", LocalDate.of(2026, 10, 1),
                        LocalDate.of(2026, 10, 31), "42.5", "Go", "2.00", "85.00"),
                line(LineType.ONE_TIME, "Frais d'installation du modem", null, null, "1", null, "99.95", "99.95"),
                line(LineType.CREDIT, "Crédit de service — panne du 12 octobre", null, null, null, null, null,
                        "-15.00"),
                line(LineType.TAX, "TPS (5 %) — n° 123456789 RT0001", null, null, null, null, null, "53.45"),
                line(LineType.TAX, "TVQ (9,975 %) — n° 1234567890 TQ0001", null, null, null, null, null,
                        "106.63"));
        return new InvoiceDocument(companyFr(), Language.FR, invoiceNumber, "100042", "Hélène Côté",
                List.of("4520, rue Saint-Denis, app. 3", "Montréal (Québec)  H2J 2L3"),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 21), start, end, lines,
                new BigDecimal("1068.95"), new BigDecimal("160.08"), new BigDecimal("1229.03"),
                new Statement(new BigDecimal("300.00"),
                        List.of(payment("2026-10-21", "CHQ-1042", "-250.00")), new BigDecimal("250.00"),
                        List.of(), new BigDecimal("0.00"), new BigDecimal("1229.03"), new BigDecimal("1279.03")),
                "CAD");
    }

    /** The company of a bilingual invoice: each name and note in English, then in French (Language.both). */
    static CompanyProfile companyBilingual() {
        CompanyProfile en = companyEn();
        CompanyProfile fr = companyFr();
        return new CompanyProfile(Language.both(en.name(), fr.name()), fr.legalName(), fr.addressLines(),
                fr.phone(), fr.email(), fr.website(),
                Language.both("Cheques payable to Internet Aurores boréales inc.", fr.remittanceAddressNote()),
                en.messageEn(), fr.messageFr(), fr.logo());
    }

    /**
     * Hélène Côté's November invoice of {@link #frenchQuebec} for a bilingual account: the same
     * figures (subtotal 1068.95, TPS 53.45, TVQ 106.63, total 1229.03, previous balance 300.00,
     * payment 250.00, amount due 1279.03), each description in English then in French.
     */
    static InvoiceDocument bilingualQuebec(String invoiceNumber) {
        InvoiceDocument fr = frenchQuebec(invoiceNumber);
        String[] english = {"Business Fibre 1 Gbit/s — monthly plan", "Data over the allowance",
                "Modem installation fee", "Service credit — October 12 outage", "GST (5%) — No. 123456789 RT0001",
                "QST (9.975%) — No. 1234567890 TQ0001"};
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < fr.lines().size(); i++) {
            InvoiceLine l = fr.lines().get(i);
            lines.add(new InvoiceLine(l.type(), l.lineKey(), Language.both(english[i], l.description()), l.reason(),
                    l.periodStart(), l.periodEnd(), l.quantity(), l.unit(), l.unitPrice(), l.amount()));
        }
        return new InvoiceDocument(companyBilingual(), Language.BILINGUAL, invoiceNumber, fr.accountNumber(),
                fr.customerName(), fr.mailingAddressLines(), fr.invoiceDate(), fr.dueDate(), fr.periodStart(),
                fr.periodEnd(), lines, fr.subtotal(), fr.tax(), fr.total(), fr.statement(), fr.currency());
    }

    /**
     * Ontario business on a 12-month plan:
     * subtotal 1080.00 + 6.70 (134 min x 0.05) = 1086.70; HST 13 % of 1086.70 = 141.271 -> 141.27;
     * total 1086.70 + 141.27 = 1227.97; previous balance 0.00, so amount due 1227.97.
     */
    static InvoiceDocument englishOntario(String invoiceNumber) {
        LocalDate start = LocalDate.of(2026, 11, 1);
        LocalDate end = LocalDate.of(2027, 10, 31);
        List<InvoiceLine> lines = List.of(
                line(LineType.RECURRING, "Business Fibre 1 Gbit/s — 12-month plan", start, end, "12", "months",
                        "90.00", "1080.00"),
                line(LineType.USAGE, "Long-distance calls", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                        "134", "min", "0.05", "6.70"),
                line(LineType.TAX, "HST 13% — No. 123456789 RT0001", null, null, null, null, null, "141.27"));
        return new InvoiceDocument(companyEn(), Language.EN, invoiceNumber, "200317", "O'Brien & Daughters Ltd.",
                List.of("Attn: Accounts Payable", "77 King Street West, Unit 1200", "Toronto ON  M5K 1A1"),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 21), start, end, lines,
                new BigDecimal("1086.70"), new BigDecimal("141.27"), new BigDecimal("1227.97"),
                noPrevious(new BigDecimal("1227.97")), "CAD");
    }

    /**
     * A long invoice: {@code count} usage lines of 1.00 each, no tax;
     * subtotal = total = count x 1.00; previous balance 0.00, amount due = total.
     */
    static InvoiceDocument manyLines(int count) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(line(LineType.USAGE, "Call to 514-555-" + String.format("%04d", i),
                    LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1), "1", "min", "1.00", "1.00"));
        }
        BigDecimal total = new BigDecimal(count).setScale(2);
        InvoiceDocument english = englishOntario("2026-000999");
        return new InvoiceDocument(english.company(), Language.EN, "2026-000999", "200317", "Long Talker",
                List.of("1 Main Street", "Ottawa ON  K1A 0A1"), english.invoiceDate(), english.dueDate(),
                english.periodStart(), english.periodEnd(), lines, total, new BigDecimal("0.00"), total,
                noPrevious(total), "CAD");
    }

    /**
     * {@link #manyLines} for a bilingual account: each line "Call to 514-555-0001" in English,
     * "Appel au 514-555-0001" in French; the same figures (count x 1.00, amount due = total).
     */
    static InvoiceDocument manyLinesBilingual(int count) {
        InvoiceDocument many = manyLines(count);
        List<InvoiceLine> lines = many.lines().stream()
                .map(l -> new InvoiceLine(l.type(), l.lineKey(),
                        Language.both(l.description(), l.description().replace("Call to", "Appel au")), l.reason(),
                        l.periodStart(), l.periodEnd(), l.quantity(), l.unit(), l.unitPrice(), l.amount()))
                .toList();
        return new InvoiceDocument(companyBilingual(), Language.BILINGUAL, many.invoiceNumber(),
                many.accountNumber(), many.customerName(), many.mailingAddressLines(), many.invoiceDate(),
                many.dueDate(), many.periodStart(), many.periodEnd(), lines, many.subtotal(), many.tax(),
                many.total(), many.statement(), many.currency());
    }

    /**
     * The Ontario invoice after a previous balance of 100.00 and {@code count} payments of 10.00
     * (P-1 on October 1, P-2 on October 2, ...): amount due 100.00 - count x 10.00 + 1227.97.
     */
    static InvoiceDocument englishWithPayments(int count) {
        InvoiceDocument doc = englishOntario("E-" + count);
        List<LedgerEntry> payments = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            payments.add(payment(String.format("2026-10-%02d", i), "P-" + i, "-10.00"));
        }
        BigDecimal received = new BigDecimal(count * 10).setScale(2);
        Statement statement = new Statement(new BigDecimal("100.00"), payments, received, List.of(),
                new BigDecimal("0.00"), doc.total(), new BigDecimal("100.00").subtract(received).add(doc.total()));
        return new InvoiceDocument(doc.company(), doc.language(), doc.invoiceNumber(), doc.accountNumber(),
                doc.customerName(), doc.mailingAddressLines(), doc.invoiceDate(), doc.dueDate(), doc.periodStart(),
                doc.periodEnd(), doc.lines(), doc.subtotal(), doc.tax(), doc.total(), statement, doc.currency());
    }

    /**
     * {@code doc} with a write-off, a returned payment and a bad-debt recovery since the last
     * statement (previous balance 300.00): written off WO-F-2026-000100 -300.00, returned payment
     * NSF-CHQ-77 +40.00, reinstated for payment CHQ-78 +15.00 (and CHQ-78 -15.00 itself). Amount
     * due: 300.00 - 15.00 + (-300.00 + 40.00 + 15.00 = -245.00) + total = 40.00 + total.
     */
    static InvoiceDocument withWriteOffReturnAndRecovery(InvoiceDocument doc) {
        Statement statement = Statement.of(new BigDecimal("300.00"), List.of(
                new LedgerEntry(LedgerEntryType.WRITE_OFF, LocalDate.of(2026, 10, 5), "WO-F-2026-000100",
                        new BigDecimal("-300.00")),
                new LedgerEntry(LedgerEntryType.REVERSAL, LocalDate.of(2026, 10, 9), "NSF-CHQ-77", new BigDecimal("40.00")),
                new LedgerEntry(LedgerEntryType.RECOVERY, LocalDate.of(2026, 10, 20), "CHQ-78", new BigDecimal("15.00")),
                payment("2026-10-20", "CHQ-78", "-15.00")), doc.total());
        return new InvoiceDocument(doc.company(), doc.language(), doc.invoiceNumber(), doc.accountNumber(),
                doc.customerName(), doc.mailingAddressLines(), doc.invoiceDate(), doc.dueDate(), doc.periodStart(),
                doc.periodEnd(), doc.lines(), doc.subtotal(), doc.tax(), doc.total(), statement, doc.currency());
    }

    /** The same invoice with a usage summary. */
    static InvoiceDocument withUsage(InvoiceDocument doc, ca.isp.billing.domain.UsageSummary usage) {
        return new InvoiceDocument(doc.company(), doc.language(), doc.invoiceNumber(), doc.accountNumber(),
                doc.customerName(), doc.mailingAddressLines(), doc.invoiceDate(), doc.dueDate(), doc.periodStart(),
                doc.periodEnd(), doc.lines(), doc.subtotal(), doc.tax(), doc.total(), doc.statement(), doc.currency(),
                doc.segment(), doc.cycleDate(), usage, doc.serviceEnded());
    }

    /** A first invoice with nothing carried over: amount due = total. */
    static Statement noPrevious(BigDecimal total) {
        return new Statement(new BigDecimal("0.00"), List.of(), new BigDecimal("0.00"), List.of(),
                new BigDecimal("0.00"), total, total);
    }

    static LedgerEntry payment(String date, String reference, String amount) {
        return new LedgerEntry(LedgerEntryType.PAYMENT, LocalDate.parse(date), reference, new BigDecimal(amount));
    }

    static InvoiceLine line(LineType type, String description, LocalDate start, LocalDate end, String quantity,
                            String unit, String unitPrice, String amount) {
        return new InvoiceLine(type, type + ":" + description, description, "test", start, end,
                quantity == null ? null : new BigDecimal(quantity), unit,
                unitPrice == null ? null : new BigDecimal(unitPrice), new BigDecimal(amount));
    }
}
