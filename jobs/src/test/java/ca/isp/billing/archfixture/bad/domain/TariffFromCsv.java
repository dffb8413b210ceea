package ca.isp.billing.archfixture.bad.domain;

import ca.isp.billing.archfixture.bad.readers.UsageLineReader;

/** Breaks domainIsPlainJava: the domain uses another module of ours (readers). */
public class TariffFromCsv {
    UsageLineReader reader;
}
