package ca.isp.billing.jobs.cycle;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import ca.isp.billing.domain.CatchUpLimit;
import ca.isp.billing.domain.RecurringCharger;
import ca.isp.billing.domain.DelinquencyPolicy;
import ca.isp.billing.domain.Language;
import ca.isp.billing.domain.review.ReviewSettings;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.charge.AccountChargeProcessor;
import ca.isp.billing.jobs.charge.DataTariffs;
import ca.isp.billing.jobs.charge.DraftInvoiceWriter;
import ca.isp.billing.jobs.charge.DueAccountReader;
import ca.isp.billing.jobs.collections.AccountStandingReader;
import ca.isp.billing.jobs.collections.CollectionsCalendars;
import ca.isp.billing.jobs.collections.DelinquencyProcessor;
import ca.isp.billing.jobs.collections.LateFeeProcessor;
import ca.isp.billing.jobs.collections.LateFeeWriter;
import ca.isp.billing.jobs.collections.OverdueInvoiceReader;
import ca.isp.billing.jobs.collections.PenaltyClasses;
import ca.isp.billing.jobs.collections.ProvisioningListsTasklet;
import ca.isp.billing.jobs.collections.StatusChangeWriter;
import ca.isp.billing.jobs.handoff.Backoff;
import ca.isp.billing.jobs.handoff.BounceMailbox;
import ca.isp.billing.jobs.handoff.Courier;
import ca.isp.billing.jobs.handoff.Couriers;
import ca.isp.billing.jobs.handoff.DeliveryWriter;
import ca.isp.billing.jobs.handoff.EmlFileCourier;
import ca.isp.billing.jobs.handoff.HandoffLeftovers;
import ca.isp.billing.jobs.handoff.LobCourier;
import ca.isp.billing.jobs.handoff.MailVendorCourier;
import ca.isp.billing.jobs.handoff.MailVendorManifestTasklet;
import ca.isp.billing.jobs.handoff.PendingDeliveryReader;
import ca.isp.billing.jobs.handoff.SmtpCourier;
import ca.isp.billing.jobs.ingest.UsageSources;
import ca.isp.billing.jobs.issue.InvoiceIssueProcessor;
import ca.isp.billing.jobs.issue.IssuedInvoiceWriter;
import ca.isp.billing.jobs.issue.TaxedInvoiceReader;
import ca.isp.billing.jobs.payments.DepositSlipTasklet;
import ca.isp.billing.jobs.payments.PaymentFileIngester;
import ca.isp.billing.jobs.payments.PaymentSettings;
import ca.isp.billing.jobs.rate.RateTables;
import ca.isp.billing.jobs.rate.RatedUsageWriter;
import ca.isp.billing.jobs.rate.UsageRatingProcessor;
import ca.isp.billing.jobs.rate.UsageToRateReader;
import ca.isp.billing.jobs.remote.RemotePartitioning;
import ca.isp.billing.jobs.render.InvoiceDocumentLoader;
import ca.isp.billing.jobs.render.InvoicePdfProcessor;
import ca.isp.billing.jobs.render.InvoicePdfWriter;
import ca.isp.billing.jobs.render.InvoiceToRenderReader;
import ca.isp.billing.jobs.report.CycleReconciliation;
import ca.isp.billing.jobs.accounting.JournalExport;
import ca.isp.billing.jobs.accounting.JournalTasklet;
import ca.isp.billing.jobs.report.CycleReport;
import ca.isp.billing.jobs.review.ReviewGateTasklet;
import ca.isp.billing.jobs.review.ReviewRulesFile;
import ca.isp.billing.jobs.report.RunReport;
import ca.isp.billing.jobs.report.RunSummaryTasklet;
import ca.isp.billing.jobs.support.AccountRangePartitioner;
import ca.isp.billing.jobs.support.BillingCycleJob;
import ca.isp.billing.jobs.support.CompanyProfiles;
import ca.isp.billing.jobs.support.FaultInjection;
import ca.isp.billing.jobs.support.InvoiceScope;
import ca.isp.billing.jobs.support.PlausibleDates;
import ca.isp.billing.jobs.support.QueryCount;
import ca.isp.billing.jobs.support.ReferenceData;
import ca.isp.billing.jobs.support.TableStatistics;
import ca.isp.billing.jobs.tax.DraftInvoiceReader;
import ca.isp.billing.jobs.tax.InvoiceTaxProcessor;
import ca.isp.billing.jobs.tax.TaxEngines;
import ca.isp.billing.jobs.tax.TaxLineWriter;
import ca.isp.billing.writers.InvoiceEmail;
import ca.isp.billing.writers.InvoicePdfRenderer;
import ca.isp.billing.writers.InvoiceRenderer;
import ca.isp.billing.writers.LayoutInvoiceRenderer;
import ca.isp.billing.writers.MailVendorBatch;

