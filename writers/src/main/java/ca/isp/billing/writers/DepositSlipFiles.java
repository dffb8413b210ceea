package ca.isp.billing.writers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import ca.isp.billing.domain.DepositSlip;
import ca.isp.billing.domain.files.SpreadsheetCells;

/**
 * A deposit slip's two files: a PDF for the bank counter (letter size, a standard font: every
 * value on it is an identifier, an amount or a method name) and a CSV for the accountant, with
 * the same figures: the batch's count and total, the total per method, and each cheque with its
 * number and amount.
 */
public final class DepositSlipFiles {

    /** The CSV's columns: one row for the total, one per method, one per cheque. */
    public static final List<String> COLUMNS = List.of("deposit_batch", "line", "method", "cheque_number", "payment_ref",
            "count", "amount");

    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float MARGIN = 54;
    private static final float LEADING = 15;

    private DepositSlipFiles() {
    }

    public static byte[] csv(DepositSlip slip) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).setRecordSeparator("\n").get())) {
            String batch = SpreadsheetCells.text(slip.batch());
            printer.printRecord(batch, "TOTAL", "", "", "", slip.count(), slip.total().toPlainString());
            for (DepositSlip.MethodTotal m : slip.byMethod()) {
                printer.printRecord(batch, "METHOD", m.method(), "", "", m.count(), m.total().toPlainString());
            }
            for (DepositSlip.Cheque c : slip.cheques()) {
                printer.printRecord(batch, "CHEQUE", "CHEQUE", SpreadsheetCells.text(c.chequeNumber()),
                        SpreadsheetCells.text(c.paymentRef()), 1, c.amount().toPlainString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The slip as a PDF; {@code made} is the day it is written. */
    public static byte[] pdf(DepositSlip slip, String company, LocalDate made) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"Method", "Count", "Amount"});
        for (DepositSlip.MethodTotal m : slip.byMethod()) {
            rows.add(new String[]{m.method(), Integer.toString(m.count()), amount(m.total())});
        }
        rows.add(new String[]{"Total", Integer.toString(slip.count()), amount(slip.total())});
        List<String[]> cheques = new ArrayList<>();
        cheques.add(new String[]{"Cheque number", "Reference", "Amount"});
        for (DepositSlip.Cheque c : slip.cheques()) {
            cheques.add(new String[]{c.chequeNumber(), c.paymentRef(), amount(c.amount())});
        }
        BigDecimal chequeTotal = slip.cheques().stream().map(DepositSlip.Cheque::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        cheques.add(new String[]{"Cheques", Integer.toString(slip.cheques().size()), amount(chequeTotal)});
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Pages pages = new Pages(document);
            pages.line(BOLD, 16, "Deposit slip " + slip.batch());
            pages.line(REGULAR, 10, ascii(company) + " - written " + made);
            pages.gap();
            for (int i = 0; i < rows.size(); i++) {
                pages.row(i == 0 || i == rows.size() - 1 ? BOLD : REGULAR, rows.get(i));
            }
            pages.gap();
            for (int i = 0; i < cheques.size(); i++) {
                pages.row(i == 0 || i == cheques.size() - 1 ? BOLD : REGULAR, cheques.get(i));
            }
            pages.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the deposit slip of " + slip.batch(), e);
        }
    }

    private static String amount(BigDecimal value) {
        return value.toPlainString();
    }

    /** The standard font draws Latin-1 only: anything else in a company name becomes '?'. */
    private static String ascii(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c <= 0xff && c != 0x7f ? (char) c : '?'));
        return out.toString();
    }

    /** Lines down letter pages, a new page when one is full. */
    private static final class Pages {

        private final PDDocument document;
        private PDPageContentStream content;
        private float y;

        Pages(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            room();
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(text);
            content.endText();
            y -= LEADING + (size - 10);
        }

        /** Three columns: a label on the left, a count, an amount aligned right. */
        void row(PDType1Font font, String[] cells) throws IOException {
            room();
            float[] rightEdges = {0, 380, 520};
            for (int i = 0; i < cells.length; i++) {
                float x = i == 0 ? MARGIN : MARGIN + rightEdges[i] - font.getStringWidth(cells[i]) / 1000 * 10;
                content.beginText();
                content.setFont(font, 10);
                content.newLineAtOffset(x, y);
                content.showText(cells[i]);
                content.endText();
            }
            y -= LEADING;
        }

        void gap() {
            y -= LEADING;
        }

        private void room() throws IOException {
            if (y < MARGIN) {
                newPage();
            }
        }

        void close() throws IOException {
            content.close();
        }
    }
}
