package ca.isp.billing.jobs.demo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.cycle.CycleLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.render.InvoiceDocumentLoader;
import ca.isp.billing.jobs.support.CompanyProfiles;
import ca.isp.billing.writers.InvoiceDocument;
import ca.isp.billing.writers.InvoicePdfRenderer;
import ca.isp.billing.writers.LayoutInvoiceRenderer;
import ca.isp.billing.writers.PdfAttachments;

/**
 * run.sh bench render (issue 12): how fast one thread renders invoices, against the drawing
 * floor measured in the same run on the same invoices. It lives with the demo because its
 * invoices are the demo's (invented accounts never reach a real run: ArchitectureTest).
 *
 * <p>It bills a demo ISP (DemoCommand, seed 42) in its own home so the invoices are the demo's
 * mix (both languages, CAD and USD, payments, taxes), loads them as the render step does
 * (InvoiceDocumentLoader), then renders N of them, going round the list, with the engine asked
 * for ({@code html} or {@code layout}: real templates, fonts embedded) and the attachment
 * {@code templates/attachments/rate-change-notice.pdf} appended; then draws the same N as
 * FloorPage does (PDFBox, a standard font). Each is warmed up first on the same invoices, then
 * both are timed in interleaved rounds as the thread's CPU time ("per core").
 */
@Component
public class RenderBench {

    private static final Logger log = LoggerFactory.getLogger(RenderBench.class);
    static final String ATTACHMENT = "attachments/rate-change-notice.pdf";
    private static final int ROUNDS = 10;

    private final DemoCommand demo;
    private final CycleLauncher launcher;
    private final NamedParameterJdbcTemplate named;
    private final CompanyProfiles company;
    private final BillingProperties properties;

    /** billing.render.pdfa: the layout engine's PDFs marked PDF/A-3b, as the render step makes them. */
    private final boolean pdfa;

    public RenderBench(DemoCommand demo, CycleLauncher launcher, NamedParameterJdbcTemplate named,
                       CompanyProfiles company, BillingProperties properties,
                       @org.springframework.beans.factory.annotation.Value("${billing.render.pdfa:true}") boolean pdfa) {
        this.pdfa = pdfa;
        this.demo = demo;
        this.launcher = launcher;
        this.named = named;
        this.company = company;
        this.properties = properties;
    }

    /** The figures of one run; the seconds are CPU seconds of the bench's one thread. */
    public record Result(String engine, int invoices, int distinct, double renderSeconds, long renderBytes,
                         double floorSeconds) {

        public double renderRate() {
            return invoices / renderSeconds;
        }

        public double floorRate() {
            return invoices / floorSeconds;
        }

        /** The last line, as issue 12 asks. */
        public String lastLine() {
            return String.format(Locale.ROOT, "render: %d invoices/s per core, floor: %d invoices/s, ratio %.1f",
                    Math.round(renderRate()), Math.round(floorRate()), floorRate() / renderRate());
        }
    }

    /** Bills a demo of {@code accounts} accounts, then times the engine and the floor over {@code invoices}. */
    public Result run(String engine, int invoices, int accounts) throws IOException {
        if (!engine.equals("html") && !engine.equals("layout")) {
            throw new IllegalArgumentException("engine must be html or layout, not " + engine);
        }
        LocalDate cycleDate = demo.defaultCycleDate();
        demo.prepare(accounts, DemoCommand.DEFAULT_SEED, cycleDate);
        CycleOutcome outcome = launcher.bill(cycleDate, CycleLauncher.Option.FORCE);
        if (outcome.result() != CycleOutcome.Result.COMPLETED) {
            throw new IllegalStateException("the demo cycle did not complete: " + outcome.message());
        }
        List<Long> ids = named.queryForList("SELECT id FROM invoice WHERE cycle_date = :cycle AND invoice_number IS NOT NULL"
                + " ORDER BY id", new MapSqlParameterSource("cycle", cycleDate), Long.class);
        Map<Long, InvoiceDocument> loaded = new InvoiceDocumentLoader(named, company).load(ids);
        List<InvoiceDocument> documents = new ArrayList<>();
        ids.forEach(id -> documents.add(loaded.get(id)));
        if (documents.isEmpty()) {
            throw new IllegalStateException("the demo cycle issued no invoice");
        }
        return measure(engine, documents, invoices);
    }

    /** Times the engine, then the floor, on one thread, each after a warm-up round. */
    public Result measure(String engine, List<InvoiceDocument> documents, int invoices) {
        Path templates = properties.templates();
        PdfAttachments attachments = PdfAttachments.of(List.of(templates.resolve(ATTACHMENT)));
        Function<InvoiceDocument, byte[]> render = switch (engine) {
            case "html" -> {
                InvoicePdfRenderer html = new InvoicePdfRenderer(templates);
                yield doc -> attachments.appendedTo(html.render(doc));
            }
            case "layout" -> new LayoutInvoiceRenderer(templates, attachments, pdfa)::render;
            default -> throw new IllegalArgumentException("engine must be html or layout, not " + engine);
        };
        int warmUp = Math.max(Math.min(invoices, 300), Math.min(documents.size(), 300));
        run(render, documents, 0, warmUp);
        run(FloorPage::draw, documents, 0, warmUp);
        log.info("Bench: {} invoices to render ({} distinct), warmed up on {}{}", invoices, documents.size(), warmUp,
                engine.equals("layout") ? (pdfa ? ", PDF/A-3b" : ", not PDF/A") : "");

        // Timed in ten interleaved rounds, as this thread's CPU time: on a machine shared with other
        // work, wall time measures the neighbours; both sides see the same conditions this way.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long renderNanos = 0;
        long floorNanos = 0;
        long bytes = 0;
        int done = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int count = (invoices - done) / (ROUNDS - round);
            long start = threads.getCurrentThreadCpuTime();
            bytes += run(render, documents, done, count);
            renderNanos += threads.getCurrentThreadCpuTime() - start;
            start = threads.getCurrentThreadCpuTime();
            run(FloorPage::draw, documents, done, count);
            floorNanos += threads.getCurrentThreadCpuTime() - start;
            done += count;
        }
        return new Result(engine, invoices, documents.size(), renderNanos / 1e9, bytes, floorNanos / 1e9);
    }

    private static long run(Function<InvoiceDocument, byte[]> draw, List<InvoiceDocument> documents, int from,
                            int count) {
        long bytes = 0;
        for (int i = from; i < from + count; i++) {
            bytes += draw.apply(documents.get(i % documents.size())).length;
        }
        return bytes;
    }
}