import okhttp3.OkHttpClient;

/**
 * The billing cycle, step by step in the order it runs. Identified by {@code cycleDate}: the
 * same date again restarts a failed run where it stopped and refuses a completed one.
 *
 * <p>Account-level steps (rate, charge, tax, review gate, render, handoff, late fees,
 * delinquency) are partitioned by account id range, balanced by account count (rate by usage
 * record id: a record has no account until rated): the manager step splits, worker steps
 * ({@code <step>Partition}) do the work, here on local threads. The invoice step is not: it numbers invoices from one gapless series in
 * account-number order. Every reader selects only work not done yet, so a restarted step or
 * partition picks up exactly what is left.
 */
@Configuration
public class BillingCycleJobConfiguration {

    /**
     * The date of steps the daily collections job shares (payments, late fees, delinquency, lists):
     * the cycle date, or the collections date when CollectionsJobConfiguration runs them.
     */
    private static final String DATE = "#{jobParameters['cycleDate'] ?: jobParameters['collectionsDate']}";
    /**
     * A partition's account range. A kill -9 between the moment Spring Batch saved a partition's step
     * execution and the moment it saved its context leaves a partition without one: resumed, it
     * takes the whole range (its reader selects only what is left; unique keys refuse a second bill).
     */
    private static final String MIN_ID = "#{stepExecutionContext['minId'] ?: T(java.lang.Long).MIN_VALUE}";
    private static final String MAX_ID = "#{stepExecutionContext['maxId'] ?: T(java.lang.Long).MAX_VALUE}";

    /**
     * The account of an invoice-now run (InvoiceNowJobConfiguration), none for the cycle: the steps
     * it shares (tax, invoice, review gate, render, hand-off) then take only that account's quote
     * invoices, and the cycle only its own (support.InvoiceScope).
     */
    private static final String INVOICE_ACCOUNT = "#{jobParameters['invoiceAccount']}";
    /** The running job's name (billingCycle, invoiceNow, closeAccount): it names a scope's vendor batch. */
    private static final String JOB_NAME = "#{stepExecution.jobExecution.jobInstance.jobName}";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final BillingProperties properties;
    private final FaultInjection faults;
    private final Clock clock;
    /** Only with billing.mode=remote: partitions then run on remote workers, not local threads. */
    @Autowired(required = false)
    private RemotePartitioning remoteWorkers;

