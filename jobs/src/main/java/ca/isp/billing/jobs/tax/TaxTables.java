package ca.isp.billing.jobs.tax;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.DatedTaxRate;
import ca.isp.billing.domain.Jurisdiction;
import ca.isp.billing.domain.JurisdictionLevel;
import ca.isp.billing.domain.JurisdictionResolver;
import ca.isp.billing.domain.PostalArea;
import ca.isp.billing.domain.TableTaxEngine;
import ca.isp.billing.domain.TaxClass;
import ca.isp.billing.domain.TaxRate;
import ca.isp.billing.domain.Taxability;
import ca.isp.billing.domain.TaxabilityRule;

/** Loads the operator's tax tables (tax_postal_area, tax_rate, tax_rule) into a {@link TableTaxEngine}. */
final class TaxTables {

    private TaxTables() {
    }

    static TableTaxEngine load(JdbcTemplate jdbc) {
        List<PostalArea> areas = new ArrayList<>();
        jdbc.query("SELECT * FROM tax_postal_area ORDER BY country, postal_from, street", rs -> {
            String country = rs.getString("country");
            String region = rs.getString("region");
            List<Jurisdiction> locals = new ArrayList<>();
            addLocal(locals, country, region, JurisdictionLevel.COUNTY, rs.getString("county"));
            addLocal(locals, country, region, JurisdictionLevel.CITY, rs.getString("city"));
            addLocal(locals, country, region, JurisdictionLevel.DISTRICT, rs.getString("district"));
            areas.add(new PostalArea(country, region, rs.getString("postal_from"), rs.getString("postal_to"),
                    rs.getString("street"), locals));
        });
        List<DatedTaxRate> rates = new ArrayList<>();
        jdbc.query("SELECT * FROM tax_rate ORDER BY country, region, jurisdiction, id", rs -> {
            rates.add(new DatedTaxRate(rs.getString("jurisdiction"),
                    new TaxRate(rs.getString("country"), rs.getString("region"), rs.getString("tax_code"),
                            rs.getString("name_en"), rs.getString("name_fr"), rs.getBigDecimal("rate"),
                            rs.getString("registration")),
                    rs.getObject("effective_from", java.time.LocalDate.class),
                    rs.getObject("effective_to", java.time.LocalDate.class)));
        });
        List<TaxabilityRule> rules = new ArrayList<>();
        jdbc.query("SELECT * FROM tax_rule ORDER BY id", rs -> {
            rules.add(new TaxabilityRule(rs.getString("country"), rs.getString("region"), rs.getString("tax_code"),
                    TaxClass.valueOf(rs.getString("tax_class")), "Y".equals(rs.getString("taxable"))));
        });
        return new TableTaxEngine(new JurisdictionResolver(areas), rates, new Taxability(rules));
    }

    private static void addLocal(List<Jurisdiction> locals, String country, String region, JurisdictionLevel level,
                                 String code) {
        if (code != null && !code.isEmpty()) {
            locals.add(new Jurisdiction(country, region, level, code));
        }
    }
}
