package ca.isp.billing.jobs.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Value;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.demo.RenderBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** run.sh bench render [--invoices N] [--engine html|layout] [--accounts A]: one thread rendering against the PDFBox floor. */
@Command(name = "bench-render", hidden = true)
class BenchRenderCommand implements Callable<Integer> {

    @Option(names = "--invoices")
    String invoices;
    @Option(names = "--accounts")
    String accounts;
    @Option(names = "--engine")
    String engine;

    private final RenderBench renderBench;
    private final String renderEngine;

    BenchRenderCommand(RenderBench renderBench, @Value("${billing.render.engine:layout}") String renderEngine) {
        this.renderBench = renderBench;
        this.renderEngine = renderEngine;
    }

    @Override
    public Integer call() throws IOException {
        long count = CommandArguments.number("invoices", invoices, 2000);
        if (count < 10 || count > 1_000_000) {
            throw new UsageException("--invoices must be from 10 to 1,000,000");
        }
        long accountCount = CommandArguments.number("accounts", accounts, 300);
        if (accountCount < 1 || accountCount > 100_000) {
            throw new UsageException("--accounts must be from 1 to 100,000");
        }
        try {
            RenderBench.Result result = renderBench.run(engine != null ? engine : renderEngine, (int) count,
                    (int) accountCount);
            System.out.printf("engine %s: %d invoices (%d distinct, attachment appended) in %.1f s of CPU, %.2f ms each,"
                            + " %d KB each; floor: %.1f s, %.2f ms each%n", result.engine(), result.invoices(),
                    result.distinct(), result.renderSeconds(), result.renderSeconds() * 1000 / result.invoices(),
                    result.renderBytes() / result.invoices() / 1024, result.floorSeconds(),
                    result.floorSeconds() * 1000 / result.invoices());
            System.out.println(result.lastLine());
            return BillingCommandLine.OK;
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("error: the bench failed: " + e.getMessage());
            return BillingCommandLine.FAILED;
        }
    }
}
