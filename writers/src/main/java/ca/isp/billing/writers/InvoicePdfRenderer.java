package ca.isp.billing.writers;

import ca.isp.billing.domain.Language;
import com.itextpdf.html2pdf.ConverterProperties;
import com.itextpdf.html2pdf.HtmlConverter;
import com.itextpdf.html2pdf.resolver.font.DefaultFontProvider;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.layout.font.FontSet;
import com.itextpdf.styledxmlparser.resolver.font.BasicFontProvider;
import freemarker.core.HTMLOutputFormat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders an invoice to a one-page US Letter PDF: Freemarker template
 * {@code invoice/invoice_<lang>.ftl} to HTML, then iText pdfHTML to PDF with the Noto fonts
 * shipped in pdfHTML, embedded. Safe to call from several threads.
 */
public final class InvoicePdfRenderer implements InvoiceRenderer {

    /** The fonts every invoice may use; loaded once, shared read-only between threads. */
    private static final FontSet SHIPPED_FONTS = new DefaultFontProvider(false, true, false).getFontSet();
    private static final String DEFAULT_FONT = "Noto Sans";

    private final TemplateFolder templates;

    public InvoicePdfRenderer(Path templatesDir) {
        this.templates = new TemplateFolder(templatesDir, HTMLOutputFormat.INSTANCE);
    }

    /** The HTML the template produces for this invoice, before conversion (useful to preview a template edit). */
    public String renderHtml(InvoiceDocument doc) {
        InvoiceView view = InvoiceView.of(doc);
        Path logo = doc.company().logo();
        if (logo != null && !Files.isReadable(logo)) {
            throw new IllegalArgumentException("invoice " + doc.invoiceNumber() + ": company logo not found: "
                    + logo.toAbsolutePath());
        }
        return templates.render(templateName(doc), Map.of("invoice", view, "company", view.company()));
    }

    @Override
    public byte[] render(InvoiceDocument doc) {
        if (doc.language() == ca.isp.billing.domain.Language.BILINGUAL) {
            throw new IllegalArgumentException("invoice " + doc.invoiceNumber() + ": bilingual invoices are drawn by"
                    + " the layout engine only (billing.render.engine=layout, templates/invoice/layout_bilingual.txt)");
        }
        String html = renderHtml(doc);
        ConverterProperties properties = new ConverterProperties()
                // a font provider keeps per-document font objects, so each conversion gets its own
                .setFontProvider(new BasicFontProvider(SHIPPED_FONTS, DEFAULT_FONT))
                .setBaseUri(templates.dir().resolve("invoice").toUri().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfDocument pdf = new PdfDocument(new PdfWriter(out, new WriterProperties().setFullCompressionMode(true)));
            pdf.setDefaultPageSize(PageSize.LETTER);
            PdfDocumentInfo info = pdf.getDocumentInfo();
            info.setTitle((doc.language() == Language.FR ? "Facture " : "Invoice ") + doc.invoiceNumber());
            info.setAuthor(doc.company().legalName());
            info.setSubject(doc.accountNumber());
            pdf.getCatalog().setLang(new PdfString(doc.language().locale().toLanguageTag()));
            HtmlConverter.convertToPdf(html, pdf, properties);
        } catch (RuntimeException e) {
            throw new IllegalStateException("invoice " + doc.invoiceNumber() + ": PDF conversion of "
                    + templateName(doc) + " failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static String templateName(InvoiceDocument doc) {
        return "invoice/invoice_" + doc.language().code() + ".ftl";
    }
}
