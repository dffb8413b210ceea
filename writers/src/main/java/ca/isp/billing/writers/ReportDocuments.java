package ca.isp.billing.writers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import ca.isp.billing.domain.files.SpreadsheetCells;

/**
 * Management reports written as CSV (one table a file), self-contained HTML (inline style, no
 * script, nothing fetched) or XLSX through Apache POI: one sheet per report, numbers as numbers
 * (money with two decimals, counts whole, rates as they are) and dates as dates, so the office's
 * spreadsheet sums and sorts them without converting anything.
 */
public final class ReportDocuments {

    static final String MONEY_FORMAT = "#,##0.00";
    static final String DATE_FORMAT = "yyyy-mm-dd";

    private ReportDocuments() {
    }

    /** One table as CSV: text cells neutralised (no formulas), numbers plain, dates ISO. */
    public static byte[] csv(ReportTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(table.columns().stream().map(ReportTable.Column::name)
                        .toArray(String[]::new)).setRecordSeparator("\n").get())) {
            for (List<Object> row : table.rows()) {
                Object[] cells = new Object[row.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = plain(row.get(i), table.columns().get(i).type());
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String plain(Object value, ReportTable.Type type) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> SpreadsheetCells.text(value.toString());
            case MONEY, RATE -> ((BigDecimal) value).toPlainString();
            default -> value.toString();
        };
    }

    /** The tables as one HTML page with nothing outside it: inline style, escaped text. */
    public static byte[] html(String heading, List<ReportTable> tables) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(heading)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin-bottom:2em}")
                .append("th,td{border:1px solid #ccc;padding:.3em .6em}th{background:#eee;text-align:left}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(heading)).append("</h1>\n");
        for (ReportTable table : tables) {
            out.append("<h2 id=\"").append(escape(table.name())).append("\">").append(escape(table.title()))
                    .append("</h2>\n<table>\n<thead><tr>");
            table.columns().forEach(c -> out.append("<th>").append(escape(c.name())).append("</th>"));
            out.append("</tr></thead>\n<tbody>\n");
            for (List<Object> row : table.rows()) {
                out.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    ReportTable.Type type = table.columns().get(i).type();
                    boolean number = type == ReportTable.Type.MONEY || type == ReportTable.Type.COUNT
                            || type == ReportTable.Type.RATE;
                    out.append(number ? "<td class=\"n\">" : "<td>")
                            .append(escape(row.get(i) == null ? "" : plainHtml(row.get(i), type))).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        out.append("</body>\n</html>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String plainHtml(Object value, ReportTable.Type type) {
        return value instanceof BigDecimal b ? b.toPlainString() : value.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The tables as one workbook, a sheet each named after its report, with typed cells. */
    public static byte[] xlsx(List<ReportTable> tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat(MONEY_FORMAT));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat(DATE_FORMAT));
            CellStyle count = workbook.createCellStyle();
            count.setDataFormat(workbook.createDataFormat().getFormat("0"));
            for (ReportTable table : tables) {
                Sheet sheet = workbook.createSheet(table.name());
                Row head = sheet.createRow(0);
                for (int i = 0; i < table.columns().size(); i++) {
                    Cell cell = head.createCell(i);
                    cell.setCellValue(table.columns().get(i).name());
                    cell.setCellStyle(header);
                }
                int r = 1;
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < values.size(); i++) {
                        Object value = values.get(i);
                        if (value == null) {
                            continue;
                        }
                        Cell cell = row.createCell(i);
                        switch (table.columns().get(i).type()) {
                            case MONEY -> {
                                cell.setCellValue(((BigDecimal) value).doubleValue());
                                cell.setCellStyle(money);
                            }
                            case RATE -> cell.setCellValue(((BigDecimal) value).doubleValue());
                            case COUNT -> {
                                cell.setCellValue(((Number) value).doubleValue());
                                cell.setCellStyle(count);
                            }
                            case DATE -> {
                                cell.setCellValue((LocalDate) value);
                                cell.setCellStyle(date);
                            }
                            // a string cell is never a formula in XLSX: written as it is
                            case TEXT -> cell.setCellValue(value.toString());
                        }
                    }
                }
                sheet.createFreezePane(0, 1);
                for (int i = 0; i < table.columns().size(); i++) {
                    sheet.setColumnWidth(i, 16 * 256);
                }
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
