package ca.isp.billing.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;

import ca.isp.billing.readers.PlanFormat;
import ca.isp.billing.readers.TaxRateFormat;

/**
 * What Northern Lights Internet sells and the taxes it collects: the fixed rows of
 * plans.csv and tax-rates.csv.
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

    static final List<DemoTaxRate> TAX_RATES = List.of(
            new DemoTaxRate("CA", "QC", "GST", "GST", "TPS", new BigDecimal("0.05"), GST_NUMBER),
            new DemoTaxRate("CA", "QC", "QST", "QST", "TVQ", new BigDecimal("0.09975"), "1234567890 TQ0001"),
            new DemoTaxRate("CA", "ON", "HST", "HST", "TVH", new BigDecimal("0.13"), GST_NUMBER),
            new DemoTaxRate("CA", "BC", "GST", "GST", "TPS", new BigDecimal("0.05"), GST_NUMBER),
            new DemoTaxRate("CA", "BC", "PST", "PST", "TVP", new BigDecimal("0.07"), "PST-1234-5678"),
            new DemoTaxRate("US", "NY", "STATE", "New York State sales tax",
                    "Taxe de vente de l'État de New York", new BigDecimal("0.04"), "NY-CA 12-3456789"),
            new DemoTaxRate("US", "VT", "STATE", "Vermont sales tax", "Taxe de vente du Vermont",
                    new BigDecimal("0.06"), "VT-BT 0012345"),
            new DemoTaxRate("US", "ME", "STATE", "Maine sales tax", "Taxe de vente du Maine",
                    new BigDecimal("0.055"), "ME-ST 1234567"),
            // New Hampshire has no general sales tax: a zero rate, so the jurisdiction is known.
            new DemoTaxRate("US", "NH", "STATE", "New Hampshire sales tax", "Taxe de vente du New Hampshire",
                    new BigDecimal("0"), ""));

    private DemoCatalog() {
    }

    static List<DemoTaxRate> taxRatesFor(String country, String region) {
        return TAX_RATES.stream()
                .filter(rate -> rate.country().equals(country) && rate.region().equals(region))
                .toList();
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
                        plan.monthlyPrice().multiply(java.math.BigDecimal.valueOf(plan.periodMonths())).toPlainString(),
                        "NO");
            }
        }
    }

    static void writeTaxRates(Path file) throws IOException {
        try (CSVPrinter printer = DemoCsv.printer(file, TaxRateFormat.INSTANCE.columns())) {
            for (DemoTaxRate tax : TAX_RATES) {
                printer.printRecord(tax.country(), tax.region(), tax.taxCode(), tax.nameEn(), tax.nameFr(),
                        tax.rate().toPlainString(), tax.registration());
            }
        }
    }
}
