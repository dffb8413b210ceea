package ca.isp.billing.archfixture.bad.jobs.b;

import ca.isp.billing.archfixture.bad.jobs.a.RateStep;

/** Breaks noPackageCycles: jobs.b and jobs.a use each other. */
public class TaxStep {
    RateStep previous;
}