    public BillingCycleJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                        JdbcTemplate jdbc, NamedParameterJdbcTemplate named,
                                        BillingProperties properties, FaultInjection faults, Clock clock) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.named = named;
        this.properties = properties;
        this.faults = faults;
        this.clock = clock;
    }

    @Bean
    public Job billingCycle(Step ingest, Step rate, Step charge, Step tax, Step invoice, Step reviewGate, Step render,
                            Step handoff,
                            Step handoffManifest, Step payments, Step depositSlips, Step lateFees, Step delinquency, Step provisioningLists,
                            Step journal, Step report,
                            CompanyProfiles company) {
        return new JobBuilder(BillingCycleJob.NAME, jobRepository)
                .validator(cycleDateValidator())
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution jobExecution) {
                        company.store(jdbc, "CAD");
                    }
                })
                .start(ingest)
                .next(rate)
                // Payments before invoices: an invoice never asks for money already paid.
                .next(payments)
                .next(depositSlips)
                .next(charge)
                .next(tax)
                .next(invoice)
                // Nothing leaves before the gate: a held invoice is not rendered nor sent.
                .next(reviewGate)
                .next(render)
                .next(handoff)
                .next(handoffManifest)
                .next(lateFees)
                .next(delinquency)
                .next(provisioningLists)
                // the accounting export: what this run issued and received, posted to the ledger
                .next(journal)
                .next(report)
                .build();
    }

    /** cycleDate must be a LocalDate: "2026-11-01" as a String would make a second, separate cycle. */
    static JobParametersValidator cycleDateValidator() {
        return parameters -> {
            JobParameter<?> cycleDate = parameters.getParameter(BillingCycleJob.CYCLE_DATE);
            if (cycleDate == null || !(cycleDate.value() instanceof LocalDate) || !cycleDate.identifying()) {
                throw new InvalidJobParametersException(
                        "billingCycle needs the identifying parameter cycleDate of type java.time.LocalDate");
            }
        };
    }

    // ------------------------------------------------------------------ 1. ingest usage files

    @Bean
    public Step ingest(UsageSources usageSources) {
        return new StepBuilder("ingest", jobRepository)
                .tasklet(usageSources, transactionManager)
                .build();
    }

    /**
     * Every configured usage source (billing.ingest.sources.*), each read by the reader of its
     * format. Step scoped: the files it passes over in a run (still being written) are forgotten
     * after it, and its window of plausible start times is counted from the day it runs.
     */
    @Bean
    @StepScope
    public UsageSources usageSources(@Value("#{jobParameters['cycleDate']}") LocalDate cycleDate) {
        // the usage ingest job (run.sh ingest) has no cycle date: its window is around today alone
        LocalDate around = cycleDate != null ? cycleDate : LocalDate.now(clock);
        return UsageSources.of(properties, jdbc, transactionManager, plausibleDates().usage(around), faults);
    }

    // ------------------------------------------------------------------ 2. rate usage

    /**
     * Partitioned by usage record id, the ranges balanced by the count of records to rate: a
     * record belongs to no account until this step has matched it to a subscription.
     */
    @Bean
    public Step rate(Step ratePartition, Partitioner usageRanges, TaskExecutor partitionExecutor) {
        return partitioned("rate", ratePartition, usageRanges, partitionExecutor);
    }

    @Bean
    public Step ratePartition(UsageToRateReader usageToRateReader, UsageRatingProcessor usageRatingProcessor) {
        return chunkStep("ratePartition", "rate", properties.chunkSize() * 5,
                usageToRateReader, usageRatingProcessor, new RatedUsageWriter(named));
    }

    @Bean
    public Partitioner usageRanges() {
        return AccountRangePartitioner.usageToRate(jdbc, UsageToRateReader.TO_RATE);
    }

    /** Step scoped: the rate tables are read when the step starts, so an import made since counts. */
    @Bean
    @StepScope
    public UsageRatingProcessor usageRatingProcessor() {
        return new UsageRatingProcessor(RateTables.load(jdbc));
    }

    /** Step scoped like every reader: a reader keeps its position, a new run needs a new one. */
    @Bean
    @StepScope
    public UsageToRateReader usageToRateReader(@Value(MIN_ID) long minId,
                                               @Value(MAX_ID) long maxId) {
        return new UsageToRateReader(named, minId, maxId, properties.chunkSize() * 5);
    }

    // ------------------------------------------------------------------ 3. apply payments

    @Bean
    public Step payments(PaymentFileIngester paymentFileIngester) {
        return new StepBuilder("payments", jobRepository)
                .tasklet(paymentFileIngester, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public PaymentFileIngester paymentFileIngester(@Value(DATE) LocalDate cycleDate, PaymentSettings paymentSettings) {
        return new PaymentFileIngester(jdbc, transactionManager, properties, plausibleDates().payments(cycleDate),
                faults, paymentSettings);
    }

    /** A deposit slip (PDF and CSV) per deposit batch of the payment files, in out/deposits/. */
    @Bean
    public Step depositSlips() {
        return new StepBuilder("depositSlips", jobRepository)
                .tasklet(new DepositSlipTasklet(jdbc, properties.out().resolve("deposits"), clock), transactionManager)
                .build();
    }

    /** The windows of plausible input dates (billing.plausible.*), counted from today. */
    private PlausibleDates plausibleDates() {
        return new PlausibleDates(properties.plausible(), LocalDate.now(clock));
    }

    // ------------------------------------------------------------------ 4. charge plans and usage

    @Bean
    public Step charge(Step chargePartition, Partitioner accountRanges, TaskExecutor partitionExecutor) {
        return partitioned("charge", chargePartition, accountRanges, partitionExecutor);
    }

    @Bean
    public Step chargePartition(DueAccountReader dueAccountReader, AccountChargeProcessor accountChargeProcessor) {
        return chunkStep("chargePartition", "charge", properties.chunkSize(),
                dueAccountReader, accountChargeProcessor, new DraftInvoiceWriter(named));
    }

    @Bean
    @StepScope
    public DueAccountReader dueAccountReader(@Value(MIN_ID) long minId,
                                             @Value(MAX_ID) long maxId,
                                             @Value("#{jobParameters['cycleDate']}") LocalDate cycleDate) {
        return new DueAccountReader(named, minId, maxId, cycleDate, properties.chunkSize(),
                properties.charge().billSuspended());
    }

    /**
     * Plans by RecurringCharger with the company's proration switches (billing.proration.*). An
     * account further behind than billing.plausible.catch-up-periods is charged only by a run with --force.
     */
    @Bean
    @StepScope
    public AccountChargeProcessor accountChargeProcessor(@Value("#{jobParameters['cycleDate']}") LocalDate cycleDate,
                                                         @Value("#{jobParameters['force']}") String force) {
        return new AccountChargeProcessor(cycleDate, ReferenceData.plans(jdbc),
                new RecurringCharger(ReferenceData.planTerms(jdbc), properties.proration().settings()),
                new CatchUpLimit(properties.plausible().catchUpPeriods()), "true".equals(force),
                RateTables.load(jdbc), ReferenceData.includedMinutes(jdbc), DataTariffs.load(jdbc));
    }

    // ------------------------------------------------------------------ 5. tax by service address

    @Bean
    public Step tax(Step taxPartition, Partitioner accountRanges, TaskExecutor partitionExecutor) {
        return partitioned("tax", taxPartition, accountRanges, partitionExecutor);
    }

    @Bean
    public Step taxPartition(DraftInvoiceReader draftInvoiceReader, InvoiceTaxProcessor invoiceTaxProcessor) {
        return chunkStep("taxPartition", "tax", properties.chunkSize(),
                draftInvoiceReader, invoiceTaxProcessor, new TaxLineWriter(named));
    }

    @Bean
    @StepScope
    public DraftInvoiceReader draftInvoiceReader(@Value(MIN_ID) long minId,
                                                 @Value(MAX_ID) long maxId,
                                                 @Value("#{jobParameters['cycleDate']}") LocalDate cycleDate,
                                                 @Value(INVOICE_ACCOUNT) String invoiceAccount) {
        return new DraftInvoiceReader(named, minId, maxId, cycleDate, properties.chunkSize(), clock,
                InvoiceScope.of(invoiceAccount));
    }

    /** Step scoped: the tax tables are read when the step starts, so an import made since counts. */
    @Bean
    @StepScope
    public InvoiceTaxProcessor invoiceTaxProcessor(TaxEngines taxEngines) {
        return new InvoiceTaxProcessor(taxEngines.current());
    }

    // ------------------------------------------------------------------ 6. issue invoices

    /**
     * Not partitioned: invoice numbers come from one gapless series in account-number order, so a
     * restarted run numbers the same invoices as an uninterrupted one would.
     */
    @Bean
    public Step invoice(TaxedInvoiceReader taxedInvoiceReader) {
        return chunkStep("invoice", "invoice", properties.chunkSize(), taxedInvoiceReader,
                new InvoiceIssueProcessor(properties.paymentTerms()),
                new IssuedInvoiceWriter(named, properties.invoiceNumber().numbering()), freshStatistics());
    }

    @Bean
    @StepScope
    public TaxedInvoiceReader taxedInvoiceReader(@Value("#{jobParameters['cycleDate']}") LocalDate cycleDate,
                                                 @Value(INVOICE_ACCOUNT) String invoiceAccount) {
        return new TaxedInvoiceReader(named, cycleDate, properties.chunkSize(), InvoiceScope.of(invoiceAccount));
    }

    // ------------------------------------------------------------------ 7. review gate

    @Bean
    public Step reviewGate(Step reviewGatePartition, Partitioner accountRanges, TaskExecutor partitionExecutor) {
        // the invoice step has just added the ledger entries and outbox rows render and hand-off read too
        return partitionStep("reviewGate", reviewGatePartition, accountRanges, partitionExecutor)
                .listener(freshStatistics())
                .build();
    }

    @Bean
    public Step reviewGatePartition(ReviewGateTasklet reviewGateTasklet) {
        return new StepBuilder("reviewGatePartition", jobRepository)
                .tasklet(reviewGateTasklet, transactionManager)
                .listener(queryCount())
                .build();
    }

    /**
     * Step scoped: the rules file (templates/review-rules.properties, or billing.review.rules) is
     * read when the gate starts, so an edit counts from the next run.
     */
    @Bean
    @StepScope
    public ReviewGateTasklet reviewGateTasklet(@Value(MIN_ID) long minId,
                                               @Value(MAX_ID) long maxId,
                                               @Value("#{jobParameters['cycleDate']}") LocalDate cycleDate,
                                               @Value("${billing.review.rules:}") String rulesFile,
                                               @Value(INVOICE_ACCOUNT) String invoiceAccount) {
        return new ReviewGateTasklet(named, minId, maxId, cycleDate, reviewSettings(rulesFile), properties.chunkSize(),
                InvoiceScope.of(invoiceAccount));
    }

    /** The review rules: billing.review.rules when set (a file), else templates/review-rules.properties. */
    public ReviewSettings reviewSettings(String rulesFile) {
        return rulesFile == null || rulesFile.isBlank() ? ReviewRulesFile.inTemplates(properties.templates())
                : ReviewRulesFile.load(java.nio.file.Path.of(rulesFile));
    }

    // ------------------------------------------------------------------ 8. render PDFs

    @Bean
    public Step render(Step renderPartition, Partitioner accountRanges, TaskExecutor partitionExecutor,
                       InvoiceRenderer renderer) {
        // The attachments (and messages) are checked once per run, before any partition renders:
        // a bad file fails the step here, naming it, with no invoice drawn.
        return partitionStep("render", renderPartition, accountRanges, partitionExecutor)
                .listener(new org.springframework.batch.core.listener.StepExecutionListener() {
                    @Override
                    public void beforeStep(org.springframework.batch.core.step.StepExecution stepExecution) {
                        org.slf4j.LoggerFactory.getLogger(BillingCycleJobConfiguration.class)
                                .info("Invoice templates checked: {}", renderer.checkTemplates());
                    }
                })
                .build();
    }

    @Bean
    public Step renderPartition(InvoiceToRenderReader invoiceToRenderReader, InvoicePdfWriter invoicePdfWriter,
                                InvoiceRenderer renderer) {
        return chunkStep("renderPartition", "render", smallChunk(),
                invoiceToRenderReader, new InvoicePdfProcessor(renderer), invoicePdfWriter);
    }

    @Bean
    @StepScope
    public InvoiceToRenderReader invoiceToRenderReader(@Value(MIN_ID) long minId,
                                                       @Value(MAX_ID) long maxId,
                                                       @Value("#{jobParameters['cycleDate']}") LocalDate cycleDate,
                                                       CompanyProfiles company,
                                                       @Value(INVOICE_ACCOUNT) String invoiceAccount) {
        return new InvoiceToRenderReader(named, new InvoiceDocumentLoader(named, company), minId, maxId, cycleDate,
                smallChunk(), InvoiceScope.of(invoiceAccount));
    }

    @Bean
    @StepScope
    public InvoicePdfWriter invoicePdfWriter(@Value("#{jobParameters['cycleDate']}") LocalDate cycleDate) {
        return new InvoicePdfWriter(named, properties.out().resolve("invoices").resolve(cycleDate.toString()), faults);
    }

    // ------------------------------------------------------------------ 9. hand off: letters and emails

    /**
     * Reads the bounce mailbox first (when billing.bounces.host is set), then warns, with their
     * count, when deliveries are left for a rerun (an outage, a refusal, a bounce).
     */
    @Bean
    public Step handoff(Step handoffPartition, Partitioner accountRanges, TaskExecutor partitionExecutor) {
        return partitionStep("handoff", handoffPartition, accountRanges, partitionExecutor)
                .listener(new BounceMailbox(properties.bounces(), jdbc))
                .listener(new HandoffLeftovers(jdbc))
                .build();
    }

    @Bean
    public Step handoffPartition(PendingDeliveryReader pendingDeliveryReader, DeliveryWriter deliveryWriter) {
        return chunkStep("handoffPartition", "handoff", handoffChunk(),
                pendingDeliveryReader, null, deliveryWriter);
    }

    /**
     * Files: a quarter chunk, like render. Lob or SMTP: one delivery per transaction, so a crash
     * between a provider's answer and our commit can repeat only the delivery in flight (Lob then
     * answers with the same letter; an email is sent again with the same Message-ID).
     */
    private int handoffChunk() {
        return properties.lob().configured() || properties.smtp().configured() ? 1 : smallChunk();
    }

    @Bean
    @StepScope
    public PendingDeliveryReader pendingDeliveryReader(@Value(MIN_ID) long minId,
                                                       @Value(MAX_ID) long maxId,
                                                       @Value("#{jobParameters['cycleDate']}") LocalDate cycleDate,
                                                       CompanyProfiles company,
                                                       @Value(INVOICE_ACCOUNT) String invoiceAccount) {
        return new PendingDeliveryReader(named, new InvoiceDocumentLoader(named, company), minId, maxId, cycleDate,
                handoffChunk(), InvoiceScope.of(invoiceAccount));
    }

    @Bean
    @StepScope
    public DeliveryWriter deliveryWriter(@Value("#{jobParameters['cycleDate']}") LocalDate cycleDate,
                                         InvoiceEmail invoiceEmail, CompanyProfiles company, OkHttpClient lobHttp,
                                         @Value(INVOICE_ACCOUNT) String invoiceAccount,
                                         @Value(JOB_NAME) String jobName) {
        return new DeliveryWriter(named, couriers(cycleDate, InvoiceScope.of(invoiceAccount), jobName, invoiceEmail,
                company, lobHttp),
                properties.handoff().maxConsecutiveErrors(), faults);
    }

    /**
     * The couriers the settings ask for: Lob when LOB_API_KEY is set, else the mail-vendor batch;
     * SMTP when SMTP_HOST is set, else .eml files; letters to billing.handoff.mail-vendor-countries
     * go to the mail-vendor batch in any case.
     */
    private Couriers couriers(LocalDate cycleDate, InvoiceScope scope, String jobName, InvoiceEmail invoiceEmail,
                              CompanyProfiles company, OkHttpClient lobHttp) {
        Courier mailVendor = new MailVendorCourier(mailVendorBatch(cycleDate, scope, jobName));
        BillingProperties.Lob lob = properties.lob();
        Courier print = lob.configured()
                ? new LobCourier(lob, company.forLanguage(Language.EN).name(), company.lobReturnAddress(), lobHttp,
                        new Backoff(lob.retryDelay(), Duration.ofSeconds(30), lob.maxRetryAfter()))
                : mailVendor;
        Courier email = properties.smtp().configured()
                ? SmtpCourier.to(properties.smtp(), properties.templates(), properties.emailFrom())
                : new EmlFileCourier(invoiceEmail, properties.out().resolve("email").resolve(cycleDate.toString()));
        return new Couriers(print, email, mailVendor, properties.handoff().mailVendorCountries());
    }

    /** Lob's HTTP client, one for the process (connections and threads are reused); idle unless Lob is set up. */
    @Bean
    public OkHttpClient lobHttp() {
        Duration timeout = properties.lob().timeout();
        return new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10)).readTimeout(timeout)
                .writeTimeout(timeout).build();
    }

    @Bean
    @StepScope
    public MailVendorManifestTasklet mailVendorManifestTasklet(@Value("#{jobParameters['cycleDate']}") LocalDate cycleDate,
                                                               @Value(INVOICE_ACCOUNT) String invoiceAccount,
                                                               @Value(JOB_NAME) String jobName) {
        InvoiceScope scope = InvoiceScope.of(invoiceAccount);
        return new MailVendorManifestTasklet(jdbc, mailVendorBatch(cycleDate, scope, jobName), cycleDate,
                properties.handoff().vendorZip(), faults, scope);
    }

    @Bean
    public Step handoffManifest(MailVendorManifestTasklet mailVendorManifestTasklet) {
        return new StepBuilder("handoffManifest", jobRepository)
                .tasklet(mailVendorManifestTasklet, transactionManager)
                .build();
    }

    /** The cycle's batch, out/mail-vendor/<date>, or invoice-now's or close-account's of its own (InvoiceScope.batchName). */
    private MailVendorBatch mailVendorBatch(LocalDate cycleDate, InvoiceScope scope, String jobName) {
        Path root = properties.out().resolve("mail-vendor");
        return new MailVendorBatch(ca.isp.billing.domain.files.FolderGuard.resolve(root, scope.batchName(cycleDate, jobName)),
                properties.handoff().vendorDoubleSided());
    }

    // ------------------------------------------------------------------ 10. late fees

    /**
     * Partitioned by account like delinquency. Its writer is a plain batched INSERT: the INSERT ...
     * SELECT it had made two partitions deadlock on MariaDB (error 1467, see LateFeeWriter).
     */
    @Bean
    public Step lateFees(Step lateFeesPartition, Partitioner accountRanges, TaskExecutor partitionExecutor) {
        return partitioned("lateFees", lateFeesPartition, accountRanges, partitionExecutor);
    }

    @Bean
    public Step lateFeesPartition(OverdueInvoiceReader overdueInvoiceReader, LateFeeProcessor lateFeeProcessor) {
        return chunkStep("lateFeesPartition", "lateFees", properties.chunkSize(),
                overdueInvoiceReader, lateFeeProcessor, new LateFeeWriter(named));
    }

    @Bean
    @StepScope
    public OverdueInvoiceReader overdueInvoiceReader(@Value(MIN_ID) long minId,
                                                     @Value(MAX_ID) long maxId,
                                                     @Value(DATE) LocalDate cycleDate) {
        return new OverdueInvoiceReader(named, minId, maxId, cycleDate, properties.chunkSize());
    }

    @Bean
    @StepScope
    public LateFeeProcessor lateFeeProcessor(@Value(DATE) LocalDate cycleDate) {
        BillingProperties.LateFee fee = properties.lateFee();
        return new LateFeeProcessor(PenaltyClasses.load(jdbc, fee.defaultClass(), fee.flatClass()), cycleDate);
    }

    // ------------------------------------------------------------------ 11. delinquency

    @Bean
    public Step delinquency(Step delinquencyPartition, Partitioner accountRanges, TaskExecutor partitionExecutor) {
        return partitioned("delinquency", delinquencyPartition, accountRanges, partitionExecutor);
    }

    @Bean
    public Step delinquencyPartition(AccountStandingReader accountStandingReader,
                                     DelinquencyProcessor delinquencyProcessor) {
        return chunkStep("delinquencyPartition", "delinquency", properties.chunkSize() * 5,
                accountStandingReader, delinquencyProcessor, new StatusChangeWriter(named));
    }

    @Bean
    @StepScope
    public AccountStandingReader accountStandingReader(@Value(MIN_ID) long minId,
                                                       @Value(MAX_ID) long maxId,
                                                       @Value(DATE) LocalDate cycleDate) {
        return new AccountStandingReader(named, minId, maxId, cycleDate, properties.chunkSize() * 5);
    }

    @Bean
    @StepScope
    public DelinquencyProcessor delinquencyProcessor(@Value(DATE) LocalDate cycleDate) {
        BillingProperties.Delinquency d = properties.delinquency();
        return new DelinquencyProcessor(new DelinquencyPolicy(d.daysPastDue(), d.minimumOverdue(),
                d.suspendAfterDays(), CollectionsCalendars.load(jdbc, d.allowedDays())), cycleDate);
    }

    @Bean
    public Step provisioningLists(ProvisioningListsTasklet provisioningListsTasklet) {
        return new StepBuilder("provisioningLists", jobRepository)
                .tasklet(provisioningListsTasklet, transactionManager)
                .build();
    }

    /** The day's suspension and reactivation lists, for the cycle's date or the collections run's. */
    @Bean
    @StepScope
    public ProvisioningListsTasklet provisioningListsTasklet(
            @Value(DATE) LocalDate date) {
        return new ProvisioningListsTasklet(jdbc, properties.out().resolve("provisioning"), date);
    }

    // ------------------------------------------------------------------ 12c. journal (accounting export)

    @Bean
    @StepScope
    public JournalTasklet journalTasklet(@Value("#{jobParameters['cycleDate']}") LocalDate cycleDate,
                                         JournalExport journalExport) {
        return new JournalTasklet(journalExport, cycleDate);
    }

    @Bean
    public Step journal(JournalTasklet journalTasklet) {
        return new StepBuilder("journal", jobRepository)
                .tasklet(journalTasklet, transactionManager)
                .build();
    }

    // ------------------------------------------------------------------ 13. run summary and reconciliation

    @Bean
    @StepScope
    public RunSummaryTasklet runSummaryTasklet(@Value("#{jobParameters['cycleDate']}") LocalDate cycleDate,
                                               RunReport runReport) {
        return new RunSummaryTasklet(new CycleReport(jdbc, properties.plausible().catchUpPeriods()),
                new CycleReconciliation(jdbc, jobRepository), jobRepository, properties.reports(cycleDate), cycleDate, faults,
                runReport);
    }

    @Bean
    public Step report(RunSummaryTasklet runSummaryTasklet) {
        return new StepBuilder("report", jobRepository)
                .tasklet(runSummaryTasklet, transactionManager)
                .build();
    }

    // ------------------------------------------------------------------ shared parts

    /**
     * A chunk step: read, process (optional), write, one transaction per chunk. {@code stage} names
     * the step for fault injection (restart drills), the same for a manager and its partitions.
     */
    private <I, O> Step chunkStep(String name, String stage, int chunkSize, ItemReader<? extends I> reader,
                                  ItemProcessor<? super I, ? extends O> processor, ItemWriter<? super O> writer,
                                  StepExecutionListener... listeners) {
        ChunkOrientedStepBuilder<I, O> step = new StepBuilder(name, jobRepository).<I, O>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(reader)
                .writer(writer)
                .listener(faults.listenerFor(stage))
                .listener(queryCount());
        if (processor != null) {
            step.processor(processor);
        }
        for (StepExecutionListener listener : listeners) {
            step.listener(listener);
        }
        return step.build();
    }

    /**
     * Before the steps that read the tables charge, tax and issue filled in bulk by the columns they
     * filled (usage by invoice, a statement's ledger entries...): MySQL/MariaDB's index statistics
     * refreshed, so a page's {@code IN (...)} uses the index (TableStatistics).
     */
    private TableStatistics freshStatistics() {
        return new TableStatistics(jdbc, List.of("usage_record", "invoice", "invoice_line", "tax_line", "account_ledger",
                "payment", "delivery"));
    }

    /** Logs at debug the SQL statements of each chunk (QueryCount), to see that none grows with the chunk. */
    private QueryCount.ChunkListener queryCount() {
        return new QueryCount.ChunkListener();
    }

    /** Rendering and hand-off hold PDFs in memory: smaller chunks. */
    private int smallChunk() {
        return Math.max(1, properties.chunkSize() / 4);
    }

    private Step partitioned(String name, Step worker, Partitioner partitioner, TaskExecutor executor) {
        return partitionStep(name, worker, partitioner, executor).build();
    }

    /**
     * The one place that decides where a partitioned step's partitions run: on local threads
     * ({@code executor}), or, with billing.mode=remote, on the remote workers (the same
     * {@code worker} step bean, run by another process; see remote.ManagerConfiguration).
     */
    private PartitionStepBuilder partitionStep(String name, Step worker, Partitioner partitioner,
                                               TaskExecutor executor) {
        PartitionStepBuilder step = new StepBuilder(name, jobRepository)
                .partitioner(worker.getName(), partitioner)
                .step(worker)
                .gridSize(properties.effectiveGridSize())
                .taskExecutor(executor);
        return remoteWorkers == null ? step
                : step.partitionHandler(remoteWorkers.handler(worker.getName(), properties.effectiveGridSize()));
    }

    @Bean
    public Partitioner accountRanges() {
        return new AccountRangePartitioner(jdbc);
    }

    @Bean
    public TaskExecutor partitionExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.effectiveGridSize());
        executor.setMaxPoolSize(properties.effectiveGridSize());
        executor.setThreadNamePrefix("partition-");
        executor.initialize();
        return executor;
    }

    @Bean
    public CompanyProfiles companyProfiles() {
        return CompanyProfiles.load(properties.templates());
    }

    /**
     * The invoice PDF engine, {@code billing.render.engine}: {@code html} (Freemarker templates
     * through iText pdfHTML) or {@code layout} (the layout files drawn with PDFBox, issue 12);
     * {@code billing.render.pdfa}: the layout engine's PDFs are PDF/A-3b (archival), on by default.
     */
    @Bean
    public InvoiceRenderer invoiceRenderer(@Value("${billing.render.engine:layout}") String engine,
                                           @Value("${billing.render.pdfa:true}") boolean pdfa) {
        org.slf4j.LoggerFactory.getLogger(BillingCycleJobConfiguration.class).info("Invoice PDFs: {} engine{}", engine,
                engine.equals("layout") && pdfa ? ", PDF/A-3b" : "");
        return switch (engine) {
            case "html" -> new InvoicePdfRenderer(properties.templates());
            case "layout" -> new LayoutInvoiceRenderer(properties.templates(), ca.isp.billing.writers.PdfAttachments.none(),
                    pdfa);
            default -> throw new IllegalArgumentException("billing.render.engine must be html or layout, not '"
                    + engine + "'");
        };
    }

    @Bean
    public InvoiceEmail invoiceEmail() {
        return new InvoiceEmail(properties.templates(), properties.emailFrom());
    }
}
