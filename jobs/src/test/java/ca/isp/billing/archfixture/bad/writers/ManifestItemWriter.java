package ca.isp.billing.archfixture.bad.writers;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Breaks springBatchOnlyInJobs: a Spring Batch ItemWriter outside jobs. */
public class ManifestItemWriter implements ItemWriter<String> {
    @Override
    public void write(Chunk<? extends String> chunk) {
    }
}
