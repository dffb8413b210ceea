package ca.isp.billing.archfixture.bad.jobs.report;

import ca.isp.billing.archfixture.bad.demo.DemoPlans;

/** Breaks demoOnlyUsedByDemoAndCommandLine: a job outside jobs.demo and jobs.cli uses the demo. */
public class DemoSummary {
    DemoPlans plans;
}
