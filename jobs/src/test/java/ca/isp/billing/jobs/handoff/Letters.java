package ca.isp.billing.jobs.handoff;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import ca.isp.billing.domain.Address;
import ca.isp.billing.domain.DeliveryChannel;
import ca.isp.billing.domain.InvoiceLine;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.LineType;
import ca.isp.billing.domain.Statement;
import ca.isp.billing.jobs.CycleTestSupport;
import ca.isp.billing.writers.CompanyProfile;
import ca.isp.billing.writers.InvoiceDocument;
import ca.isp.billing.writers.InvoicePdfRenderer;

/**
 * Invoices for the courier tests, rendered by the real templates: a Vermont customer (a US
 * letter for Lob), a Quebec one in French, and a long invoice of many pages.
 * Amounts: one line of 50.00, no tax, nothing carried over: amount due 50.00 (or n x 1.00).
 */
final class Letters {

    static final Address VERMONT = new Address("12 Church Street", null, "Burlington", null, "VT", "05401", "US");
    static final Address QUEBEC = new Address("4520, rue Saint-Denis", "app. 3", "Montréal", null, "QC", "H2J 2L3", "CA");
    static final Address RETURN = new Address("100 Main Street", "Suite 2", "Derby Line", null, "VT", "05830", "US");
    private static final InvoicePdfRenderer RENDERER = new InvoicePdfRenderer(CycleTestSupport.templates());

    private Letters() {
    }

    static DeliveryToSend delivery(String invoiceNumber, DeliveryChannel channel, String name, Address address,
                                   String email, Language language, int lines) {
        InvoiceDocument document = document(invoiceNumber, name, address, language, lines);
        return new DeliveryToSend(1, channel, invoiceNumber + "-" + channel, email, address,
                Path.of("unused.pdf"), LocalDateTime.now(), document);
    }

    /** The same delivery, its PDF made {@code hours} ago. */
    static DeliveryToSend renderedHoursAgo(DeliveryToSend delivery, int hours) {
        return new DeliveryToSend(delivery.deliveryId(), delivery.channel(), delivery.idempotencyKey(),
                delivery.destination(), delivery.billingAddress(), delivery.pdf(), LocalDateTime.now().minusHours(hours),
                delivery.document());
    }

    static DeliveryToSend letterToVermont(String invoiceNumber) {
        return delivery(invoiceNumber, DeliveryChannel.PRINT, "Ethan Allen", VERMONT, null, Language.EN, 1);
    }

    static byte[] pdf(DeliveryToSend delivery) {
        return RENDERER.render(delivery.document());
    }

    static InvoiceDocument document(String invoiceNumber, String name, Address address, Language language, int count) {
        LocalDate start = LocalDate.of(2026, 11, 1);
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            BigDecimal amount = count == 1 ? new BigDecimal("50.00") : new BigDecimal("1.00");
            lines.add(new InvoiceLine(LineType.RECURRING, "line-" + i, "Fibre 100 — line " + i, "test", start,
                    LocalDate.of(2026, 11, 30), BigDecimal.ONE, "month", amount, amount));
        }
        BigDecimal total = count == 1 ? new BigDecimal("50.00") : new BigDecimal(count).setScale(2);
        CompanyProfile company = new CompanyProfile("Northern Lights Internet", "Northern Lights Internet Inc.",
                List.of("1200 René-Lévesque Blvd West", "Montréal QC  H3B 4W8"), "", "", "", null, null, null, null);
        List<String> mailing = new ArrayList<>();
        mailing.add(address.line1());
        if (address.line2() != null) {
            mailing.add(address.line2());
        }
        mailing.add(address.city() + " " + address.region() + "  " + address.postalCode());
        return new InvoiceDocument(company, language, invoiceNumber, "100001", name, mailing, start,
                LocalDate.of(2026, 11, 21), start, LocalDate.of(2026, 11, 30), lines, total, new BigDecimal("0.00"),
                total, new Statement(new BigDecimal("0.00"), List.of(), new BigDecimal("0.00"), List.of(),
                        new BigDecimal("0.00"), total, total), "US".equals(address.country()) ? "USD" : "CAD");
    }
}
