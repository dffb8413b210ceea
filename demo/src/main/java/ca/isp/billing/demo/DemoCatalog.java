package ca.isp.billing.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;

import ca.isp.billing.readers.PlanFormat;
import ca.isp.billing.readers.TaxJurisdictionFormat;
import ca.isp.billing.readers.TaxRateFormat;
import ca.isp.billing.readers.TaxRuleFormat;

/**
 * What Northern Lights Internet sells and the taxes it collects: the fixed rows of
 * plans.csv, tax-rates.csv, tax-jurisdictions.csv and tax-rules.csv.
 */
final class DemoCatalog {

    static final DemoPlan ESSENTIAL_50 = new DemoPlan("ESSENTIAL-50", "Essential 50", "Essentiel 50", "INTERNET",
            new BigDecimal("54.95"), 1, 200, new BigDecimal("1.50"), null, false);
    static final DemoPlan FIBRE_300 = new DemoPlan("FIBRE-300", "Fibre 300", "Fibre 300", "INTERNET",
            new BigDecimal("79.95"), 1, 500, new BigDecimal("1.00"), null, false);
    static final DemoPlan FIBRE_1000 = new DemoPlan("FIBRE-1000", "Fibre 1 Gig", "Fibre 1 Gig", "INTERNET",
            new BigDecimal("99.95"), 1, null, null, null, false);
    /** Billed 3 x 74.95 = 224.85 every three months; the allowance is still per month. */
    static final DemoPlan FIBRE_300_QUARTERLY = new DemoPlan("FIBRE-300-Q", "Fibre 300 Quarterly",
            "Fibre 300 trimestriel", "INTERNET", new BigDecimal("74.95"), 3, 500, new BigDecimal("1.00"),
            null, false);
    static final DemoPlan BUSINESS_500 = new DemoPlan("BUSINESS-500", "Business 500", "Affaires 500", "INTERNET",
            new BigDecimal("149.95"), 1, null, null, null, true);
    static final DemoPlan HOME_PHONE = new DemoPlan("PHONE-HOME", "Home Phone", "Téléphonie résidentielle", "VOIP",
            new BigDecimal("24.95"), 1, null, null, null, false);
    static final DemoPlan BUSINESS_PHONE = new DemoPlan("PHONE-BUSINESS", "Business Phone", "Téléphonie affaires",
            "VOIP", new BigDecimal("34.95"), 1, null, null, new BigDecimal("0.0450"), true);

    static final List<DemoPlan> PLANS = List.of(ESSENTIAL_50, FIBRE_300, FIBRE_1000, FIBRE_300_QUARTERLY,
            BUSINESS_500, HOME_PHONE, BUSINESS_PHONE);

    private static final String GST_NUMBER = "123456789 RT0001";

    // Rates with the dates they came into force, as the authorities publish them; one older QST
    // rate (9.5% in 2012) shows a period that ended. Albany and Essex counties (NY) add 4%, and
    // Burlington and Stowe (VT) a 1% local option tax: county and city jurisdictions.
    static final List<DemoTaxRate> TAX_RATES = List.of(
            new DemoTaxRate("CA", "QC", "GST", "GST", "TPS", new BigDecimal("0.05"), GST_NUMBER, date("2008-01-01")),
            new DemoTaxRate("CA", "QC", "QST", "QST", "TVQ", new BigDecimal("0.095"), "1234567890 TQ0001", "",
                    date("2012-01-01"), date("2012-12-31")),
            new DemoTaxRate("CA", "QC", "QST", "QST", "TVQ", new BigDecimal("0.09975"), "1234567890 TQ0001",
                    date("2013-01-01")),
            new DemoTaxRate("CA", "ON", "HST", "HST", "TVH", new BigDecimal("0.13"), GST_NUMBER, date("2010-07-01")),
            new DemoTaxRate("CA", "BC", "GST", "GST", "TPS", new BigDecimal("0.05"), GST_NUMBER, date("2013-04-01")),
            new DemoTaxRate("CA", "BC", "PST", "PST", "TVP", new BigDecimal("0.07"), "PST-1234-5678",
                    date("2013-04-01")),
            new DemoTaxRate("US", "NY", "STATE", "New York State sales tax",
                    "Taxe de vente de l'État de New York", new BigDecimal("0.04"), "NY-CA 12-3456789",
                    date("2005-06-01")),
            new DemoTaxRate("US", "NY", "ALBANY", "Albany County sales tax", "Taxe de vente du comté d'Albany",
                    new BigDecimal("0.04"), "NY-CA 12-3456789", "ALBANY-CO", date("2005-06-01"), null),
            new DemoTaxRate("US", "NY", "ESSEX", "Essex County sales tax", "Taxe de vente du comté d'Essex",
                    new BigDecimal("0.04"), "NY-CA 12-3456789", "ESSEX-CO", date("2005-06-01"), null),
            new DemoTaxRate("US", "VT", "STATE", "Vermont sales tax", "Taxe de vente du Vermont",
                    new BigDecimal("0.06"), "VT-BT 0012345", date("2003-10-01")),
            new DemoTaxRate("US", "VT", "LOT", "Local option sales tax", "Taxe de vente locale",
                    new BigDecimal("0.01"), "VT-BT 0012345", "BURLINGTON", date("2019-07-01"), null),
            new DemoTaxRate("US", "VT", "LOT", "Local option sales tax", "Taxe de vente locale",
                    new BigDecimal("0.01"), "VT-BT 0012345", "STOWE", date("2008-04-01"), null),
            new DemoTaxRate("US", "ME", "STATE", "Maine sales tax", "Taxe de vente du Maine",
                    new BigDecimal("0.055"), "ME-ST 1234567", date("2013-10-01")),
            // New Hampshire has no general sales tax: a zero rate, so the jurisdiction is known.
            new DemoTaxRate("US", "NH", "STATE", "New Hampshire sales tax", "Taxe de vente du New Hampshire",
                    new BigDecimal("0"), "", date("1970-01-01")));

