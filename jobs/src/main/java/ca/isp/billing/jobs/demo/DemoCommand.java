package ca.isp.billing.jobs.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import ca.isp.billing.demo.DemoIspGenerator;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.cli.BillingCommandLine;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * {@code ./run.sh demo}: invents a small ISP (DemoIspGenerator), imports its reference data
 * through the operator's import path, drops its usage and payment files in the inbox and runs
 * the billing cycle, exactly as an operator would with real files.
 */
@Component
public class DemoCommand {

    private final ReferenceDataImporter importer;
    private final BillingProperties properties;

    public DemoCommand(ReferenceDataImporter importer, BillingProperties properties) {
        this.importer = importer;
        this.properties = properties;
    }

    public int run(Map<String, String> options, BillingCommandLine commandLine) throws IOException {
        int accounts = intOption(options, "accounts", 1000);
        long seed = intOption(options, "seed", 42);
        LocalDate cycleDate = options.containsKey("cycle-date")
                ? LocalDate.parse(options.get("cycle-date")) : LocalDate.now().withDayOfMonth(1);
        Path home = properties.home();
        Path reference = home.resolve("reference");

        System.out.printf("Demo: a %,d-account ISP (seed %d), billing cycle %s, files under %s%n", accounts, seed,
                cycleDate, home.toAbsolutePath().normalize());
        DemoIspGenerator.Summary generated = new DemoIspGenerator(seed, accounts, cycleDate)
                .generate(reference, properties.inbox("usage"), properties.inbox("payments"));
        System.out.printf("Generated %,d accounts (%,d due), %,d subscriptions, %,d usage records "
                        + "(%d malformed, %d for unknown services), %,d open invoices, %,d payments (%d malformed)%n",
                generated.accounts(), generated.dueAccounts(), generated.subscriptions(), generated.usageRecords(),
                generated.malformedUsageLines(), generated.unknownServiceUsage(), generated.openingBalances(),
                generated.payments(), generated.malformedPaymentLines());

        for (Kind kind : new Kind[]{Kind.PLANS, Kind.TAX_RATES, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS, Kind.OPENING_BALANCES}) {
            // The importer logs each result ("Imported accounts accounts.csv: ..."), as for ./run.sh import.
            importer.importFile(kind, reference.resolve(kind.label() + ".csv"));
        }

        int exit = commandLine.bill(cycleDate, false);
        Path out = properties.out().toAbsolutePath().normalize();
        System.out.println();
        System.out.println("Where things are:");
        System.out.println("  invoices (PDF)       " + out.resolve("invoices").resolve(cycleDate.toString()));
        System.out.println("  mail-vendor batch    " + out.resolve("mail-vendor").resolve(cycleDate.toString()) + " (manifest.csv + letters)");
        System.out.println("  emails (.eml)        " + out.resolve("email").resolve(cycleDate.toString()));
        System.out.println("  run summary          " + out.resolve("reports").resolve(cycleDate.toString()).resolve("run-summary.txt"));
        System.out.println("  rejected input lines " + properties.rejects().toAbsolutePath().normalize());
        System.out.println("  input files, done    " + home.resolve("archive").toAbsolutePath().normalize());
        System.out.println("Every ./run.sh demo starts again from nothing: it deletes its folder first.");
        return exit;
    }

    private static int intOption(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new BillingCommandLine.UsageException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }
}
