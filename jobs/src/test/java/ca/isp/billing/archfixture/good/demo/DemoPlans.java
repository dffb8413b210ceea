package ca.isp.billing.archfixture.good.demo;

import ca.isp.billing.archfixture.good.domain.Tariff;
import java.util.List;

/** The demo may use the domain. */
public class DemoPlans {
    List<Tariff> plans;
}
