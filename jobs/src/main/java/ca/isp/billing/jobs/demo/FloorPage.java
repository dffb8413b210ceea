package ca.isp.billing.jobs.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import ca.isp.billing.writers.InvoiceDocument;
import ca.isp.billing.writers.InvoiceView;

/**
 * The drawing floor of issue 12: the text an invoice page carries (its values and the labels
 * around them) drawn by PDFBox with a standard font, not embedded, one string under the other.
 * No layout, no font work, no attachment: what no renderer of the same page can beat.
 */
final class FloorPage {

    private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private FloorPage() {
    }

    static byte[] draw(InvoiceDocument doc) {
        List<String> texts = texts(InvoiceView.of(doc));
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(HELVETICA, 7);
                content.newLineAtOffset(40, 760);
                for (String text : texts) {
                    content.showText(winAnsi(text));
                    content.newLineAtOffset(0, -8);
                }
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every value the invoice prints, with the label it sits beside. */
    private static List<String> texts(InvoiceView v) {
        List<String> t = new ArrayList<>();
        t.add(v.company().name());
        t.addAll(v.company().addressLines());
        t.add(v.customerName());
        t.addAll(v.mailingAddress());
        t.add("Invoice");
        t.add("Account number " + v.accountNumber());
        t.add("Invoice number " + v.invoiceNumber());
        t.add("Invoice date " + v.invoiceDate());
        t.add("Service period " + v.periodStart() + " - " + v.periodEnd());
        t.add("Due date " + v.dueDate());
        t.add("Amount due " + v.amountDue());
        t.add("Description Period Quantity Amount");
        for (InvoiceView.Line line : v.lines()) {
            t.add(line.description() + " " + line.period() + " " + line.quantity() + " " + line.amount());
        }
        t.add("Subtotal " + v.subtotal());
        for (InvoiceView.Tax tax : v.taxes()) {
            t.add(tax.description() + " " + tax.amount());
        }
        t.add("Total of this invoice " + v.total());
        t.add("Previous balance " + v.previousBalance());
        for (InvoiceView.Payment payment : v.payments()) {
            t.add("Payment received " + payment.date() + " " + payment.reference() + " " + payment.amount());
        }
        t.add("New charges " + v.total());
        t.add("Amount due by " + v.dueDate() + " " + v.amountDue());
        if (!v.usageData().isEmpty() || !v.usageCalls().isEmpty()) {
            t.add("Your usage");
        }
        for (InvoiceView.UsageData data : v.usageData()) {
            t.add("Data " + data.plan() + " " + data.used() + " GB used of " + data.included() + " GB included");
        }
        for (InvoiceView.UsageCalls calls : v.usageCalls()) {
            t.add("Calls" + calls.band() + ": " + calls.calls() + " " + calls.minutes() + " min billed");
        }
        t.add(v.company().message());
        t.add("Questions about this invoice? " + v.company().phone() + " " + v.company().email());
        t.add("Please detach and return this slip with your payment.");
        t.add("Remittance slip");
        t.add("Make payment to: " + v.company().legalName());
        t.addAll(v.company().addressLines());
        t.add(v.company().remittanceNote());
        t.add("Customer " + v.customerName());
        t.add("Account number " + v.accountNumber());
        t.add("Invoice number " + v.invoiceNumber());
        t.add("Due date " + v.dueDate());
        t.add("Amount due " + v.amountDue());
        t.add("Amount enclosed ________________");
        return t;
    }

    /** The standard font's encoding has no narrow no-break space and a few others: a space or '?' instead. */
    private static String winAnsi(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u00A0' || c == '\u202F') {
                out.append(' ');
            } else {
                out.append(c >= 0x20 && c <= 0x7E || c >= 0xA1 && c <= 0xFF || "\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026\u20AC".indexOf(c) >= 0 ? c : '?');
            }
        }
        return out.toString();
    }
}
