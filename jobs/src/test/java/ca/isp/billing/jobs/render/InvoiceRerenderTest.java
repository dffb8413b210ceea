package ca.isp.billing.jobs.render;

import static ca.isp.billing.jobs.Fixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.writers.MailVendorBatch;

/**
 * {@code run.sh rerender}: an issued invoice's PDF, lost, is drawn again from the database, the
 * same bytes but its dates, numbers and amounts untouched; after a template fix a cycle (or some of
 * its accounts) is drawn again with the bytes each delivery carried kept beside the new file; a
 * letter whose delivered bytes are lost is refused unless forced.
 */
class InvoiceRerenderTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate OCT = LocalDate.of(2026, 10, 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    InvoiceRerender rerender;

    @Test
    void aLostPdfIsDrawnAgainAndADeliveredOneKeepsItsDeliveredBytes() throws Exception {
        importFile(importer, Kind.PLANS, "hand-worked/plans.csv");
        importFile(importer, Kind.TAX_RATES, "hand-worked/tax-rates.csv");
        importFile(importer, Kind.ACCOUNTS, "hand-worked/bilingual/accounts.csv");
        importFile(importer, Kind.SUBSCRIPTIONS, "hand-worked/bilingual/subscriptions.csv");
        assertThat(launcher.bill(OCT).result()).isEqualTo(Result.COMPLETED);
        List<Map<String, Object>> before = invoices();

        // 500001's invoice (sent by email): its file is lost
        Map<String, Object> emailed = invoice(before, "500001");
        Path pdf = Path.of((String) emailed.get("pdf_path"));
        byte[] original = Files.readAllBytes(pdf);
        Files.delete(pdf);

        InvoiceRerender.Outcome outcome = rerender.rerender((String) emailed.get("invoice_number"), null, false);

        assertThat(outcome.refused()).isEmpty();
        assertThat(outcome.rerendered()).hasSize(1);
        byte[] again = Files.readAllBytes(pdf);
        assertThat(withoutDates(again)).isEqualTo(withoutDates(original));
        assertThat(invoice(invoices(), "500001").get("pdf_sha256")).isEqualTo(MailVendorBatch.sha256(again));

        // the cycle after a template fix: every invoice drawn again, the letter too (500003, mail-vendor
        // batch), the bytes each delivery carried kept beside the new file
        String letter = (String) invoice(before, "500003").get("invoice_number");
        Path letterPdf = Path.of((String) invoice(before, "500003").get("pdf_path"));
        byte[] mailed = Files.readAllBytes(letterPdf);
        String mailedSha = MailVendorBatch.sha256(mailed);
        assertThat(jdbc.queryForList("SELECT content_sha256 FROM delivery d JOIN invoice i ON i.id = d.invoice_id"
                + " WHERE i.invoice_number = ? AND d.channel = 'PRINT' AND d.status = 'SENT'", String.class, letter))
                .containsExactly(mailedSha);
        InvoiceRerender.Outcome cycle = rerender.rerender(null, OCT, false);
        assertThat(cycle.refused()).isEmpty();
        assertThat(cycle.rerendered()).hasSize(3);
        Path archived = letterPdf.resolveSibling(letter + ".delivered-" + mailedSha.substring(0, 16) + ".pdf");
        assertThat(archived).hasBinaryContent(mailed);
        assertThat(cycle.rerendered()).anySatisfy(line -> assertThat(line).startsWith(letter + ": ")
                .endsWith("(delivered copy kept as " + archived.getFileName() + ")"));
        // 500001's lost copy, drawn again, is archived as delivered only if its bytes are the ones the
        // email carried (drawn within the same second as the original, the dates match): whatever is
        // kept as "delivered" is the delivered bytes, never a later drawing
        String emailedNumber = (String) emailed.get("invoice_number");
        String emailedSha = jdbc.queryForObject("SELECT content_sha256 FROM delivery d JOIN invoice i ON i.id = d.invoice_id"
                + " WHERE i.invoice_number = ? AND d.channel = 'EMAIL' AND d.status = 'SENT'", String.class, emailedNumber);
        try (java.util.stream.Stream<Path> files = Files.list(pdf.getParent())) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith(emailedNumber + ".delivered-")))
                    .allSatisfy(kept -> assertThat(MailVendorBatch.sha256(Files.readAllBytes(kept))).isEqualTo(emailedSha));
        }
        // deliveries stay sent
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE status <> 'SENT'", Integer.class)).isZero();

        // again: the delivered bytes are already kept, the letter is drawn again without --force
        assertThat(rerender.rerender(null, OCT, List.of("500003"), false).rerendered()).singleElement().asString()
                .startsWith(letter + ": ");
        assertThat(archived).hasBinaryContent(mailed);

        // the archive lost and the working copy changed: the mailed bytes are nowhere, refused without --force
        // (changed here by hand: a drawing within the same second as the mailed one has the mailed bytes)
        Files.delete(archived);
        Files.write(letterPdf, "%changed\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                java.nio.file.StandardOpenOption.APPEND);
        InvoiceRerender.Outcome refused = rerender.rerender(null, OCT, List.of("500003"), false);
        assertThat(refused.refused()).singleElement().asString().startsWith(letter + ": already sent by letter");
        assertThat(refused.rerendered()).isEmpty();
        assertThat(rerender.rerender(null, OCT, List.of("500003"), true).rerendered()).hasSize(1);

        // --accounts: only those accounts; an account with no invoice in the cycle is named, nothing done
        String account2 = (String) invoice(before, "500002").get("invoice_number");
        assertThat(rerender.rerender(null, OCT, List.of("500002"), false).rerendered()).singleElement().asString()
                .startsWith(account2 + ": ");
        assertThatThrownBy(() -> rerender.rerender(null, OCT, List.of("500002", "999999"), false))
                .hasMessage("no rendered invoice in cycle " + OCT + " for account(s) [999999] (nothing re-rendered)");

        // numbers and amounts are what they were
        List<Map<String, Object>> after = invoices();
        for (int i = 0; i < before.size(); i++) {
            for (String column : List.of("invoice_number", "total", "subtotal", "tax_total", "amount_due", "pdf_path")) {
                assertThat(after.get(i).get(column)).as(column).isEqualTo(before.get(i).get(column));
            }
        }
        assertThatThrownBy(() -> rerender.rerender("F-1999-000001", null, false))
                .hasMessage("no rendered invoice numbered F-1999-000001");
    }

    /** The PDF as text with its dates (document information and XMP) blanked. */
    static String withoutDates(byte[] pdf) {
        return new String(pdf, StandardCharsets.ISO_8859_1)
                .replaceAll("D:\\d{14}[^)]*", "D:")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)", "T");
    }

    private List<Map<String, Object>> invoices() {
        return jdbc.queryForList("""
                SELECT a.account_number, i.invoice_number, i.total, i.subtotal, i.tax_total, i.amount_due, i.pdf_path, i.pdf_sha256
                FROM invoice i JOIN account a ON a.id = i.account_id ORDER BY a.account_number""");
    }

    private static Map<String, Object> invoice(List<Map<String, Object>> rows, String account) {
        return rows.stream().filter(r -> account.equals(r.get("account_number"))).findFirst().orElseThrow();
    }
}
