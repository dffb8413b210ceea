package ca.isp.billing.writers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import ca.isp.billing.domain.Language;
import com.itextpdf.svg.converter.SvgConverter;

/**
 * Renders an invoice from the layout file of its language ({@code invoice/layout_<lang>.txt},
 * templates/README.md) with PDFBox, the {@code layout} engine of issue 12.
 *
 * <p>What does not change from one invoice to the next (labels, boxes, rules, the logo, the
 * company's name and address, the slip's words) is drawn once per language into four page
 * backgrounds (first page, following pages with and without the table's header, the slip of the
 * last page), kept as content-stream bytes and placed on each page as a form XObject; only the
 * invoice's own values are drawn per invoice, at the places the file gives. The fonts are parsed
 * and cut to English and French once (EmbeddedFont). The layout file, the logo and the company
 * profile are looked at on every render and read again when they change, so an operator's edit
 * shows on the next invoice.
 *
 * <p>The charges table and the rows of totals under it flow down the pages: a row that does not
 * fit goes to the next page (whose background repeats the table's header when a line of the
 * table is drawn on it; a page of totals, usage or notes only has none), the remittance slip
 * is on the last page only, and "page n of m" is printed when there are several. Safe to call
 * from several threads: each call builds its own document from bytes made once.
 */
public final class LayoutInvoiceRenderer implements InvoiceRenderer {

    private static final float PAGE_HEIGHT = 792;
    /** A row's label is set no smaller than this share of its style's size to fit before its amount. */
    private static final float SMALLEST_LABEL_SHARE = 0.7f;
    /** The least space between a row's label and its amount. */
    private static final float LABEL_GAP_POINTS = 6;
    private static final Map<String, EmbeddedFont> SHIPPED_FONTS = new ConcurrentHashMap<>();

    private final Path templates;
    private final PdfAttachments attachments;
    private final boolean pdfa;
    private final Map<Language, Prepared> prepared = new ConcurrentHashMap<>();
    private final TemplateCache<InvoiceMessages> messages;
    private final TemplateCache<InvoiceAttachments> segmentAttachments;

    /** PDF/A-3b, no attachments. */
    public LayoutInvoiceRenderer(Path templates) {
        this(templates, PdfAttachments.none(), true);
    }

    public LayoutInvoiceRenderer(Path templates, PdfAttachments attachments) {
        this(templates, attachments, true);
    }

    /** {@code pdfa}: mark every PDF as PDF/A-3b (PdfA; billing.render.pdfa). */
    public LayoutInvoiceRenderer(Path templates, PdfAttachments attachments, boolean pdfa) {
        this.templates = templates;
        this.attachments = attachments;
        this.pdfa = pdfa;
        this.messages = new TemplateCache<>(() -> InvoiceMessages.stamp(templates),
                () -> InvoiceMessages.inTemplates(templates));
        this.segmentAttachments = new TemplateCache<InvoiceAttachments>(loaded -> InvoiceAttachments.stamp(templates, loaded),
                () -> InvoiceAttachments.inTemplates(templates));
    }

    /**
     * Reads the messages and the attachment rules now, checking every attachment they name: the
     * render step calls it once before any invoice is drawn, so a bad file fails the run there.
     */
    @Override
    public String checkTemplates() {
        InvoiceMessages m = InvoiceMessages.inTemplates(templates);
        InvoiceAttachments a = InvoiceAttachments.inTemplates(templates);
        return (m.cycle().size() + m.segment().size()) + " invoice message(s), " + a.rules().size()
                + " attachment rule(s)" + a.rules().stream().map(r -> " " + r.file().getFileName() + " (" + r.pages()
                + " p.)").reduce("", String::concat);
    }

    /**
     * A layout read and drawn once: its fonts, its four backgrounds ({@code nextBare}: a following
     * page without the table's header), the logo.
     */
    private record Prepared(String stamp, CompanyProfile company, InvoiceLayout layout,
                            Map<String, EmbeddedFont> fonts, Map<String, String> fontKeys, byte[] first,
                            byte[] next, byte[] nextBare, byte[] last, FrozenPages logoPdf, byte[] logoImage,
                            List<InvoiceLayout.Item> perInvoiceItems) {
    }

