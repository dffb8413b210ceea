package ca.isp.billing.archfixture.good.jobs.demo;

import ca.isp.billing.archfixture.good.demo.DemoPlans;
import ca.isp.billing.archfixture.good.jobs.CycleJob;

/** The jobs side of the demo may use the demo and the jobs. */
public class DemoRun {
    DemoPlans plans;
    CycleJob job;
}
