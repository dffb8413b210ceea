package ca.isp.billing.jobs.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import ca.isp.billing.demo.DemoIspGenerator;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;

/**
 * {@code ./run.sh demo}: invents a small ISP (DemoIspGenerator), imports its reference data
 * through the operator's import path and drops its usage and payment files in the inbox, exactly
 * as an operator would with real files; the command line then bills the cycle as {@code bill} does.
 */
@Component
public class DemoCommand {

    public static final int DEFAULT_ACCOUNTS = 1000;
    public static final long DEFAULT_SEED = 42;

    private final ReferenceDataImporter importer;
    private final BillingProperties properties;
    private final Clock clock;

    public DemoCommand(ReferenceDataImporter importer, BillingProperties properties, Clock clock) {
        this.importer = importer;
        this.properties = properties;
        this.clock = clock;
    }

    /** The demo bills the first day of the current month unless told otherwise. */
    public LocalDate defaultCycleDate() {
        return LocalDate.now(clock).withDayOfMonth(1);
    }

    /** Generates the ISP's files under BILLING_HOME and imports its reference data. */
    public void prepare(int accounts, long seed, LocalDate cycleDate) throws IOException {
        prepare(accounts, seed, cycleDate, 1.0);
    }

    /** The same with usageFactor times the usual usage per subscription (run.sh bench cycle --usage). */
    public void prepare(int accounts, long seed, LocalDate cycleDate, double usageFactor) throws IOException {
        Path home = properties.home();
        Path reference = home.resolve("reference");

        System.out.printf("Demo: a %,d-account ISP (seed %d), billing cycle %s, files under %s%n", accounts, seed,
                cycleDate, home.toAbsolutePath().normalize());
        DemoIspGenerator.Summary generated = new DemoIspGenerator(seed, accounts, cycleDate).withUsageFactor(usageFactor)
                .generate(reference, properties.inbox("usage"), properties.inbox("payments"));
        System.out.printf("Generated %,d accounts (%,d due), %,d subscriptions, %,d usage records "
                        + "(%d malformed, %d for unknown services), %,d open invoices, %,d payments (%d malformed)%n",
                generated.accounts(), generated.dueAccounts(), generated.subscriptions(), generated.usageRecords(),
                generated.malformedUsageLines(), generated.unknownServiceUsage(), generated.openingBalances(),
                generated.payments(), generated.malformedPaymentLines());

        for (Kind kind : new Kind[]{Kind.PLANS, Kind.TAX_RATES, Kind.TAX_JURISDICTIONS, Kind.TAX_RULES, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS, Kind.OPENING_BALANCES}) {
            // The importer logs each result ("Imported accounts accounts.csv: ..."), as for ./run.sh import.
            // Its dates are plausible around the demo's own cycle date, which may be far from today.
            importer.importFile(kind, reference.resolve(kind.label() + ".csv"), cycleDate);
        }
    }

    /** Printed after the cycle: where to look. */
    public void printWhereThingsAre(LocalDate cycleDate) {
        Path out = properties.out().toAbsolutePath().normalize();
        System.out.println();
        System.out.println("Where things are:");
        System.out.println("  invoices (PDF)       " + out.resolve("invoices").resolve(cycleDate.toString()));
        System.out.println("  mail-vendor batch    " + out.resolve("mail-vendor").resolve(cycleDate.toString()) + " (manifest.csv + letters)");
        System.out.println("  emails (.eml)        " + out.resolve("email").resolve(cycleDate.toString()));
        System.out.println("  run summary          " + properties.reports(cycleDate).resolve("run-summary.txt").toAbsolutePath().normalize());
        System.out.println("  reconciliation       " + properties.reports(cycleDate).resolve("reconciliation.txt").toAbsolutePath().normalize()
                + " (also at the end of the run summary above)");
        System.out.println("  GL journal           " + properties.reports(cycleDate).resolve("journal.csv").toAbsolutePath().normalize());
        System.out.println("  run report (charts)  " + properties.reports(cycleDate).resolve("run-report.html").toAbsolutePath().normalize()
                + " (open it in a browser; its figures as run-report-*.csv beside it)");
        System.out.println("  rejected input lines " + properties.rejects().toAbsolutePath().normalize());
        System.out.println("  input files, done    " + properties.home().resolve("archive").toAbsolutePath().normalize());
        System.out.println("Every ./run.sh demo starts again from nothing: it deletes its folder first.");
    }
}
