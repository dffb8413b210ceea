package ca.isp.billing.archfixture.bad.jobs;

import ca.isp.billing.archfixture.bad.jobs.cli.Command;

/** Breaks noPackageCycles: the parent package jobs uses its subpackage jobs.cli, and back. */
public class CycleJob {
    Command startedBy;
}
