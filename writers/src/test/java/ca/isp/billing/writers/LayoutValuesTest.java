package ca.isp.billing.writers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import ca.isp.billing.domain.Language;

/** LayoutValues.fill finds the values by hand: it must find exactly what InvoiceLayout.VARIABLE finds. */
class LayoutValuesTest {

    private final InvoiceView view = InvoiceView.of(Invoices.englishOntario("2026-000124"), Language.EN, List.of());

    @Test
    void fillPutsInTheValuesTheVariablePatternFinds() {
        for (String text : List.of("", "plain", "$", "$$", "${", "${}", "${.}", "${invoice", "${invoice.",
                "${invoice.}", "${page}", "${pages}", "Page ${page} of ${pages}",
                "${invoice.amountDue}", "Due: ${invoice.amountDue}!", "$${invoice.total}$", "${invoice.total.x}",
                "${invoice.total}}", "${ invoice.total}", "${invoice .total}", "${in-voice.total}",
                "${invoice.total}${invoice.tax}${company.name}", "US$ ${invoice.total} $ {page}",
                "${company.addressLines} / ${invoice.mailingAddress}", "${line.amount} ${tax.amount}",
                "${invoice.invoiceNumber}${", "\\${page}", "${page}$")) {
            assertThat(LayoutValues.fill(text, view, null, 2, 3)).as(text).isEqualTo(byRegex(text, 2, 3));
        }
        assertThat(LayoutValues.fill("Page ${page} of ${pages}", view, null, 2, 3)).isEqualTo("Page 2 of 3");
        assertThat(LayoutValues.fill("$${invoice.invoiceNumber}}${", view, null, 1, 1)).isEqualTo("$2026-000124}${");
        assertThat(LayoutValues.fill("${invoice.total.x} ${pages}", view, null, 1, 4)).isEqualTo("${invoice.total.x} 4");
    }

    /** What fill did before: the pattern's matches, each replaced by its value. */
    private String byRegex(String text, int page, int pages) {
        Matcher m = InvoiceLayout.VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // a lone variable: its value
            m.appendReplacement(out, Matcher.quoteReplacement(LayoutValues.fill(m.group(), view, null, page, pages)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