    /**
     * tax-jurisdictions.csv: the ZIP codes of the NY and VT places the demo serves, with their
     * county or city (country, region, postal_from, postal_to, county, city).
     */
    static final List<List<String>> POSTAL_AREAS = List.of(
            List.of("US", "NY", "12203", "12210", "ALBANY-CO", ""),
            List.of("US", "NY", "12946", "", "ESSEX-CO", ""),
            List.of("US", "VT", "05401", "05408", "", "BURLINGTON"),
            List.of("US", "VT", "05672", "", "", "STOWE"));

    /**
     * tax-rules.csv: BC's PST does not apply to Internet access nor to a residential landline
     * (Bulletin PST 105). US Internet access needs no rule: exempt by federal law (Taxability).
     */
    static final List<List<String>> TAX_RULES = List.of(
            List.of("CA", "BC", "PST", "INTERNET_ACCESS", "N"),
            List.of("CA", "BC", "PST", "LANDLINE_RESIDENTIAL", "N"));

    private DemoCatalog() {
    }

    /** The region's own rates in force today (the previous system's invoices knew no local tax). */
    static List<DemoTaxRate> taxRatesFor(String country, String region) {
        return TAX_RATES.stream()
                .filter(rate -> rate.country().equals(country) && rate.region().equals(region)
                        && rate.jurisdiction().isEmpty() && rate.effectiveTo() == null)
                .toList();
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    static void writePlans(Path file) throws IOException {
        try (CSVPrinter printer = DemoCsv.printer(file, PlanFormat.INSTANCE.columns())) {
            for (DemoPlan plan : PLANS) {
                printer.printRecord(plan.code(), plan.nameEn(), plan.nameFr(), plan.kind(),
                        plan.monthlyPrice().toPlainString(), Integer.toString(plan.periodMonths()),
                        plan.includedGb() == null ? "" : plan.includedGb().toString(),
                        plan.overagePerGb() == null ? "" : plan.overagePerGb().toPlainString(),
                        plan.perMinute() == null ? "" : plan.perMinute().toPlainString(),
                        // the price of the whole term, as billed; no demo plan bills while suspended
                        plan.monthlyPrice().multiply(BigDecimal.valueOf(plan.periodMonths())).toPlainString(),
                        "NO", plan.internet() ? "INTERNET_ACCESS" : "VOIP",
                        // revenue accounts of the demo's ledger: Internet 4010, telephone 4020
                        plan.internet() ? "4010" : "4020",
                        "", // included_minutes: the demo's phone plans have no rate table
                        ""); // price_from: the demo's prices have always been its prices
            }
        }
    }

    static void writeTaxRates(Path file) throws IOException {
        try (CSVPrinter printer = DemoCsv.printer(file, TaxRateFormat.INSTANCE.columns())) {
            for (DemoTaxRate tax : TAX_RATES) {
                printer.printRecord(tax.country(), tax.region(), tax.taxCode(), tax.nameEn(), tax.nameFr(),
                        tax.rate().toPlainString(), tax.registration(), tax.jurisdiction(), tax.effectiveFrom(),
                        tax.effectiveTo() == null ? "" : tax.effectiveTo(), glAccount(tax));
            }
        }
    }

    /**
     * The demo's tax-payable accounts: the federal GST/HST 2310, Quebec's QST 2320, BC's PST 2330;
     * the US taxes name none and go to the company's default (billing.gl.tax-payable).
     */
    private static String glAccount(DemoTaxRate tax) {
        return switch (tax.taxCode()) {
            case "GST", "HST" -> "2310";
            case "QST" -> "2320";
            case "PST" -> "2330";
            default -> "";
        };
    }

    static void writeTaxJurisdictions(Path file) throws IOException {
        try (CSVPrinter printer = DemoCsv.printer(file, TaxJurisdictionFormat.INSTANCE.columns())) {
            for (List<String> area : POSTAL_AREAS) {
                // country, region, postal_from, postal_to, street, county, city, district
                printer.printRecord(area.get(0), area.get(1), area.get(2), area.get(3), "", area.get(4), area.get(5), "");
            }
        }
    }

    static void writeTaxRules(Path file) throws IOException {
        try (CSVPrinter printer = DemoCsv.printer(file, TaxRuleFormat.INSTANCE.columns())) {
            for (List<String> rule : TAX_RULES) {
                printer.printRecord(rule);
            }
        }
    }
}
