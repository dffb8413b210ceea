package ca.isp.billing.writers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A TrueType font made ready once and embedded in every invoice at the cost of copying bytes.
 *
 * <p>Issue 12 measured where PDFBox spends its time with an embedded font: parsing the font file
 * and subsetting it again for every document. Here the font is parsed once, cut once to the
 * glyphs of English and French (Latin-1, Latin Extended-A, the dashes, quotes and spaces the
 * formats use), and the pieces of its PDF form are computed once: the compressed subset, the
 * glyph widths, the ToUnicode map (so the text can be read back and searched). Each document
 * gets fresh PDF objects holding those bytes (a Type 0 font, Identity-H, glyph ids as codes),
 * so nothing PDFBox mutates is shared between threads. Text is encoded here, as glyph ids.
 */
public final class EmbeddedFont {

    private final String baseName;
    private final Map<Integer, Integer> glyphs;
    /** The same map as an array by character (0: none; glyph 0 is never mapped): looked up for every character drawn. */
    private final int[] glyphByChar;
    /**
     * The glyph widths as PDF integers, made once and put in every document's W array: a COSInteger
     * is immutable and PDFBox itself shares its small ones between documents; making 350 a font for
     * every invoice was most of newFontDictionary.
     */
    private final List<COSBase> widthNumbers;
    private final float[] widths;
    private final byte[] fontFile;
    private final int fontFileLength;
    private final byte[] toUnicode;
    private final float ascent;
    private final float descent;
    private final float capHeight;
    private final float[] bbox;

    private EmbeddedFont(String baseName, Map<Integer, Integer> glyphs, float[] widths, byte[] fontFile,
                         int fontFileLength, byte[] toUnicode, float ascent, float descent, float capHeight,
                         float[] bbox) {
        this.baseName = baseName;
        this.glyphs = glyphs;
        this.glyphByChar = new int[glyphs.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
        glyphs.forEach((c, gid) -> glyphByChar[c] = gid);
        List<COSBase> numbers = new ArrayList<>(widths.length);
        for (float width : widths) {
            numbers.add(COSInteger.get(Math.round(width)));
        }
        this.widthNumbers = List.copyOf(numbers);
        this.widths = widths;
        this.fontFile = fontFile;
        this.fontFileLength = fontFileLength;
        this.toUnicode = toUnicode;
        this.ascent = ascent;
        this.descent = descent;
        this.capHeight = capHeight;
        this.bbox = bbox;
    }

    /** The characters every invoice may print: English and French text, amounts, dates, addresses. */
    static TreeSet<Integer> englishAndFrench() {
        TreeSet<Integer> set = new TreeSet<>();
        for (int c = 0x20; c <= 0x7E; c++) {
            set.add(c);
        }
        for (int c = 0xA0; c <= 0x17F; c++) {
            set.add(c);
        }
        for (int c : new int[]{0x2009, 0x2011, 0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2022,
                0x2026, 0x202F, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2116, 0x2122}) {
            set.add(c);
        }
        return set;
    }

    /** Parses a TrueType font and cuts it to {@code characters}; {@code name} is for messages. */
    public static EmbeddedFont load(String name, InputStream ttf) throws IOException {
        byte[] full = ttf.readAllBytes();
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(full));
        try {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            TTFSubsetter subsetter = new TTFSubsetter(font);
            String tag = tag(name);
            subsetter.setPrefix(tag);
            for (int c : englishAndFrench()) {
                if (cmap.getGlyphId(c) != 0) {
                    subsetter.add(c);
                }
            }
            ByteArrayOutputStream subset = new ByteArrayOutputStream();
            subsetter.writeToStream(subset);
            byte[] subsetBytes = subset.toByteArray();
            try (TrueTypeFont cut = new TTFParser(true).parse(new RandomAccessReadBuffer(subsetBytes))) {
                CmapLookup cutMap = cut.getUnicodeCmapLookup();
                Map<Integer, Integer> glyphs = new HashMap<>();
                float scale = 1000f / cut.getUnitsPerEm();
                float[] widths = new float[cut.getNumberOfGlyphs()];
                for (int gid = 0; gid < widths.length; gid++) {
                    widths[gid] = cut.getAdvanceWidth(gid) * scale;
                }
                StringBuilder cmapText = new StringBuilder();
                int entries = 0;
                StringBuilder ranges = new StringBuilder();
                for (int c : englishAndFrench()) {
                    int gid = cutMap.getGlyphId(c);
                    if (gid != 0) {
                        glyphs.put(c, gid);
                        ranges.append(String.format("<%04X> <%04X>%n", gid, c));
                        if (++entries == 100) {
                            cmapText.append("100 beginbfchar\n").append(ranges).append("endbfchar\n");
                            ranges.setLength(0);
                            entries = 0;
                        }
                    }
                }
                if (entries > 0) {
                    cmapText.append(entries).append(" beginbfchar\n").append(ranges).append("endbfchar\n");
                }
                String toUnicode = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                        + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                        + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                        + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" + cmapText
                        + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
                var head = cut.getHeader();
                var hhea = cut.getHorizontalHeader();
                var os2 = cut.getOS2Windows();
                float[] bbox = {head.getXMin() * scale, head.getYMin() * scale, head.getXMax() * scale,
                        head.getYMax() * scale};
                float capHeight = os2 != null && os2.getCapHeight() != 0 ? os2.getCapHeight() * scale
                        : hhea.getAscender() * scale;
                return new EmbeddedFont(tag + font.getName(), Map.copyOf(glyphs), widths, deflate(subsetBytes),
                        subsetBytes.length, deflate(toUnicode.getBytes(StandardCharsets.US_ASCII)),
                        hhea.getAscender() * scale, hhea.getDescender() * scale, capHeight, bbox);
            }
        } finally {
            font.close();
        }
    }

