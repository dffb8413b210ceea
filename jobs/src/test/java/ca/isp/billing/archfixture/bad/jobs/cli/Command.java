package ca.isp.billing.archfixture.bad.jobs.cli;

import ca.isp.billing.archfixture.bad.jobs.CycleJob;

/** Breaks noPackageCycles: jobs.cli uses its parent package jobs, and back. */
public class Command {
    CycleJob job;
}
