package ca.isp.billing.archfixture.bad.jobs.cycle;

import ca.isp.billing.archfixture.bad.jobs.report.CycleSummary;

/** Breaks noPackageCycles: jobs.cycle uses jobs.report, which reads our constant back. */
public class CycleConfig {
    public static final String JOB_NAME = "billingCycle";

    CycleSummary summary;
}