    /** A subset's six capital letters, from its name, so the same font always gets the same tag. */
    private static String tag(String name) {
        int h = Math.abs(name.hashCode());
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + h % 26));
            h /= 26;
        }
        return tag.append('+').toString();
    }

    public boolean canShow(int codePoint) {
        return glyphs.containsKey(codePoint);
    }

    /** The text's width in points at {@code size}. */
    public float width(String text, float size) {
        float w = 0;
        for (int i = 0; i < text.length(); i++) {
            int gid = glyph(text.charAt(i));
            w += gid == 0 ? 0 : widths[gid];
        }
        return w * size / 1000f;
    }

    /**
     * The text as a PDF hex string of glyph ids, for Tj. A character outside the set is refused:
     * a customer's name must not silently lose a letter.
     */
    public void appendHex(StringBuilder content, String text) {
        content.append('<');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int gid = glyph(c);
            if (gid == 0) {
                throw new IllegalArgumentException(String.format(
                        "the character '%c' (U+%04X) in \"%s\" is not in the invoice font (English and French)", c,
                        (int) c, text));
            }
            content.append(HEX[(gid >> 12) & 0xF]).append(HEX[(gid >> 8) & 0xF]).append(HEX[(gid >> 4) & 0xF])
                    .append(HEX[gid & 0xF]);
        }
        content.append('>');
    }

    /** The glyph id of a character of the set, 0 for any other. */
    private int glyph(char c) {
        return c < glyphByChar.length ? glyphByChar[c] : 0;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** The font's objects for one document, filled with the bytes made once. */
    public COSDictionary newFontDictionary(PDDocument document) throws IOException {
        COSStream file = stream(document, fontFile);
        file.setInt(COSName.LENGTH1, fontFileLength);

        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, baseName);
        descriptor.setInt(COSName.FLAGS, 32);
        COSArray box = new COSArray();
        for (float v : bbox) {
            box.add(new COSFloat(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, box);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setFloat(COSName.ASCENT, ascent);
        descriptor.setFloat(COSName.DESCENT, descent);
        descriptor.setFloat(COSName.CAP_HEIGHT, capHeight);
        descriptor.setInt(COSName.STEM_V, 80);
        descriptor.setItem(COSName.FONT_FILE2, file);

        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setString(COSName.REGISTRY, "Adobe");
        systemInfo.setString(COSName.ORDERING, "Identity");
        systemInfo.setInt(COSName.SUPPLEMENT, 0);

        COSArray w = new COSArray();
        w.add(COSInteger.ZERO);
        COSArray all = new COSArray();
        all.addAll(widthNumbers);
        w.add(all);

        COSDictionary cid = new COSDictionary();
        cid.setItem(COSName.TYPE, COSName.FONT);
        cid.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cid.setName(COSName.BASE_FONT, baseName);
        cid.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        cid.setItem(COSName.FONT_DESC, descriptor);
        cid.setItem(COSName.W, w);
        cid.setItem(COSName.CID_TO_GID_MAP, COSName.IDENTITY);

        COSArray descendants = new COSArray();
        descendants.add(cid);
        COSDictionary type0 = new COSDictionary();
        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
        type0.setName(COSName.BASE_FONT, baseName);
        type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);
        type0.setItem(COSName.TO_UNICODE, stream(document, toUnicode));
        return type0;
    }

    /** A stream holding bytes already compressed with Flate. */
    static COSStream stream(PDDocument document, byte[] deflated) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(deflated);
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        return stream;
    }

    /**
     * A thread's Deflater for what is compressed per invoice (each page's content stream), at the
     * default level and reused: a new Deflater at BEST_COMPRESSION for every page was the largest
     * single cost of a render in the JFR samples (zlib's level 9 searches long chains through the
     * repetitive operators, and each new Deflater sets up its window in native memory). What is
     * made once per run (fonts, backgrounds, the colour profile) stays at the best compression.
     */
    private static final ThreadLocal<Deflater> PER_DOCUMENT = ThreadLocal.withInitial(
            () -> new Deflater(Deflater.DEFAULT_COMPRESSION));

    static byte[] deflatePerDocument(byte[] bytes) {
        Deflater deflater = PER_DOCUMENT.get();
        deflater.reset();
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            deflater.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