    /**
     * The invoice in the language(s) it is printed in: a bilingual invoice's English and French
     * columns; any other invoice is its own language in both (an item marked {@code lang=fr} of an
     * English layout shows English values).
     */
    private record Views(InvoiceView en, InvoiceView fr) {

        static Views of(InvoiceDocument doc, List<InvoiceMessages.Message> messages) {
            InvoiceView view = InvoiceView.of(doc, doc.language() == Language.BILINGUAL ? Language.EN : doc.language(),
                    messages);
            return new Views(view, doc.language() == Language.BILINGUAL ? InvoiceView.of(doc, Language.FR, messages)
                    : view);
        }

        InvoiceView of(boolean french) {
            return french ? fr : en;
        }
    }

    @Override
    public byte[] render(InvoiceDocument doc) {
        Views view = Views.of(doc, messages.get().forInvoice(doc.segment(), doc.cycleDate()));
        Prepared p = prepared(doc, view);
        try {
            return draw(doc, view, p);
        } catch (IOException e) {
            throw new UncheckedIOException("invoice " + doc.invoiceNumber() + ": PDF of " + p.layout().file()
                    + " failed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invoice " + doc.invoiceNumber() + ": " + e.getMessage(), e);
        }
    }

    Path layoutFile(Language language) {
        return templates.resolve("invoice").resolve("layout_" + language.code() + ".txt");
    }

    // ------------------------------------------------------------------ once per language (and per edit)

    private Prepared prepared(InvoiceDocument doc, Views view) {
        Path file = layoutFile(doc.language());
        String stamp = stamp(file, doc.company().logo());
        Prepared p = prepared.get(doc.language());
        if (p != null && p.stamp().equals(stamp) && p.company().equals(doc.company())) {
            return p;
        }
        // one thread prepares, the others (the render step's partitions start together) wait and take it
        synchronized (prepared) {
            p = prepared.get(doc.language());
            if (p != null && p.stamp().equals(stamp) && p.company().equals(doc.company())) {
                return p;
            }
            Prepared made = prepare(file, stamp, doc.company(), view);
            prepared.put(doc.language(), made);
            return made;
        }
    }

    /** The modification times and sizes of the layout file and the logo: an edit changes them. */
    private static String stamp(Path file, Path logo) {
        try {
            // one stat a file (not a call for the time and another for the size): done for every invoice
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            String t = a.lastModifiedTime() + "/" + a.size();
            if (logo != null) {
                BasicFileAttributes l = Files.readAttributes(logo, BasicFileAttributes.class);
                t += "/" + l.lastModifiedTime() + "/" + l.size();
            }
            return t;
        } catch (IOException e) {
            throw new IllegalArgumentException("layout " + file + " (or the logo) cannot be read: " + e, e);
        }
    }

