package ca.isp.billing.jobs.report;

import static ca.isp.billing.jobs.Fixtures.drop;
import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * The management reports of November, worked by hand from the fixtures (hand-worked/balance:
 * four Ontario accounts on NET-UNL at 40.00, HST 13 %, opening balances of 100.00 due
 * 2026-09-21; journal/plans.csv names NET-UNL's account 4010), read back from the XLSX with
 * Apache POI: the figures and the cells' types.
 */
class ManagementReportsTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
    private static final LocalDate END = LocalDate.of(2026, 11, 30);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    ManagementReports reports;

    @Test
    void theWorkbookHasASheetPerReportWithTypedCellsAndTheFiguresOfTheInputFiles() throws Exception {
        importFile(importer, Kind.PLANS, "journal/plans.csv");
        importFile(importer, Kind.TAX_RATES, "journal/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/balance/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/balance/subscriptions.csv");
        importFile(importer, Kind.OPENING_BALANCES, "hand-worked/balance/opening-balances.csv");
        drop("hand-worked/balance/payments-2026-11.csv", properties.inbox("payments"));
        assertThat(launcher.bill(NOV).result()).isEqualTo(Result.COMPLETED);

        List<Path> files = reports.write(List.of(ManagementReports.Kind.values()), NOV, END,
                ManagementReports.Format.XLSX);

        assertThat(files).hasSize(1);
        Path xlsx = files.get(0);
        assertThat(xlsx.getFileName().toString()).isEqualTo("revenue-tax-ageing-payments-payment_totals-invoices-write_offs-2026-11-01-2026-11-30.xlsx");
        assertThat(Files.getPosixFilePermissions(xlsx)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        BigDecimal price = new BigDecimal(fixture("journal/plans.csv", "plan_code", "NET-UNL").get("monthly_price"));
        BigDecimal hst = new BigDecimal(fixture("journal/tax-rates.csv", "tax_code", "HST").get("rate"));
        // per invoice: 40.00 + 13 % of 40.00 = 40.00 + 5.20 = 45.20
        BigDecimal tax = price.multiply(hst).setScale(2, RoundingMode.HALF_UP);
        BigDecimal perInvoice = price.add(tax);
        assertThat(perInvoice).isEqualByComparingTo("45.20");
        try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(7);
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("revenue", "tax", "ageing", "payments", "payment_totals", "invoices",
                    "write_offs");

            // revenue: 4 invoices x 40.00 = 160.00, NET-UNL, account 4010
            Sheet revenue = workbook.getSheet("revenue");
            assertThat(rows(revenue)).isEqualTo(1);
            assertThat(text(revenue, 1, "plan_code")).isEqualTo("NET-UNL");
            assertThat(text(revenue, 1, "gl_account")).isEqualTo("4010");
            assertThat(money(revenue, 1, "amount")).isEqualByComparingTo(price.multiply(BigDecimal.valueOf(4)))
                    .isEqualByComparingTo("160.00");
            assertThat(cell(revenue, 1, "lines").getNumericCellValue()).isEqualTo(4.0);

            // tax: HST of Ontario on 160.00: 4 x 5.20 = 20.80
            Sheet taxes = workbook.getSheet("tax");
            assertThat(rows(taxes)).isEqualTo(1);
            assertThat(text(taxes, 1, "tax_code")).isEqualTo("HST");
            assertThat(cell(taxes, 1, "rate").getNumericCellValue()).isEqualTo(hst.doubleValue());
            assertThat(money(taxes, 1, "taxable_base")).isEqualByComparingTo("160.00");
            assertThat(money(taxes, 1, "tax_collected")).isEqualByComparingTo(tax.multiply(BigDecimal.valueOf(4)))
                    .isEqualByComparingTo("20.80");

            // payments received from 11-01 to 11-30 in the file: P-ON 100.00 (11-01) and P-AFTER
            // 100.00 (11-05) = 200.00; P-BEFORE (10-25) is before the period
            Sheet payments = workbook.getSheet("payments");
            BigDecimal received = BigDecimal.ZERO;
            for (CSVRecord p : records("hand-worked/balance/payments-2026-11.csv")) {
                LocalDate day = LocalDate.parse(p.get("received_on"));
                if (!day.isBefore(NOV) && !day.isAfter(END)) {
                    received = received.add(new BigDecimal(p.get("amount")));
                }
            }
            assertThat(received).isEqualByComparingTo("200.00");
            assertThat(sum(payments, "amount")).isEqualByComparingTo(received);
            assertThat(date(payments, 1, "received_on")).isEqualTo(NOV);
            assertThat(text(payments, 1, "payment_ref")).isEqualTo("P-ON");

            // invoices: F-2026-000001 to 4, 45.20 each = 180.80, dated 11-01, due 21 days later, 11-22
            Sheet invoices = workbook.getSheet("invoices");
            assertThat(rows(invoices)).isEqualTo(4);
            assertThat(sum(invoices, "total")).isEqualByComparingTo(perInvoice.multiply(BigDecimal.valueOf(4)))
                    .isEqualByComparingTo("180.80");
            assertThat(date(invoices, 1, "invoice_date")).isEqualTo(NOV);
            assertThat(date(invoices, 1, "due_date")).isEqualTo(LocalDate.of(2026, 11, 22));

            // ageing on 11-30: each November invoice 8 days past due (1-30): 4 x 45.20 = 180.80;
            // OLD-1 (100.00 - P-BEFORE 60.00 = 40.00) and OLD-4 (100.00), due 09-21, 70 days: 61-90,
            // 140.00; OLD-2 and OLD-3 were paid (P-ON, P-AFTER). Total 320.80.
            Sheet ageing = workbook.getSheet("ageing");
            assertThat(rows(ageing)).isEqualTo(4);
            assertThat(sum(ageing, "days_1_30")).isEqualByComparingTo("180.80");
            assertThat(sum(ageing, "days_61_90")).isEqualByComparingTo("140.00");
            assertThat(sum(ageing, "not_due").add(sum(ageing, "days_31_60")).add(sum(ageing, "days_over_90"))).isZero();
            assertThat(sum(ageing, "total")).isEqualByComparingTo("320.80");
            assertThat(text(ageing, 1, "account_number")).isEqualTo("500001");
            assertThat(date(ageing, 1, "oldest_due_date")).isEqualTo(LocalDate.of(2026, 9, 21));
        }

        // the same as a self-contained HTML page and as CSV
        Path html = reports.write(List.of(ManagementReports.Kind.INVOICES), NOV, END, ManagementReports.Format.HTML).get(0);
        String page = Files.readString(html);
        assertThat(page).contains("<h2 id=\"invoices\">", "F-2026-000004", "45.20").doesNotContain("http", "<script", "src=");
        Path csv = reports.write(List.of(ManagementReports.Kind.INVOICES), NOV, END, ManagementReports.Format.CSV).get(0);
        assertThat(csv.getFileName().toString()).isEqualTo("invoices-2026-11-01-2026-11-30.csv");
        assertThat(Files.readAllLines(csv)).hasSize(5).element(1).asString()
                .startsWith("F-2026-000001,500001,2026-11-01,2026-11-22,CAD,40.00,5.20,45.20,");
    }

    private static int rows(Sheet sheet) {
        return sheet.getLastRowNum();
    }

    private static Cell cell(Sheet sheet, int row, String column) {
        Row header = sheet.getRow(0);
        for (Cell c : header) {
            if (c.getStringCellValue().equals(column)) {
                return sheet.getRow(row).getCell(c.getColumnIndex());
            }
        }
        throw new AssertionError("no column " + column + " in " + sheet.getSheetName());
    }

    private static String text(Sheet sheet, int row, String column) {
        Cell cell = cell(sheet, row, column);
        assertThat(cell.getCellType()).as(column).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }

    /** A money cell: a number, shown with two decimals. */
    private static BigDecimal money(Sheet sheet, int row, String column) {
        Cell cell = cell(sheet, row, column);
        assertThat(cell.getCellType()).as(column).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getCellStyle().getDataFormatString()).as(column).isEqualTo("#,##0.00");
        return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalDate date(Sheet sheet, int row, String column) {
        Cell cell = cell(sheet, row, column);
        assertThat(cell.getCellType()).as(column).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).as(column).isTrue();
        return cell.getLocalDateTimeCellValue().toLocalDate();
    }

    private static BigDecimal sum(Sheet sheet, String column) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            sum = sum.add(money(sheet, r, column));
        }
        return sum;
    }

    private static CSVRecord fixture(String fixture, String keyColumn, String key) throws Exception {
        return records(fixture).stream().filter(r -> r.get(keyColumn).equals(key)).findFirst().orElseThrow();
    }

    private static List<CSVRecord> records(String fixture) throws Exception {
        try (Reader in = Files.newBufferedReader(Fixtures.path(fixture))) {
            return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)
                    .getRecords());
        }
    }
}
