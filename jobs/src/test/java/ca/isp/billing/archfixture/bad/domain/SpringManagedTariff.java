package ca.isp.billing.archfixture.bad.domain;

import org.springframework.transaction.annotation.Transactional;

/** Breaks domainIsPlainJava: a Spring annotation in the domain. */
@Transactional
public class SpringManagedTariff {
}
