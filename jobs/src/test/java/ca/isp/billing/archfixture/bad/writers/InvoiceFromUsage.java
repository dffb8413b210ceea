package ca.isp.billing.archfixture.bad.writers;

import ca.isp.billing.archfixture.bad.readers.UsageLineReader;

/** Breaks writersDoNotKnowReadersOrJobs: a writer uses a reader. */
public class InvoiceFromUsage {
    UsageLineReader reader;
}
