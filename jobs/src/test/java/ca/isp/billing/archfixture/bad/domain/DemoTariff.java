package ca.isp.billing.archfixture.bad.domain;

import ca.isp.billing.archfixture.bad.demo.DemoPlans;

/** Breaks demoOnlyUsedByDemoAndCommandLine (and domainIsPlainJava): the domain uses the demo. */
public class DemoTariff {
    DemoPlans plans;
}
