package ca.isp.billing.jobs.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ca.isp.billing.domain.DunningNotices;
import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.cycle.CollectionsLauncher;
import ca.isp.billing.jobs.cycle.CycleOutcome;
import ca.isp.billing.jobs.cycle.CycleOutcome.Result;
import ca.isp.billing.jobs.cycle.UsageIngestLauncher;
import ca.isp.billing.jobs.handoff.MailServer;
import ca.isp.billing.jobs.handoff.NoticeHandoffTasklet;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.support.CompanyProfiles;
import ca.isp.billing.writers.NoticeDocuments;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Issue 13's must-show: the daily collections job on 30 consecutive days (Friday 2026-10-09 to
 * Saturday 2026-11-07) of a demo ISP of 24 accounts (fixtures/notices: en, fr and bilingual, with
 * and without email, due dates spread over the month, late payers, a payment that clears one, one
 * that pays after suspension, a partial payment, an NSF reversal, two accounts on a 10 GB plan
 * whose usage arrives during the month). The company acts Monday to Thursday; Thanksgiving
 * (Monday 10-12) is excluded. Emails go to a real SMTP server (GreenMail), letters into the
 * mail-vendor batch of notices. What the test expects it computes itself, day by day, from the
 * fixture's invoices, the payments it drops and the calendar (the rules of issue 13 written again
 * here, not read from our tables), and compares with what arrived at the server, the manifests and
 * the provisioning lists: every notice and list line once, on its day, none on a disallowed day.
 * Then the notice steps are run again for a few dates and nothing more is sent or written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticesThirtyDaysTest extends AbstractCycleTest {

    private static final Path HOME = newHome();
    private static final LocalDate FIRST = LocalDate.of(2026, 10, 9);
    private static final LocalDate LAST = LocalDate.of(2026, 11, 7);
    private static final int REMINDER_DAYS = 5;
    private static final int PAST_DUE_DAYS = 1;
    private static final int DELINQUENT_DAYS = 3;
    private static final int SUSPEND_DAYS = 7;
    private static final BigDecimal MINIMUM = new BigDecimal("10.00");
    private static final BigInteger GB = BigInteger.TEN.pow(9);
    private static final MailServer MAIL = new MailServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
        registry.add("billing.delinquency.days-past-due", () -> Integer.toString(DELINQUENT_DAYS));
        registry.add("billing.delinquency.suspend-after-days", () -> Integer.toString(SUSPEND_DAYS));
        registry.add("billing.delinquency.allowed-days", () -> "MONDAY,TUESDAY,WEDNESDAY,THURSDAY");
        registry.add("billing.notices.reminder-days-before", () -> Integer.toString(REMINDER_DAYS));
        registry.add("billing.notices.past-due-days-after", () -> Integer.toString(PAST_DUE_DAYS));
        registry.add("billing.smtp.host", () -> "127.0.0.1");
        registry.add("billing.smtp.port", () -> Integer.toString(MAIL.port()));
        registry.add("billing.smtp.security", () -> "none");
        registry.add("billing.smtp.timeout", () -> "5s");
    }

    /** The calendar as the test reads it from the fixture: Monday to Thursday, not Thanksgiving 2026 nor Christmas. */
    private static boolean allowed(LocalDate d) {
        Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        return days.contains(d.getDayOfWeek()) && !d.equals(LocalDate.of(2026, 10, 12))
                && !MonthDay.from(d).equals(MonthDay.of(12, 25));
    }

    /** What the test knows of an account, read from the fixture's CSV files. */
    private record Account(String number, String email, String delivery, LocalDate invoiceDate, LocalDate due,
                           BigDecimal amount) {
        boolean emailed() {
            return !email.isBlank() && !delivery.equals("MAIL");
        }
    }

    /** Payments dropped on a day: account, amount (negative: the NSF reversal of the reference). */
    private record Payment(String ref, String account, BigDecimal amount, String reverses) {
    }

    private static final Map<LocalDate, List<Payment>> PAYMENTS = Map.of(
            LocalDate.of(2026, 10, 14), List.of(new Payment("P-300003", "300003", new BigDecimal("80.00"), null)),
            LocalDate.of(2026, 10, 16), List.of(new Payment("P-300012", "300012", new BigDecimal("35.00"), null)),
            LocalDate.of(2026, 10, 20), List.of(new Payment("P-300018", "300018", new BigDecimal("10.00"), null)),
            LocalDate.of(2026, 10, 22), List.of(new Payment("P-300022", "300022", new BigDecimal("75.00"), null)),
            LocalDate.of(2026, 10, 23), List.of(new Payment("P-300007", "300007", new BigDecimal("25.00"), null)),
            LocalDate.of(2026, 10, 27), List.of(new Payment("P-300005", "300005", new BigDecimal("99.00"), null)),
            LocalDate.of(2026, 10, 29), List.of(new Payment("R-300005", "300005", new BigDecimal("-99.00"), "P-300005")));

    /** Data used by each LITE-10 account (10 GB included), dropped as a usage file on a day: bytes. */
    private static final Map<LocalDate, Map<String, BigInteger>> USAGE = Map.of(
            // 300020: 8 GB = 80% -> 75; then 9.5 GB = 95% -> 90; then 10.1 GB -> 100
            LocalDate.of(2026, 10, 15), Map.of("300020", GB.multiply(BigInteger.valueOf(8))),
            // 300021: 9.2 GB at once = 92%: the 90 alert only (75 passed the same day)
            LocalDate.of(2026, 10, 16), Map.of("300021", new BigInteger("9200000000")),
            LocalDate.of(2026, 10, 20), Map.of("300020", new BigInteger("1500000000")),
            // Saturday: usage alerts are information, sent any day
            LocalDate.of(2026, 10, 24), Map.of("300020", new BigInteger("600000000")));

    @Autowired
    private CollectionsLauncher collections;
    @Autowired
    private UsageIngestLauncher ingest;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private CompanyProfiles company;
    @Autowired
    private NoticeSettings noticeSettings;

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    /** day -> "account kind" lines as they arrived: emails at the server, letters in the manifest. */
    private final Map<LocalDate, List<String>> sent = new TreeMap<>();
    private final Map<LocalDate, List<String>> listLines = new TreeMap<>();
    private String lastSummary;

    @BeforeAll
    void runThirtyDays() throws Exception {
        Fixtures.importAll(importer, "notices", Kind.EXCLUSION_DATES, Kind.PLANS, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS,
                Kind.OPENING_BALANCES);
        readAccounts();
        Map<String, String> byEmail = new HashMap<>();
        accounts.values().forEach(a -> byEmail.put(a.email(), a.number()));
        Map<String, Integer> atServer = new HashMap<>();
        int usageLine = 0;
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            if (PAYMENTS.containsKey(day)) {
                dropPayments(day);
            }
            if (USAGE.containsKey(day)) {
                StringBuilder csv = new StringBuilder("record_id,source,service_id,usage_type,start_time,quantity\n");
                for (Map.Entry<String, BigInteger> u : USAGE.get(day).entrySet()) {
                    csv.append("u-").append(++usageLine).append(",radius-1,svc-").append(u.getKey()).append(",DATA,")
                            .append(day.minusDays(1)).append("T10:00:00,").append(u.getValue()).append('\n');
                }
                Files.createDirectories(properties.inbox("usage"));
                Files.writeString(properties.inbox("usage").resolve("usage-" + day + ".csv"), csv);
                assertThat(ingest.ingest().result()).as("ingest " + day).isEqualTo(Result.COMPLETED);
            }
            CycleOutcome outcome = collections.collect(day);
            assertThat(outcome.result()).as(day.toString()).isEqualTo(Result.COMPLETED);
            lastSummary = outcome.message();
            // GreenMail lists messages by mailbox, not by arrival: what came today is what a count per
            // Message-ID gained (a message sent twice would count twice)
            List<String> today = new ArrayList<>();
            Map<String, Integer> now = new HashMap<>();
            for (MimeMessage m : MAIL.received()) {
                now.merge(m.getMessageID() + " " + ((InternetAddress) m.getAllRecipients()[0]).getAddress(), 1, Integer::sum);
            }
            for (Map.Entry<String, Integer> e : now.entrySet()) {
                String[] idAndTo = e.getKey().split(" ");
                for (int i = atServer.getOrDefault(e.getKey(), 0); i < e.getValue(); i++) {
                    today.add(byEmail.get(idAndTo[1]) + " " + kindOf(idAndTo[0]));
                }
            }
            atServer.clear();
            atServer.putAll(now);
            Path manifest = properties.out().resolve("mail-vendor").resolve("notices-" + day).resolve("manifest.csv");
            if (Files.exists(manifest)) {
                for (CSVRecord r : read(manifest)) {
                    today.add(r.get("account_number") + " " + r.get("idempotency_key").split("\\.")[0]);
                }
            }
            if (!today.isEmpty()) {
                sent.put(day, today.stream().sorted().toList());
            }
            List<String> lines = new ArrayList<>();
            for (String list : List.of("suspensions.csv", "reactivations.csv")) {
                for (CSVRecord r : read(properties.out().resolve("provisioning").resolve(day.toString()).resolve(list))) {
                    lines.add(r.get("account_number") + " " + r.get("action"));
                }
            }
            if (!lines.isEmpty()) {
                listLines.put(day, lines.stream().sorted().toList());
            }
        }
    }

    @AfterAll
    void stopServer() {
        MAIL.close();
    }

    @Test
    void everyNoticeAndListLineOnceOnItsDayAsTheRulesAndTheCalendarSay() {
        Expected expected = expected();
        assertThat(sent).isEqualTo(expected.notices);
        assertThat(listLines).isEqualTo(expected.lists);
        // the figures behind it, so a change in the fixture that empties a kind is seen
        Map<String, Integer> perKind = new TreeMap<>();
        sent.values().forEach(l -> l.forEach(s -> perKind.merge(s.split(" ")[1], 1, Integer::sum)));
        assertThat(perKind).containsOnlyKeys("past-due", "reactivation", "reminder", "suspension", "usage-100",
                "usage-75", "usage-90");
        // dunning and suspensions only on allowed days; nothing on Thanksgiving or a weekend but usage/reactivation
        sent.forEach((day, list) -> list.stream().filter(s -> s.matches(".* (reminder|past-due|suspension)"))
                .forEach(s -> assertThat(allowed(day)).as(day + " " + s).isTrue()));
        assertThat(sent).doesNotContainKey(LocalDate.of(2026, 10, 12));
    }

    @Test
    void theRunSummaryEndsWithTheAgeingTotalsOfItsDate() throws IOException {
        // on 11-07, from the fixture and the payments: what is open on each invoice dated by then
        // (OB-300016, dated 11-09, is not yet), bucketed by days past its due date
        Map<String, BigDecimal> paid = new HashMap<>();
        PAYMENTS.values().forEach(l -> l.forEach(p -> paid.merge(p.account(), p.amount(), BigDecimal::add)));
        String[] labels = {"not due", "1-30 days", "31-60 days", "61-90 days", "over 90 days"};
        BigDecimal[] amounts = new BigDecimal[5];
        int[] invoices = new int[5];
        java.util.Arrays.fill(amounts, new BigDecimal("0.00"));
        for (Account a : accounts.values()) {
            if (a.due() == null || a.invoiceDate().isAfter(LAST)) {
                continue;
            }
            BigDecimal open = a.amount().subtract(paid.getOrDefault(a.number(), BigDecimal.ZERO));
            if (open.signum() <= 0) {
                continue;
            }
            long late = java.time.temporal.ChronoUnit.DAYS.between(a.due(), LAST);
            int bucket = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
            amounts[bucket] = amounts[bucket].add(open);
            invoices[bucket]++;
        }
        StringBuilder line = new StringBuilder("ageing CAD: ");
        for (int i = 0; i < 5; i++) {
            line.append(i == 0 ? "" : ", ").append(labels[i]).append(' ').append(amounts[i].toPlainString())
                    .append(" (").append(invoices[i]).append(')');
        }
        assertThat(lastSummary).endsWith(line.toString());
        // per customer type before it: the fixture's accounts are all RESIDENTIAL (its accounts file
        // says so), so that line carries the same figures
        List<String> types = new ArrayList<>();
        for (CSVRecord r : read(Fixtures.path("notices/accounts.csv"))) {
            types.add(r.get("customer_type"));
        }
        assertThat(types).containsOnly("RESIDENTIAL");
        assertThat(lastSummary).contains("ageing " + line.toString().replace("ageing CAD: ", "CAD RESIDENTIAL: ")
                + String.format("%n  ") + line);
        // by hand: not due OB-300015 50.00 (due 11-09); 31-60 OB-300019 200.00 (33 days); 1-30 the 14 others still
        // owing: 68.99 (300001, exactly 30 days) + 45.00 + 55.50 + 99.00 (300005, reopened by the NSF reversal)
        // + 30.00 + 5.00 + 140.00 + 60.00 + 70.00 + 40.00 + 22.00 + 5.00 (300018's 15.00 - 10.00) + 33.00 + 47.00 = 720.49
        assertThat(lastSummary).endsWith("ageing CAD: not due 50.00 (1), 1-30 days 720.49 (14), 31-60 days 200.00 (1),"
                + " 61-90 days 0.00 (0), over 90 days 0.00 (0)");
    }

    @Test
    void theCollectionsReportCountsTheDaysNotices() throws IOException {
        for (LocalDate day : List.of(LocalDate.of(2026, 10, 13), LocalDate.of(2026, 10, 20))) {
            int counted = 0;
            for (CSVRecord r : read(properties.reports(day).resolve("collections-report-notices.csv"))) {
                assertThat(r.get("status")).isEqualTo("SENT");
                counted += Integer.parseInt(r.get("notices"));
            }
            assertThat(counted).as(day.toString()).isEqualTo(sent.get(day).size());
        }
    }

    @Test
    void noticesAreInTheAccountsLanguageAndLettersReadBack() throws IOException {
        // a French email: subject and accents as the template wrote them
        assertThat(MAIL.received()).anySatisfy(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("emile@example.com");
            assertThat(m.getSubject()).startsWith("Votre service est suspendu (compte 300005)");
            assertThat(m.getContent().toString()).contains("99,00").contains("suspendu le");
        });
        // a bilingual email: English then French
        assertThat(MAIL.received()).anySatisfy(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("sara@example.com");
            assertThat(m.getSubject()).startsWith("Past due: invoice OB-300019").contains(" / En souffrance");
        });
        // a French letter, read back with PDFBox: name and address in the window, the text with its accents
        Path letters = properties.out().resolve("mail-vendor").resolve("notices-2026-10-13");
        Path letter;
        try (var files = Files.list(letters)) {
            letter = files.filter(p -> p.getFileName().toString().endsWith(".pdf")).filter(p -> {
                try (PDDocument pdf = Loader.loadPDF(p.toFile())) {
                    return new PDFTextStripper().getText(pdf).contains("Benoît Bélanger");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).findFirst().orElseThrow();
        }
        try (PDDocument pdf = Loader.loadPDF(letter.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("En souffrance : la facture OB-300002").contains("45,00").contains("Montréal");
        }
    }

    @Test
    void runningTheNoticeStepsAgainSendsNothingMore() throws Exception {
        int emails = MAIL.received().size();
        long rows = count("SELECT COUNT(*) FROM notice");
        Map<String, byte[]> files = outputFiles();
        NoticeDocuments documents = new NoticeDocuments(properties.templates());
        for (LocalDate day : List.of(LocalDate.of(2026, 10, 13), LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 29),
                LAST)) {
            DunningNotices dunning = new DunningNotices(REMINDER_DAYS, PAST_DUE_DAYS,
                    CollectionsCalendars.load(jdbc, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                            DayOfWeek.THURSDAY)));
            var contribution = new StepExecution("notices", new JobExecution(1L, new JobInstance(1L, "collections"),
                    new JobParameters())).createStepContribution();
            new TransactionTemplate(transactionManager).executeWithoutResult(s -> new NoticeQueueTasklet(jdbc, documents,
                    company, noticeSettings, dunning, MINIMUM, day).execute(contribution, null));
            new TransactionTemplate(transactionManager).executeWithoutResult(s -> new NoticeHandoffTasklet(jdbc,
                    transactionManager, properties, company, day, null).execute(contribution, null));
            assertThat(collections.collect(day).result()).isEqualTo(Result.ALREADY_COMPLETED);
        }
        assertThat(MAIL.received()).hasSize(emails);
        assertThat(count("SELECT COUNT(*) FROM notice")).isEqualTo(rows);
        Map<String, byte[]> after = outputFiles();
        assertThat(after.keySet()).isEqualTo(files.keySet());
        files.forEach((name, bytes) -> {
            if (name.endsWith(".csv") || name.endsWith("SHA256SUMS")) {
                assertThat(after.get(name)).as(name).isEqualTo(bytes);
            }
        });
        assertThat(count("SELECT COUNT(*) FROM notice WHERE status NOT IN ('SENT', 'SKIPPED')")).isZero();
    }

    // ------------------------------------------------------------------ the test's own reckoning

    private record Expected(Map<LocalDate, List<String>> notices, Map<LocalDate, List<String>> lists) {
    }

    /**
     * Day by day from the fixture: what each account still owes (its invoice less the payments
     * dropped so far), its status by the delinquency rules of issue 13 (overdue: 10.00 or more owed
     * 3 days after the due date; delinquent on an allowed day; suspended on an allowed day 7 days
     * later; active again, any day, once no longer overdue), and the notices that follow.
     */
    private Expected expected() {
        Map<LocalDate, List<String>> notices = new TreeMap<>();
        Map<LocalDate, List<String>> lists = new TreeMap<>();
        Map<String, BigDecimal> paid = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        Map<String, LocalDate> since = new HashMap<>();
        Map<String, Boolean> reminded = new HashMap<>();
        Map<String, Boolean> warned = new HashMap<>();
        Map<String, BigInteger> used = new HashMap<>();
        Map<String, Integer> alerted = new HashMap<>();
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            for (Payment p : PAYMENTS.getOrDefault(d, List.of())) {
                paid.merge(p.account(), p.amount(), BigDecimal::add);
            }
            List<String> today = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (Account a : accounts.values()) {
                String n = a.number();
                status.putIfAbsent(n, "ACTIVE");
                if (a.due() == null) {
                    continue;
                }
                BigDecimal open = a.amount().subtract(paid.getOrDefault(n, BigDecimal.ZERO));
                boolean overdue = open.compareTo(MINIMUM) >= 0 && !d.isBefore(a.due().plusDays(DELINQUENT_DAYS));
                String was = status.get(n);
                String now = was;
                if (!overdue) {
                    now = "ACTIVE";
                } else if (was.equals("ACTIVE") && allowed(d)) {
                    now = "DELINQUENT";
                } else if (was.equals("DELINQUENT") && allowed(d) && !d.isBefore(since.get(n).plusDays(SUSPEND_DAYS))) {
                    now = "SUSPENDED";
                }
                if (!now.equals(was)) {
                    status.put(n, now);
                    since.put(n, d);
                    if (now.equals("SUSPENDED")) {
                        lines.add(n + " SUSPEND");
                        today.add(n + " suspension");
                    } else if (now.equals("ACTIVE")) {
                        lines.add(n + " RESTORE");
                        if (was.equals("SUSPENDED")) {
                            today.add(n + " reactivation");
                        }
                    }
                }
                // reminder: an allowed day of the 5 before the due date, still something to pay
                if (!reminded.containsKey(n) && allowed(d) && open.signum() > 0
                        && !d.isBefore(a.due().minusDays(REMINDER_DAYS)) && d.isBefore(a.due())) {
                    reminded.put(n, true);
                    today.add(n + " reminder");
                }
                // past-due warning: an allowed day from the day after the due date, 10.00 or more unpaid
                if (!warned.containsKey(n) && allowed(d) && open.compareTo(MINIMUM) >= 0
                        && !d.isBefore(a.due().plusDays(PAST_DUE_DAYS))) {
                    warned.put(n, true);
                    today.add(n + " past-due");
                }
            }
            for (Map.Entry<String, BigInteger> u : USAGE.getOrDefault(d, Map.of()).entrySet()) {
                BigInteger total = used.merge(u.getKey(), u.getValue(), BigInteger::add);
                // percent of 10 GB, exactly: total * 100 / 10^10
                int highest = 0;
                for (int t : List.of(75, 90, 100)) {
                    if (total.multiply(BigInteger.valueOf(100)).compareTo(GB.multiply(BigInteger.TEN)
                            .multiply(BigInteger.valueOf(t))) >= 0) {
                        highest = t;
                    }
                }
                if (highest > alerted.getOrDefault(u.getKey(), 0)) {
                    alerted.put(u.getKey(), highest);
                    today.add(u.getKey() + " usage-" + highest);
                }
            }
            if (!today.isEmpty()) {
                notices.put(d, today.stream().sorted().toList());
            }
            if (!lines.isEmpty()) {
                lists.put(d, lines.stream().sorted().toList());
            }
        }
        return new Expected(notices, lists);
    }

    // ------------------------------------------------------------------ helpers

    private void readAccounts() throws IOException {
        Map<String, CSVRecord> invoices = new HashMap<>();
        for (CSVRecord r : read(Fixtures.path("notices/opening-balances.csv"))) {
            invoices.put(r.get("account_number"), r);
        }
        for (CSVRecord r : read(Fixtures.path("notices/accounts.csv"))) {
            CSVRecord invoice = invoices.get(r.get("account_number"));
            accounts.put(r.get("account_number"), new Account(r.get("account_number"), r.get("email"), r.get("delivery"),
                    invoice == null ? null : LocalDate.parse(invoice.get("invoice_date")),
                    invoice == null ? null : LocalDate.parse(invoice.get("due_date")),
                    invoice == null ? null : new BigDecimal(invoice.get("amount"))));
        }
    }

    private void dropPayments(LocalDate day) throws IOException {
        StringBuilder csv = new StringBuilder("payment_ref,account_number,received_on,amount,method,reverses,reversal_reason\n");
        for (Payment p : PAYMENTS.get(day)) {
            if (p.reverses() == null) {
                csv.append(p.ref()).append(',').append(p.account()).append(',').append(day).append(',')
                        .append(p.amount().toPlainString()).append(",CHEQUE,,\n");
            } else {
                csv.append(p.ref()).append(",,").append(day).append(',').append(p.amount().toPlainString())
                        .append(",,").append(p.reverses()).append(",NSF\n");
            }
        }
        Files.createDirectories(properties.inbox("payments"));
        Files.writeString(properties.inbox("payments").resolve("payments-" + day + ".csv"), csv);
    }

    /** The key's first word from the Message-ID the key made: {@code <past-due.invoice.12@billing.invalid>}. */
    private static String kindOf(String messageId) {
        return messageId.substring(1, messageId.indexOf('.'));
    }

    private Map<String, byte[]> outputFiles() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (Path root : List.of(properties.out().resolve("mail-vendor"), properties.out().resolve("provisioning"))) {
            if (!Files.exists(root)) {
                continue;
            }
            try (var walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    files.put(root.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
