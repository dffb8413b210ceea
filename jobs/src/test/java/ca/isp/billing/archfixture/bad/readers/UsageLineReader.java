package ca.isp.billing.archfixture.bad.readers;

import ca.isp.billing.archfixture.bad.writers.RejectPdf;

/** Breaks readersDoNotKnowWritersOrJobs: a reader uses a writer. */
public class UsageLineReader {
    RejectPdf rejects;
}
