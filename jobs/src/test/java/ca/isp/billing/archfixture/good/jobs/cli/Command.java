package ca.isp.billing.archfixture.good.jobs.cli;

import ca.isp.billing.archfixture.good.demo.DemoPlans;
import ca.isp.billing.archfixture.good.jobs.CycleJob;
import ca.isp.billing.archfixture.good.jobs.demo.DemoRun;

/** The command line may use jobs and start the demo; nothing uses it back. */
public class Command {
    CycleJob job;
    DemoRun demo;
    DemoPlans plans;
}
