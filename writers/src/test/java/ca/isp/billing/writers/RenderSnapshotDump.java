package ca.isp.billing.writers;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Not a test (skipped without -Dsnapshot.dir, and not named *Test): writes a normalised view of
 * rendered PDFs (text, page pixels, every object with decoded streams hashed, dates blanked) to
 * that folder, to diff a render change before and after:
 * {@code mvn -o -q -pl writers test -Dtest=RenderSnapshotDump -Dsnapshot.dir=/tmp/before}.
 */
class RenderSnapshotDump {

    @Test
    void dump() throws Exception {
        String dir = System.getProperty("snapshot.dir");
        Assumptions.assumeTrue(dir != null);
        Path out = Path.of(dir);
        Files.createDirectories(out);
        Map<String, InvoiceDocument> docs = new TreeMap<>();
        docs.put("en", Invoices.englishOntario("2026-000124"));
        docs.put("fr", Invoices.frenchQuebec("F-2026-000123"));
        docs.put("bilingual", Invoices.bilingualQuebec("F-2026-000125"));
        docs.put("long", Invoices.manyLines(60));
        docs.put("payments", Invoices.englishWithPayments(8));
        LayoutInvoiceRenderer shared = new LayoutInvoiceRenderer(Invoices.TEMPLATES,
                PdfAttachments.of(List.of(Invoices.TEMPLATES.resolve("attachments/rate-change-notice.pdf"))));
        for (int round = 0; round < 2; round++) {
            for (Map.Entry<String, InvoiceDocument> e : docs.entrySet()) {
                Files.writeString(out.resolve(e.getKey() + "-shared-" + round + ".txt"), describe(shared.render(e.getValue())));
                Files.writeString(out.resolve(e.getKey() + "-fresh-" + round + ".txt"),
                        describe(new LayoutInvoiceRenderer(Invoices.TEMPLATES).render(e.getValue())));
            }
        }
    }

    static String describe(byte[] pdf) throws Exception {
        StringBuilder s = new StringBuilder();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            s.append("pages ").append(d.getNumberOfPages()).append(" version ").append(d.getVersion()).append('\n');
            s.append("TEXT\n").append(new PDFTextStripper().getText(d)).append("\nENDTEXT\n");
            PDFRenderer r = new PDFRenderer(d);
            for (int i = 0; i < d.getNumberOfPages(); i++) {
                BufferedImage img = r.renderImageWithDPI(i, 72);
                int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (int p : px) {
                    md.update((byte) (p >> 16));
                    md.update((byte) (p >> 8));
                    md.update((byte) p);
                }
                s.append("page ").append(i).append(" pixels ").append(HexFormat.of().formatHex(md.digest())).append('\n');
            }
            COSDictionary trailer = d.getDocument().getTrailer();
            walk("trailer", trailer, s, new IdentityHashMap<>(), 0);
        }
        return s.toString();
    }

    private static void walk(String path, COSBase base, StringBuilder s, Map<COSBase, String> seen, int depth)
            throws Exception {
        if (base instanceof COSObject o) {
            base = o.getObject();
        }
        String indent = "  ".repeat(depth);
        if (base == null) {
            s.append(indent).append(path).append(" = null\n");
            return;
        }
        String before = seen.get(base);
        if (before != null && (base instanceof COSDictionary || base instanceof COSArray)) {
            s.append(indent).append(path).append(" -> ").append(before).append('\n');
            return;
        }
        if (base instanceof COSDictionary || base instanceof COSArray) {
            seen.put(base, path);
        }
        if (base instanceof COSStream st) {
            byte[] bytes;
            try (InputStream in = st.createInputStream()) {
                bytes = in.readAllBytes();
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            if (COSName.METADATA.equals(st.getCOSName(COSName.TYPE))) {
                text = text.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[^<]*", "DATE");
                s.append(indent).append(path).append(" stream xmp ").append(text.replace('\n', '|')).append('\n');
            } else {
                s.append(indent).append(path).append(" stream ").append(bytes.length).append(" sha ")
                        .append(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes))).append('\n');
            }
        }
        if (base instanceof COSDictionary dict) {
            List<COSName> keys = new ArrayList<>(dict.keySet());
            keys.sort((a, b) -> a.getName().compareTo(b.getName()));
            s.append(indent).append(path).append(" <<\n");
            for (COSName k : keys) {
                if (k.equals(COSName.PARENT) || k.equals(COSName.LENGTH)) {
                    continue;
                }
                if (k.equals(COSName.CREATION_DATE) || k.equals(COSName.MOD_DATE)) {
                    s.append(indent).append("  /").append(k.getName()).append(" DATE\n");
                    continue;
                }
                walk("/" + k.getName(), dict.getItem(k), s, seen, depth + 1);
            }
            s.append(indent).append(">>\n");
        } else if (base instanceof COSArray a) {
            s.append(indent).append(path).append(" [").append(a.size()).append('\n');
            for (int i = 0; i < a.size(); i++) {
                walk("[" + i + "]", a.get(i), s, seen, depth + 1);
            }
            s.append(indent).append("]\n");
        } else if (!(base instanceof COSStream)) {
            s.append(indent).append(path).append(" = ").append(base).append('\n');
        }
    }
}
