package ca.isp.billing.archfixture.good.jobs;

import ca.isp.billing.archfixture.good.readers.UsageLine;
import ca.isp.billing.archfixture.good.writers.InvoicePdf;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Jobs may use Spring Batch, readers, writers and the domain. */
public class CycleJob implements ItemWriter<UsageLine> {
    private final InvoicePdf pdf = new InvoicePdf();

    @Override
    public void write(Chunk<? extends UsageLine> chunk) {
        chunk.forEach(line -> pdf.render(line.tariff()));
    }
}
