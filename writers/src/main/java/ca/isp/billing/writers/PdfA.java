package ca.isp.billing.writers;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.util.DateConverter;

/**
 * Marks a document as PDF/A-3b (ISO 19005-3, level B: archival, the look preserved): XMP
 * metadata saying so and repeating the document information, an output intent with the sRGB
 * profile the colours are meant in (the JDK's), the file identifier, PDF 1.7. What PDF/A also
 * asks is the renderer's own doing: every font embedded (EmbeddedFont), no encryption, no
 * JavaScript, no external content. Attachments appended as pages must be PDF/A-safe themselves
 * (fonts embedded); PDF/A-3 also allows any file embedded, which invoices do not use.
 */
final class PdfA {

    /** The sRGB profile, deflated once. */
    private static final byte[] SRGB = EmbeddedFont.deflate(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
    private static final DateTimeFormatter XMP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    static final String PRODUCER = "ISP billing, layout engine (Apache PDFBox)";

    private PdfA() {
    }

    /**
     * Sets the document information and its XMP copy, the output intent and the identifier;
     * {@code key} (the invoice number) makes the identifier, so a document rendered again from
     * the same data differs only by its dates.
     */
    static void mark(PDDocument pdf, String title, String author, String subject, String key, ZonedDateTime when)
            throws IOException {
        Dates dates = dates(when);
        pdf.setVersion(1.7f);
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setSubject(subject);
        info.setProducer(PRODUCER);
        info.getCOSObject().setString(COSName.CREATION_DATE, dates.pdf());
        info.getCOSObject().setString(COSName.MOD_DATE, dates.pdf());

        COSDictionary catalog = pdf.getDocumentCatalog().getCOSObject();
        COSStream metadata = pdf.getDocument().createCOSStream();
        metadata.setItem(COSName.TYPE, COSName.METADATA);
        metadata.setItem(COSName.SUBTYPE, COSName.getPDFName("XML"));
        try (OutputStream out = metadata.createRawOutputStream()) {
            out.write(xmp(title, author, subject, dates.xmp()).getBytes(StandardCharsets.UTF_8));
        }
        catalog.setItem(COSName.METADATA, metadata);

        COSStream profile = pdf.getDocument().createCOSStream();
        profile.setInt(COSName.N, 3);
        profile.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        try (OutputStream out = profile.createRawOutputStream()) {
            out.write(SRGB);
        }
        COSDictionary intent = new COSDictionary();
        intent.setItem(COSName.TYPE, COSName.getPDFName("OutputIntent"));
        intent.setItem(COSName.S, COSName.getPDFName("GTS_PDFA1"));
        intent.setString(COSName.getPDFName("OutputConditionIdentifier"), "sRGB IEC61966-2.1");
        intent.setString(COSName.INFO, "sRGB IEC61966-2.1");
        intent.setString(COSName.getPDFName("RegistryName"), "http://www.color.org");
        intent.setItem(COSName.getPDFName("DestOutputProfile"), profile);
        COSArray intents = new COSArray();
        intents.add(intent);
        catalog.setItem(COSName.getPDFName("OutputIntents"), intents);

        byte[] id = md5(key);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /**
     * A second's dates as the document information (PDFBox's own DateConverter, UTC) and the XMP
     * packet write them. Formatting them (String.format inside DateConverter, a Calendar) was a
     * twentieth of an invoice's CPU; invoices rendered in the same second share the strings.
     */
    record Dates(long epochSecond, String pdf, String xmp) {
    }

    private static volatile Dates lastDates = new Dates(Long.MIN_VALUE, "", "");

    static Dates dates(ZonedDateTime when) {
        ZonedDateTime at = when.withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        long second = at.toEpochSecond();
        Dates last = lastDates;
        if (last.epochSecond() == second) {
            return last;
        }
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(second * 1000);
        Dates made = new Dates(second, DateConverter.toString(calendar), XMP_DATE.format(at));
        lastDates = made;
        return made;
    }

    private static String xmp(String title, String author, String subject, String date) {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
                + " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                + "<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(title) + "</rdf:li></rdf:Alt></dc:title>\n"
                + "<dc:creator><rdf:Seq><rdf:li>" + escape(author) + "</rdf:li></rdf:Seq></dc:creator>\n"
                + "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(subject)
                + "</rdf:li></rdf:Alt></dc:description>\n"
                + "<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
                + "<pdf:Producer>" + escape(PRODUCER) + "</pdf:Producer>\n"
                + "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] md5(String key) {
        try {
            return MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
