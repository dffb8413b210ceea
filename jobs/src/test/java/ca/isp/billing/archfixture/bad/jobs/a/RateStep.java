package ca.isp.billing.archfixture.bad.jobs.a;

import ca.isp.billing.archfixture.bad.jobs.b.TaxStep;

/** Breaks noPackageCycles: jobs.a and jobs.b use each other. */
public class RateStep {
    TaxStep next;
}
