package ca.isp.billing.writers;

import static ca.isp.billing.writers.ReportTable.count;
import static ca.isp.billing.writers.ReportTable.money;
import static ca.isp.billing.writers.ReportTable.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import ca.isp.billing.writers.RunReportPage.Chart;

/** The page's markup: totals per currency, escaping, nothing outside the page, empty charts. */
class RunReportPageTest {

    private static final ReportTable REVENUE = new ReportTable("revenue-by-plan", "Revenue by plan",
            List.of(text("currency"), text("plan"), count("lines"), money("amount")), List.of(
                    Arrays.asList("CAD", "NET-50", 3L, new BigDecimal("150.00")),
                    Arrays.asList("CAD", "=HYPERLINK(\"x\")<script>", 1L, new BigDecimal("-15.00")),
                    Arrays.asList("USD", "NET-50", 2L, new BigDecimal("100.00"))));

    @Test
    void totalsArePerCurrencyAndOnlyOfTheColumnsThatAddUp() {
        String page = page(List.of(new Chart(REVENUE, List.of("currency", "plan"), "amount", List.of("amount"))));

        // CAD: 150.00 - 15.00 = 135.00; USD 100.00 alone; the lines column is not totalled
        assertThat(page).contains("<tr class=\"total\"><th data-column=\"currency\">total CAD</th>"
                + "<td data-column=\"plan\"></td><td class=\"n\" data-column=\"lines\"></td>"
                + "<td class=\"n\" data-column=\"amount\">135.00</td></tr>");
        assertThat(page).contains("total USD</th>").contains("data-column=\"amount\">100.00</td></tr>\n</tfoot>");
    }

    @Test
    void textIsEscapedAndTheBarsCarryTheTableFigures() {
        String page = page(List.of(new Chart(REVENUE, List.of("currency", "plan"), "amount", List.of())));

        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(page).contains("data-label=\"CAD NET-50\" data-value=\"150.00\"");
        // a credit is drawn in red, its length by its size
        assertThat(page).contains("data-value=\"-15.00\"").contains("<rect class=\"neg\"");
        assertThat(page).doesNotContain("<tfoot>");
    }

    @Test
    void thePageNamesNothingOutsideItselfAndForbidsFetching() {
        String page = page(List.of(new Chart(REVENUE, List.of("plan"), "amount", List.of("amount"))));

        assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'\">");
        assertThat(page).doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:")
                .doesNotContain("src=").doesNotContain("href=").doesNotContain("url(");
    }

    @Test
    void anEmptyTableSaysSoWithoutAChart() {
        ReportTable none = new ReportTable("rejects", "Rejected lines", List.of(text("reason"), count("lines")), List.of());

        String page = page(List.of(new Chart(none, List.of("reason"), "lines", List.of("lines"))));

        assertThat(page).contains("Nothing in this run.").doesNotContain("<svg").doesNotContain("<tfoot>")
                .contains("<table id=\"rejects\">");
    }

    @Test
    void aChartNamingAColumnTheTableLacksIsRefused() {
        assertThatThrownBy(() -> new Chart(REVENUE, List.of("province"), "amount", List.of()))
                .hasMessage("revenue-by-plan has no column province");
    }

    @Test
    void theCsvBesideThePageNeutralisesFormulas() {
        String csv = new String(ReportDocuments.csv(REVENUE), StandardCharsets.UTF_8);

        assertThat(csv).contains("'=HYPERLINK").doesNotContain("\n=");
    }

    private static String page(List<Chart> charts) {
        return new String(RunReportPage.html("Billing cycle 2026-11-01", List.of("a fact"), charts), StandardCharsets.UTF_8);
    }
}
