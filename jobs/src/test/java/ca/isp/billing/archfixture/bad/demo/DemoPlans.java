package ca.isp.billing.archfixture.bad.demo;

/** Invented plans, used where they must not be. */
public class DemoPlans {
}
