package ca.isp.billing.archfixture.bad.jobs.report;

import ca.isp.billing.archfixture.bad.jobs.cycle.CycleConfig;

/**
 * Breaks noPackageCycles only through a compile-time constant: javac copies JOB_NAME into
 * this class, so ArchUnit's bytecode view does not see the use.
 */
public class CycleSummary {
    public String title() {
        return CycleConfig.JOB_NAME + " summary";
    }
}
