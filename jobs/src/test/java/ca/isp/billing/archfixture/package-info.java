/**
 * Tiny fixture code for {@code BillingArchitectureTest}: {@code bad} breaks every
 * architecture rule on purpose, {@code good} breaks none. Never used at run time; these are
 * test classes, so the real-code {@code ArchitectureTest} does not import them.
 */
package ca.isp.billing.archfixture;
