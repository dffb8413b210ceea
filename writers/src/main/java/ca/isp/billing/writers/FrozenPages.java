package ca.isp.billing.writers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * The pages of a PDF read once and kept in memory as plain objects, ready to be copied into
 * any number of documents, from any number of threads.
 *
 * <p>Loading a PDF again for every invoice (to append a notice, to place the logo) cost more
 * than drawing the invoice. A PDFBox document cannot be shared between threads (its streams
 * read from one file position), so the pages are copied out of it once, every indirect object
 * resolved and every stream's bytes read, and the document closed. Copying into a document
 * then only makes new dictionaries, arrays and streams holding the same bytes; nothing of the
 * frozen copy is ever changed.
 */
final class FrozenPages {

    private final List<COSDictionary> pages;
    private final Map<COSStream, byte[]> streamBytes;

    private FrozenPages(List<COSDictionary> pages, Map<COSStream, byte[]> streamBytes) {
        this.pages = pages;
        this.streamBytes = streamBytes;
    }

    static FrozenPages of(byte[] pdf) throws IOException {
        Map<COSStream, byte[]> bytes = new IdentityHashMap<>();
        List<COSDictionary> pages = new ArrayList<>();
        Map<COSBase, COSBase> seen = new IdentityHashMap<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                COSDictionary dict = page.getCOSObject();
                COSDictionary frozen = new COSDictionary();
                // what a page inherits from its page tree is made its own
                frozen.setItem(COSName.MEDIA_BOX, page.getMediaBox().getCOSObject());
                if (page.getRotation() != 0) {
                    frozen.setInt(COSName.ROTATE, page.getRotation());
                }
                frozen.setItem(COSName.RESOURCES, freeze(page.getResources().getCOSObject(), seen, bytes));
                frozen.setItem(COSName.TYPE, COSName.PAGE);
                // the contents as one stream (a page may have an array of them)
                try (InputStream contents = page.getContents()) {
                    COSStream stream = new COSStream();
                    stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
                    bytes.put(stream, EmbeddedFont.deflate(contents.readAllBytes()));
                    frozen.setItem(COSName.CONTENTS, stream);
                }
                for (COSName key : List.of(COSName.CROP_BOX, COSName.TRIM_BOX, COSName.BLEED_BOX)) {
                    if (dict.getDictionaryObject(key) != null) {
                        frozen.setItem(key, freeze(dict.getDictionaryObject(key), seen, bytes));
                    }
                }
                pages.add(frozen);
            }
        }
        return new FrozenPages(List.copyOf(pages), bytes);
    }

    int size() {
        return pages.size();
    }

    /** A page's bounding box (its media box) as the frozen array, for a form made of it. */
    COSArray mediaBox(int page) {
        return (COSArray) pages.get(page).getDictionaryObject(COSName.MEDIA_BOX);
    }

    /** Appends copies of every page to the document. */
    void appendTo(PDDocument document) throws IOException {
        Map<COSBase, COSBase> copies = new IdentityHashMap<>();
        for (COSDictionary page : pages) {
            // getPages().add, not addPage: the copy is all new objects, no imported numbers to look for
            document.getPages().add(new PDPage((COSDictionary) copy(page, document, copies)));
        }
    }

    /** A copy of a page as a form XObject (its contents, resources and box), to draw it inside another page. */
    COSStream asForm(int page, PDDocument document) throws IOException {
        Map<COSBase, COSBase> copies = new IdentityHashMap<>();
        COSDictionary frozen = pages.get(page);
        COSStream form = (COSStream) copy(frozen.getDictionaryObject(COSName.CONTENTS), document, copies);
        form.setItem(COSName.TYPE, COSName.XOBJECT);
        form.setItem(COSName.SUBTYPE, COSName.FORM);
        form.setItem(COSName.BBOX, copy(frozen.getDictionaryObject(COSName.MEDIA_BOX), document, copies));
        form.setItem(COSName.RESOURCES, copy(frozen.getDictionaryObject(COSName.RESOURCES), document, copies));
        return form;
    }

    private static COSBase freeze(COSBase base, Map<COSBase, COSBase> seen, Map<COSStream, byte[]> bytes)
            throws IOException {
        if (base instanceof COSObject indirect) {
            base = indirect.getObject();
        }
        if (base == null) {
            return null;
        }
        COSBase done = seen.get(base);
        if (done != null) {
            return done;
        }
        if (base instanceof COSStream stream) {
            COSStream frozen = new COSStream();
            seen.put(base, frozen);
            copyEntries(stream, frozen, seen, bytes);
            try (InputStream raw = stream.createRawInputStream()) {
                bytes.put(frozen, raw.readAllBytes());
            }
            return frozen;
        }
        if (base instanceof COSDictionary dict) {
            COSDictionary frozen = new COSDictionary();
            seen.put(base, frozen);
            copyEntries(dict, frozen, seen, bytes);
            return frozen;
        }
        if (base instanceof COSArray array) {
            COSArray frozen = new COSArray();
            seen.put(base, frozen);
            for (int i = 0; i < array.size(); i++) {
                COSBase item = freeze(array.get(i), seen, bytes);
                frozen.add(item == null ? org.apache.pdfbox.cos.COSNull.NULL : item);
            }
            return frozen;
        }
        return base;
    }

    private static void copyEntries(COSDictionary from, COSDictionary to, Map<COSBase, COSBase> seen,
                                    Map<COSStream, byte[]> bytes) throws IOException {
        for (Map.Entry<COSName, COSBase> entry : from.entrySet()) {
            if (entry.getKey().equals(COSName.PARENT) || entry.getKey().equals(COSName.LENGTH)) {
                continue;
            }
            COSBase value = freeze(entry.getValue(), seen, bytes);
            if (value != null) {
                to.setItem(entry.getKey(), value);
            }
        }
    }

    private COSBase copy(COSBase frozen, PDDocument document, Map<COSBase, COSBase> copies) throws IOException {
        COSBase done = copies.get(frozen);
        if (done != null) {
            return done;
        }
        if (frozen instanceof COSStream stream) {
            COSStream copy = document.getDocument().createCOSStream();
            copies.put(frozen, copy);
            for (Map.Entry<COSName, COSBase> entry : stream.entrySet()) {
                copy.setItem(entry.getKey(), copy(entry.getValue(), document, copies));
            }
            try (OutputStream out = copy.createRawOutputStream()) {
                out.write(streamBytes.get(stream));
            }
            return copy;
        }
        if (frozen instanceof COSDictionary dict) {
            COSDictionary copy = new COSDictionary();
            copies.put(frozen, copy);
            for (Map.Entry<COSName, COSBase> entry : dict.entrySet()) {
                copy.setItem(entry.getKey(), copy(entry.getValue(), document, copies));
            }
            return copy;
        }
        if (frozen instanceof COSArray array) {
            COSArray copy = new COSArray();
            copies.put(frozen, copy);
            for (int i = 0; i < array.size(); i++) {
                copy.add(copy(array.get(i), document, copies));
            }
            return copy;
        }
        if (frozen instanceof COSString string) {
            return new COSString(string.getBytes());
        }
        return frozen; // names, numbers, booleans, null: values PDFBox never changes
    }
}
