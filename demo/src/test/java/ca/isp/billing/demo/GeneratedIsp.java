package ca.isp.billing.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import ca.isp.billing.demo.DemoIspGenerator.Summary;

/** The demo most tests look at: 200 accounts, seed 42, cycle 2025-06-01, generated into a test's folder. */
record GeneratedIsp(Path reference, Path usageInbox, Path paymentInbox, Summary summary) {

    static final LocalDate CYCLE = LocalDate.of(2025, 6, 1);
    static final long SEED = 42L;

    static GeneratedIsp twoHundredAccounts(Path root) throws IOException {
        Path reference = root.resolve("a/reference");
        Path usageInbox = root.resolve("a/inbox/usage");
        Path paymentInbox = root.resolve("a/inbox/payments");
        Summary summary = new DemoIspGenerator(SEED, 200, CYCLE).generate(reference, usageInbox, paymentInbox);
        return new GeneratedIsp(reference, usageInbox, paymentInbox, summary);
    }
}