    private Prepared prepare(Path file, String stamp, CompanyProfile company, Views view) {
        InvoiceLayout layout = InvoiceLayout.read(file);
        Map<String, EmbeddedFont> fonts = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map.Entry<String, String> font : layout.fonts().entrySet()) {
            fonts.put(font.getKey(), font(file, font.getValue()));
            keys.put(font.getKey(), "F" + keys.size());
        }
        Logo logo = logo(company.logo());
        FrozenPages logoPdf = logo == null ? null : logo.pdf();
        byte[] logoImage = logo == null ? null : logo.image();
        // the items drawn per invoice, in the file's order (isStatic looks at every text of an item)
        List<InvoiceLayout.Item> perInvoice = layout.items().stream().filter(item -> !item.isStatic()).toList();
        Prepared partial = new Prepared(stamp, company, layout, fonts, keys, null, null, null, null, logoPdf,
                logoImage, perInvoice);
        return new Prepared(stamp, company, layout, fonts, keys,
                background(partial, view, InvoiceLayout.Where.FIRST, true),
                background(partial, view, InvoiceLayout.Where.NEXT, true),
                background(partial, view, InvoiceLayout.Where.NEXT, false),
                background(partial, view, InvoiceLayout.Where.LAST, false), logoPdf, logoImage, perInvoice);
    }

    /**
     * The company logo as read and converted (an SVG by iText's SVG module, then frozen; a PNG or
     * JPEG kept as bytes): once for every language and thread, again only when the file changes
     * (its stamp). Converting an SVG makes a font provider and a PDF each time: a tenth of a
     * second when cold, done three times (a layout per language) or more (threads racing) before.
     */
    private record Logo(Path file, String stamp, FrozenPages pdf, byte[] image) {
    }

    private volatile Logo logo;

    private Logo logo(Path file) {
        if (file == null) {
            return null;
        }
        String stamp = TemplateStamp.of(file);
        Logo l = logo;
        if (l != null && l.file().equals(file) && l.stamp().equals(stamp)) {
            return l;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
                ByteArrayOutputStream pdf = new ByteArrayOutputStream();
                SvgConverter.createPdf(new ByteArrayInputStream(bytes), pdf);
                l = new Logo(file, stamp, FrozenPages.of(pdf.toByteArray()), null);
            } else {
                l = new Logo(file, stamp, null, bytes);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("company logo " + file + " cannot be read: " + e.getMessage(), e);
        }
        logo = l;
        return l;
    }

    /** A font of the layout: one shipped with the program (Noto Sans) or a .ttf file beside the layout. */
    private static EmbeddedFont font(Path layoutFile, String name) {
        if (!name.endsWith(".ttf")) {
            return SHIPPED_FONTS.computeIfAbsent(name, n -> {
                try (InputStream in = LayoutInvoiceRenderer.class.getResourceAsStream(
                        "/com/itextpdf/html2pdf/font/" + n + ".ttf")) {
                    if (in == null) {
                        throw new IllegalArgumentException("layout " + layoutFile + ": no shipped font " + n
                                + " (NotoSans-Regular, NotoSans-Bold, NotoSans-Italic, NotoSerif-Regular, ...)");
                    }
                    return EmbeddedFont.load(n, in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Path ttf = layoutFile.resolveSibling(name).normalize();
        if (!ttf.startsWith(layoutFile.getParent().normalize())) {
            throw new IllegalArgumentException("layout " + layoutFile + ": font " + name + " is outside its folder");
        }
        try (InputStream in = Files.newInputStream(ttf)) {
            return EmbeddedFont.load(ttf.getFileName().toString(), in);
        } catch (IOException e) {
            throw new IllegalArgumentException("layout " + layoutFile + ": font " + ttf + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** The static items of one kind of page, and the table's header on pages that carry the table. */
    private static byte[] background(Prepared p, Views view, InvoiceLayout.Where where, boolean tableHeader) {
        Content c = new Content(p, view);
        for (InvoiceLayout.Item item : p.layout().items()) {
            if (item.isStatic() && (item.where() == where || item.where() == InvoiceLayout.Where.ALL
                    && where != InvoiceLayout.Where.LAST)) {
                c.item(item, 1, 1);
            }
        }
        if (tableHeader) {
            InvoiceLayout.Table t = p.layout().table();
            double top = where == InvoiceLayout.Where.FIRST ? t.top() : t.nextTop();
            for (InvoiceLayout.Column col : p.layout().columns()) {
                c.text(t.headerStyle(), col.align(), col.x(), top + t.rowHeight() * 0.7,
                        LayoutValues.fill(col.header(), view.of(col.french()), null, 1, 1));
            }
            InvoiceLayout.Column firstCol = p.layout().columns().get(0);
            InvoiceLayout.Column lastCol = p.layout().columns().get(p.layout().columns().size() - 1);
            double right = lastCol.align().equals("right") ? lastCol.x() : lastCol.x() + lastCol.width();
            c.rule(firstCol.x() - 0.05, top + t.rowHeight(), right - firstCol.x() + 0.1, t.ruleRgb(), 1, false);
        }
        return EmbeddedFont.deflate(c.bytes());
    }

    // ------------------------------------------------------------------ per invoice

    /**
     * A row of the flow under the table: its height and what draws it at a given top. A line of
     * the table has no {@code group} and its columns' wrapped {@code cells}; otherwise {@code group}
     * is a row and the rows beside it, {@code index} the element they repeat over (-1: none), and
     * a note's {@code cells} its wrapped lines, one list per row of the group.
     */
    private record FlowRow(double height, List<InvoiceLayout.Row> group, int index, List<List<String>> cells) {
    }

    private byte[] draw(InvoiceDocument doc, Views view, Prepared p) throws IOException {
        InvoiceLayout layout = p.layout();
        InvoiceLayout.Table t = layout.table();
        List<FlowRow> flow = flow(view, p);

        // pages: each row's page and top
        List<List<double[]>> pages = new ArrayList<>();
        List<List<FlowRow>> pageRows = new ArrayList<>();
        pages.add(new ArrayList<>());
        pageRows.add(new ArrayList<>());
        double y = t.top() + t.rowHeight();
        for (FlowRow row : flow) {
            if (y + row.height() > t.bottom() && !pageRows.get(pageRows.size() - 1).isEmpty()) {
                pages.add(new ArrayList<>());
                pageRows.add(new ArrayList<>());
                y = t.nextTop() + t.rowHeight();
            }
            pages.get(pages.size() - 1).add(new double[]{y});
            pageRows.get(pageRows.size() - 1).add(row);
            y += row.height();
        }
        // the slip needs the bottom of the last page: what runs into it goes to a page of its own
        if (y > t.slipTop()) {
            List<double[]> lastTops = pages.get(pages.size() - 1);
            List<FlowRow> lastRows = pageRows.get(pageRows.size() - 1);
            int cut = 0;
            while (cut < lastRows.size() && lastTops.get(cut)[0] + lastRows.get(cut).height() <= t.slipTop()) {
                cut++;
            }
            List<FlowRow> moved = new ArrayList<>(lastRows.subList(cut, lastRows.size()));
            lastRows.subList(cut, lastRows.size()).clear();
            lastTops.subList(cut, lastTops.size()).clear();
            List<double[]> tops = new ArrayList<>();
            double ny = t.nextTop() + t.rowHeight();
            for (FlowRow row : moved) {
                tops.add(new double[]{ny});
                ny += row.height();
            }
            pages.add(tops);
            pageRows.add(moved);
        }
        int count = pages.size();
        // a following page shows the table's header only over a line of the table (group null): one
        // left with totals, usage or notes alone (the lines ended on the page before, or the slip
        // pushed them over) would show a heading with nothing under it
        boolean[] header = new boolean[count];
        boolean anyHeader = false;
        boolean anyBare = false;
        for (int i = 1; i < count; i++) {
            header[i] = pageRows.get(i).stream().anyMatch(row -> row.group() == null);
            anyHeader |= header[i];
            anyBare |= !header[i];
        }

        try (PDDocument pdf = new PDDocument()) {
            String title = switch (doc.language()) {
                case EN -> "Invoice ";
                case FR -> "Facture ";
                case BILINGUAL -> "Invoice / Facture ";
            } + doc.invoiceNumber();
            if (pdfa) {
                PdfA.mark(pdf, title, doc.company().legalName(), doc.accountNumber(), doc.invoiceNumber(),
                        ZonedDateTime.now());
            } else {
                PDDocumentInformation info = pdf.getDocumentInformation();
                info.setTitle(title);
                info.setAuthor(doc.company().legalName());
                info.setSubject(doc.accountNumber());
            }
            pdf.getDocumentCatalog().setLanguage(doc.language().locale().toLanguageTag());

            COSDictionary fonts = new COSDictionary();
            for (Map.Entry<String, EmbeddedFont> font : p.fonts().entrySet()) {
                fonts.setItem(COSName.getPDFName(p.fontKeys().get(font.getKey())),
                        font.getValue().newFontDictionary(pdf));
            }
            COSDictionary formResources = new COSDictionary();
            formResources.setItem(COSName.FONT, fonts);
            {
                COSDictionary formXObjects = new COSDictionary();
                if (p.logoPdf() != null) {
                    formXObjects.setItem(COSName.getPDFName("Logo"), p.logoPdf().asForm(0, pdf));
                } else if (p.logoImage() != null) {
                    formXObjects.setItem(COSName.getPDFName("Logo"),
                            PDImageXObject.createFromByteArray(pdf, p.logoImage(), "logo"));
                }
                formResources.setItem(COSName.XOBJECT, formXObjects);

                COSDictionary pageXObjects = new COSDictionary();
                pageXObjects.setItem(COSName.getPDFName("BgFirst"), form(pdf, p.first(), formResources));
                // only the backgrounds the pages use: an invoice whose pages all keep the header is as before
                if (anyHeader) {
                    pageXObjects.setItem(COSName.getPDFName("BgNext"), form(pdf, p.next(), formResources));
                }
                if (anyBare) {
                    pageXObjects.setItem(COSName.getPDFName("BgNextBare"), form(pdf, p.nextBare(), formResources));
                }
                pageXObjects.setItem(COSName.getPDFName("BgLast"), form(pdf, p.last(), formResources));
                COSDictionary pageResources = new COSDictionary();
                pageResources.setItem(COSName.FONT, fonts);
                pageResources.setItem(COSName.XOBJECT, pageXObjects);

                for (int i = 0; i < count; i++) {
                    int number = i + 1;
                    Content c = new Content(p, view);
                    c.raw(i == 0 ? "q /BgFirst Do Q\n" : header[i] ? "q /BgNext Do Q\n" : "q /BgNextBare Do Q\n");
                    if (number == count) {
                        c.raw("q /BgLast Do Q\n");
                    }
                    for (InvoiceLayout.Item item : p.perInvoiceItems()) {
                        if (shows(item.where(), number, count)
                                && LayoutValues.holds(item.when(), view.of(item.french()), count)) {
                            c.item(item, number, count);
                        }
                    }
                    List<FlowRow> rows = pageRows.get(i);
                    for (int r = 0; r < rows.size(); r++) {
                        c.flowRow(rows.get(r), pages.get(i).get(r)[0], number, count);
                    }
                    PDPage page = new PDPage(PDRectangle.LETTER);
                    page.getCOSObject().setItem(COSName.RESOURCES, pageResources);
                    COSStream contents = EmbeddedFont.stream(pdf, EmbeddedFont.deflatePerDocument(c.bytes()));
                    page.getCOSObject().setItem(COSName.CONTENTS, contents);
                    // not pdf.addPage: PDFBox 3 walks the whole page there looking for object numbers of an
                    // imported page (setHighestImportedObjectNumber); every object here is new, unnumbered
                    pdf.getPages().add(page);
                }
                attachments.appendTo(pdf);
                segmentAttachments.get().appendTo(pdf, doc.segment());
                ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
                pdf.save(out, CompressParameters.NO_COMPRESSION);
                return out.toByteArray();
            }
        }
    }

    private static boolean shows(InvoiceLayout.Where where, int page, int count) {
        return switch (where) {
            case FIRST -> page == 1;
            case NEXT -> page > 1;
            case LAST -> page == count;
            case ALL -> true;
        };
    }

    private static COSStream form(PDDocument pdf, byte[] deflated, COSDictionary resources) throws IOException {
        COSStream form = EmbeddedFont.stream(pdf, deflated);
        form.setItem(COSName.TYPE, COSName.XOBJECT);
        form.setItem(COSName.SUBTYPE, COSName.FORM);
        COSArray box = new COSArray();
        box.add(COSInteger.ZERO);
        box.add(COSInteger.ZERO);
        box.add(new COSFloat(612));
        box.add(new COSFloat(792));
        form.setItem(COSName.BBOX, box);
        form.setItem(COSName.RESOURCES, resources);
        return form;
    }

    /**
     * The table's rows (a description too long for its column wraps), then the totals and notes;
     * a row marked {@code beside} shares the line of the row before it.
     */
    private static List<FlowRow> flow(Views view, Prepared p) {
        InvoiceLayout layout = p.layout();
        InvoiceLayout.Table t = layout.table();
        List<FlowRow> flow = new ArrayList<>();
        for (int i = 0; i < view.en().lines().size(); i++) {
            List<List<String>> cells = new ArrayList<>();
            int most = 1;
            for (InvoiceLayout.Column col : layout.columns()) {
                InvoiceView v = view.of(col.french());
                InvoiceLayout.Style s = layout.styles().get(col.style());
                List<String> wrapped = wrap(LayoutValues.fill(col.value(), v, v.lines().get(i), 1, 1),
                        p.fonts().get(s.font()), s.size(), (float) (col.width() * 72));
                cells.add(wrapped);
                most = Math.max(most, wrapped.size());
            }
            double lineHeight = layout.styles().get(layout.columns().get(0).style()).size() * 1.25 / 72;
            flow.add(new FlowRow(t.rowHeight() + (most - 1) * lineHeight, null, -1, cells));
        }
        if (view.en().lines().isEmpty() && !layout.emptyTable().isEmpty()) {
            flow.add(new FlowRow(t.rowHeight(), null, -1, List.of(List.of(layout.emptyTable()))));
        }
        List<List<InvoiceLayout.Row>> groups = new ArrayList<>();
        for (InvoiceLayout.Row row : layout.rows()) {
            if (row.beside()) {
                groups.get(groups.size() - 1).add(row);
            } else {
                groups.add(new ArrayList<>(List.of(row)));
            }
        }
        InvoiceLayout.Totals totals = layout.totals();
        for (List<InvoiceLayout.Row> group : groups) {
            InvoiceLayout.Row head = group.get(0);
            boolean any = group.stream().anyMatch(r -> LayoutValues.holds(r.when(), view.of(r.french()), 1));
            if (!any) {
                continue;
            }
            switch (head.kind()) {
                case "gap" -> flow.add(new FlowRow(head.height(), group, -1, null));
                case "note" -> {
                    // a note repeated over a list (each=messages): one paragraph per element
                    int n = head.each() == null ? 1 : LayoutValues.elements(head.each(), view.of(head.french())).size();
                    for (int i = 0; i < n; i++) {
                        FlowRow note = note(group, head.each() == null ? -1 : i, view, p);
                        if (note != null) {
                            flow.add(note);
                        }
                    }
                }
                default -> {
                    if (head.each() == null) {
                        flow.add(new FlowRow(totals.rowHeight(), group, -1, null));
                    } else {
                        int n = LayoutValues.elements(head.each(), view.of(head.french())).size();
                        for (int i = 0; i < n; i++) {
                            flow.add(new FlowRow(totals.rowHeight(), group, i, null));
                        }
                    }
                }
            }
        }
        return flow;
    }

    /** A note and those beside it, with their wrapped lines; null when all are empty. */
    private static FlowRow note(List<InvoiceLayout.Row> group, int index, Views view, Prepared p) {
        InvoiceLayout layout = p.layout();
        InvoiceLayout.Totals totals = layout.totals();
        List<List<String>> cells = new ArrayList<>();
        double height = 0;
        for (InvoiceLayout.Row row : group) {
            InvoiceView v = view.of(row.french());
            Object element = null;
            if (index >= 0) {
                List<?> elements = LayoutValues.elements(row.each(), v);
                element = index < elements.size() ? elements.get(index) : null;
            }
            String text = LayoutValues.holds(row.when(), v, 1) && (index < 0 || element != null)
                    ? LayoutValues.fill(row.label(), v, element, 1, 1) : "";
            if (text.isBlank()) {
                cells.add(List.of());
                continue;
            }
            InvoiceLayout.Style s = layout.styles().get(row.style());
            double x = Double.isNaN(row.x()) ? layout.columns().get(0).x() : row.x();
            double right = Double.isNaN(row.amountX()) ? totals.amountX() : row.amountX();
            List<String> lines = wrap(text, p.fonts().get(s.font()), s.size(), (float) ((right - x) * 72));
            cells.add(lines);
            height = Math.max(height, lines.size() * s.size() * 1.3 / 72 + 0.1);
        }
        return height > 0 ? new FlowRow(height, group, index, cells) : null;
    }

    /** Words put on lines no wider than {@code width} points; a word longer than that stays whole. */
    static List<String> wrap(String text, EmbeddedFont font, float size, float width) {
        if (width <= 0 || font.width(text, size) <= width) {
            return List.of(text);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.width(tried, size) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(tried);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    // ------------------------------------------------------------------ content stream

    /** The operators of one content stream, written as text (numbers in points, y from the bottom). */
    private static final class Content {

        private final Prepared p;
        private final Views views;
        private final StringBuilder s = new StringBuilder(4096);

        Content(Prepared p, Views views) {
            this.p = p;
            this.views = views;
        }

        void raw(String ops) {
            s.append(ops);
        }

        byte[] bytes() {
            return s.toString().getBytes(StandardCharsets.US_ASCII);
        }

        void item(InvoiceLayout.Item item, int page, int pages) {
            InvoiceView view = views.of(item.french());
            switch (item.kind()) {
                case "text" -> text(item.style(), item.align(), item.x(), item.y(),
                        LayoutValues.fill(item.texts().get(0), view, null, page, pages));
                case "block" -> {
                    double y = item.y();
                    for (String text : item.texts()) {
                        for (String line : LayoutValues.lines(text, view)) {
                            String filled = LayoutValues.fill(line, view, null, page, pages);
                            InvoiceLayout.Style style = p.layout().styles().get(item.style());
                            for (String part : wrap(filled, p.fonts().get(style.font()), style.size(),
                                    (float) (item.w() * 72))) {
                                text(item.style(), item.align(), item.x(), y, part);
                                y += item.h();
                            }
                        }
                    }
                }
                case "fill" -> {
                    colour(item.rgb(), "rg");
                    rect(item.x(), item.y(), item.w(), item.h());
                    s.append("f\n");
                }
                case "box" -> {
                    colour(item.rgb(), "RG");
                    num(item.width()).append("w\n");
                    rect(item.x(), item.y(), item.w(), item.h());
                    s.append("S\n");
                }
                case "rule", "dashed" -> rule(item.x(), item.y(), item.w(), item.rgb(), item.width(),
                        item.kind().equals("dashed"));
                case "logo" -> logo(item);
                default -> throw new IllegalStateException(item.kind());
            }
        }

        private void logo(InvoiceLayout.Item item) {
            if (p.logoPdf() == null && p.logoImage() == null) {
                return;
            }
            // a form's box is its own page size; an image is 1x1 unit
            double w = item.w() * 72;
            double h = item.h() * 72;
            s.append("q ");
            if (p.logoPdf() != null) {
                float[] size = logoSize(p.logoPdf());
                num(w / size[0]).append("0 0 ");
                num(h / size[1]);
            } else {
                num(w).append("0 0 ");
                num(h);
            }
            num(item.x() * 72);
            num(PAGE_HEIGHT - (item.y() + item.h()) * 72).append("cm /Logo Do Q\n");
        }

        void rule(double x, double y, double w, float[] rgb, float width, boolean dashed) {
            s.append("q ");
            colour(rgb, "RG");
            num(width).append("w ");
            if (dashed) {
                s.append("[3 2] 0 d ");
            }
            num(x * 72);
            num(PAGE_HEIGHT - y * 72).append("m ");
            num((x + w) * 72);
            num(PAGE_HEIGHT - y * 72).append("l S Q\n");
        }

        void text(String styleName, String align, double x, double y, String text) {
            text(styleName, p.layout().styles().get(styleName).size(), align, x, y, text);
        }

        /** The text's width in points, in the style's font and size. */
        float width(String styleName, String text) {
            InvoiceLayout.Style style = p.layout().styles().get(styleName);
            return text.isEmpty() ? 0 : p.fonts().get(style.font()).width(text, style.size());
        }

        /**
         * A row's label, left-aligned, in the room left before its amount: a label longer than that
         * (a tax's name with its registration number, in French beside the English) is set smaller,
         * down to {@link #SMALLEST_LABEL_SHARE} of its style's size, so that it is never drawn under
         * its amount; one still too long past that is cut with an ellipsis.
         */
        void labelWithin(String styleName, double x, double y, String label, double roomInches) {
            if (label.isEmpty()) {
                return;
            }
            InvoiceLayout.Style style = p.layout().styles().get(styleName);
            EmbeddedFont font = p.fonts().get(style.font());
            float room = (float) (roomInches * 72);
            float size = style.size();
            float natural = font.width(label, size);
            if (natural > room) {
                size = Math.max(size * SMALLEST_LABEL_SHARE, size * room / natural * 0.99f); // 1 %: rounding
                // three dots, not U+2026: the invoice fonts carry Latin-1 and Latin Extended-A only
                String whole = label;
                for (int keep = whole.length() - 1; keep > 0 && font.width(label, size) > room; keep--) {
                    label = whole.substring(0, keep).stripTrailing() + "...";
                }
            }
            text(styleName, size, "left", x, y, label);
        }

        private void text(String styleName, float size, String align, double x, double y, String text) {
            if (text.isEmpty()) {
                return;
            }
            InvoiceLayout.Style style = p.layout().styles().get(styleName);
            EmbeddedFont font = p.fonts().get(style.font());
            double px = x * 72;
            if (!align.equals("left")) {
                float width = font.width(text, size);
                px -= align.equals("right") ? width : width / 2;
            }
            s.append("BT /").append(p.fontKeys().get(style.font())).append(' ');
            num(size).append("Tf ");
            colour(style.rgb(), "rg");
            s.append("1 0 0 1 ");
            num(px);
            num(PAGE_HEIGHT - y * 72).append("Tm ");
            font.appendHex(s, text);
            s.append(" Tj ET\n");
        }

        void flowRow(FlowRow row, double top, int page, int pages) {
            InvoiceLayout layout = p.layout();
            InvoiceLayout.Totals totals = layout.totals();
            if (row.group() == null) {
                // a line of the table
                List<InvoiceLayout.Column> cols = layout.columns();
                for (int i = 0; i < row.cells().size(); i++) {
                    InvoiceLayout.Column col = cols.get(i);
                    double lineHeight = layout.styles().get(col.style()).size() * 1.25 / 72;
                    double y = top + layout.table().rowHeight() * 0.7;
                    for (String line : row.cells().get(i)) {
                        text(col.style(), col.align(), col.x(), y, line);
                        y += lineHeight;
                    }
                }
                InvoiceLayout.Column last = cols.get(cols.size() - 1);
                double right = last.align().equals("right") ? last.x() : last.x() + last.width();
                rule(cols.get(0).x() - 0.05, top + row.height(), right - cols.get(0).x() + 0.1,
                        new float[]{0.898f, 0.906f, 0.922f}, 0.5f, false);
                return;
            }
            for (int g = 0; g < row.group().size(); g++) {
                InvoiceLayout.Row r = row.group().get(g);
                InvoiceView view = views.of(r.french());
                switch (r.kind()) {
                    case "gap" -> {
                    }
                    case "note" -> {
                        double x = Double.isNaN(r.x()) ? layout.columns().get(0).x() : r.x();
                        double lineHeight = layout.styles().get(r.style()).size() * 1.3 / 72;
                        double y = top + 0.05 + lineHeight * 0.75;
                        for (String line : row.cells().get(g)) {
                            text(r.style(), "left", x, y, line);
                            y += lineHeight;
                        }
                    }
                    default -> {
                        if (!LayoutValues.holds(r.when(), view, 1)) {
                            continue;
                        }
                        Object element = row.index() < 0 ? null : LayoutValues.elements(r.each(), view).get(row.index());
                        double x = Double.isNaN(r.x()) ? totals.labelX() : r.x();
                        double amountX = Double.isNaN(r.amountX()) ? totals.amountX() : r.amountX();
                        if (r.ruleRgb() != null) {
                            double left = Double.isNaN(r.amountX()) ? Math.min(x, totals.labelX()) : x;
                            rule(left, top, amountX - left, r.ruleRgb(), r.ruleWidth(), false);
                        }
                        double y = top + totals.rowHeight() * 0.72;
                        String amount = LayoutValues.fill(r.value(), view, element, page, pages);
                        double labelRoom = amountX - x - (width(r.style(), amount) + LABEL_GAP_POINTS) / 72;
                        labelWithin(r.style(), x, y, LayoutValues.fill(r.label(), view, element, page, pages), labelRoom);
                        text(r.style(), "right", amountX, y, amount);
                    }
                }
            }
        }

        private void rect(double x, double y, double w, double h) {
            num(x * 72);
            num(PAGE_HEIGHT - (y + h) * 72);
            num(w * 72);
            num(h * 72).append("re ");
        }

        private void colour(float[] rgb, String op) {
            num(rgb[0]);
            num(rgb[1]);
            num(rgb[2]).append(op).append(' ');
        }

        /** A number with at most three decimals, written by hand: String.format was a tenth of the time. */
        private StringBuilder num(double v) {
            long scaled = Math.round(v * 1000);
            if (scaled < 0) {
                s.append('-');
                scaled = -scaled;
            }
            s.append(scaled / 1000);
            long fraction = scaled % 1000;
            if (fraction != 0) {
                s.append('.');
                if (fraction < 100) {
                    s.append('0');
                }
                if (fraction < 10) {
                    s.append('0');
                }
                s.append(fraction);
            }
            return s.append(' ');
        }
    }

    /** The logo form's width and height in points (its page size). */
    private static float[] logoSize(FrozenPages logo) {
        COSArray box = logo.mediaBox(0);
        float[] v = new float[4];
        for (int i = 0; i < 4; i++) {
            v[i] = ((org.apache.pdfbox.cos.COSNumber) box.getObject(i)).floatValue();
        }
        return new float[]{v[2] - v[0], v[3] - v[1]};
    }
}
