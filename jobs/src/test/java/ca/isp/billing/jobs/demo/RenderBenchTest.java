package ca.isp.billing.jobs.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ca.isp.billing.jobs.AbstractCycleTest;

/**
 * run.sh bench render, small: a demo of 20 accounts is billed, its invoices are rendered by
 * both engines with the attachment appended and drawn as the floor, and the last line has the
 * issue's form. The layout engine must come out well ahead of pdfHTML on the same invoices.
 */
class RenderBenchTest extends AbstractCycleTest {

    private static final Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    private RenderBench bench;

    @Test
    void rendersTheDemoInvoicesWithEachEngineAgainstTheFloor() throws Exception {
        RenderBench.Result layout = bench.run("layout", 40, 20);

        assertThat(layout.invoices()).isEqualTo(40);
        assertThat(layout.distinct()).isPositive();
        // each PDF holds the invoice and the one-page notice, with two embedded font subsets
        assertThat(layout.renderBytes() / layout.invoices()).isGreaterThan(50_000);
        assertThat(layout.lastLine())
                .matches("render: \\d+ invoices/s per core, floor: \\d+ invoices/s, ratio \\d+\\.\\d");

        assertThatThrownBy(() -> bench.run("pdf", 10, 20)).hasMessageContaining("engine must be html or layout");
    }
}
