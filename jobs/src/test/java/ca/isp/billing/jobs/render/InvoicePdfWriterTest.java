package ca.isp.billing.jobs.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The render step's writer on its own (an in-memory invoice table): a PDF is written only inside
 * the cycle's folder, whatever the invoice number says.
 */
class InvoicePdfWriterTest {

    private static final byte[] PDF = "%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path home;

    private Path folder;
    private NamedParameterJdbcTemplate jdbc;

    @BeforeEach
    void invoiceTable() {
        folder = home.resolve("out/invoices/2026-11-01");
        jdbc = new NamedParameterJdbcTemplate(new DriverManagerDataSource(
                "jdbc:h2:mem:" + home.getFileName() + ";DB_CLOSE_DELAY=-1"));
        jdbc.getJdbcTemplate().execute(
                "CREATE TABLE invoice (id BIGINT, pdf_path VARCHAR(500), pdf_sha256 VARCHAR(64), rendered_at TIMESTAMP)");
        jdbc.getJdbcTemplate().update("INSERT INTO invoice (id) VALUES (1)");
    }

    @Test
    void writesThePdfInTheCycleFolderAndRecordsItsPath() throws IOException {
        new InvoicePdfWriter(jdbc, folder).write(Chunk.of(new RenderedInvoice(1, "F-2026-000001", PDF)));

        Path pdf = folder.resolve("F-2026-000001.pdf");
        assertThat(Files.readAllBytes(pdf)).isEqualTo(PDF);
        assertThat(jdbc.getJdbcTemplate().queryForObject("SELECT pdf_path FROM invoice WHERE id = 1", String.class))
                .isEqualTo(pdf.toAbsolutePath().normalize().toString());
    }

    @Test
    void refusesAnInvoiceNumberThatWouldWriteOutsideTheFolder() throws IOException {
        InvoicePdfWriter writer = new InvoicePdfWriter(jdbc, folder);
        Path absolute = home.resolve("absolute");

        for (String number : List.of("../../../escaped", absolute.toString())) {
            assertThatThrownBy(() -> writer.write(Chunk.of(new RenderedInvoice(1, number, PDF))))
                    .as(number)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(folder.toAbsolutePath().normalize().toString())
                    .hasMessageContaining(number);
        }

        assertThat(home.resolve("escaped.pdf")).doesNotExist();
        assertThat(home.resolve("absolute.pdf")).doesNotExist();
        assertThat(jdbc.getJdbcTemplate().queryForObject("SELECT pdf_path FROM invoice WHERE id = 1", String.class)).isNull();
    }
}
