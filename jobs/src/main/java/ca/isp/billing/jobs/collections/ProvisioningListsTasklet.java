package ca.isp.billing.jobs.collections;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.AccountStatus;
import ca.isp.billing.writers.AtomicFiles;

import static ca.isp.billing.domain.files.SpreadsheetCells.text;

/**
 * Writes the day's suspension and reactivation lists for provisioning systems:
 * {@code out/provisioning/<date>/suspensions.csv} (accounts SUSPENDED that day) and
 * {@code reactivations.csv} (accounts back to ACTIVE that day, from DELINQUENT or SUSPENDED),
 * one line per account with its service identifiers. Both are rebuilt whole from the day's
 * delinquency events, in account order, written atomically and owner-only: the same run twice
 * writes the same bytes, and a list with no line still has its header (nothing to do that day).
 */
public class ProvisioningListsTasklet implements Tasklet {

    static final List<String> COLUMNS = List.of("account_number", "service_identifiers", "action", "reason",
            "effective_date");

    private final JdbcTemplate jdbc;
    private final Path folder;
    private final LocalDate date;

    public ProvisioningListsTasklet(JdbcTemplate jdbc, Path provisioningFolder, LocalDate date) {
        this.jdbc = jdbc;
        this.folder = provisioningFolder.resolve(date.toString());
        this.date = date;
    }

    private record Line(String account, String services, String action, String reason) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<Line> suspensions = new ArrayList<>();
        List<Line> reactivations = new ArrayList<>();
        Map<Long, String> services = servicesByAccount();
        jdbc.query("""
                SELECT a.id, a.account_number, e.from_status, e.to_status, e.overdue_amount, e.oldest_due_date
                FROM delinquency_event e JOIN account a ON a.id = e.account_id
                WHERE e.event_date = ? AND (e.to_status = ? OR (e.to_status = ? AND e.from_status <> ?))
                ORDER BY a.account_number, e.to_status""", rs -> {
            String account = rs.getString(2);
            String ids = services.getOrDefault(rs.getLong(1), "");
            BigDecimal overdue = rs.getBigDecimal(5);
            if (AccountStatus.SUSPENDED.name().equals(rs.getString(4))) {
                suspensions.add(new Line(account, ids, "SUSPEND", "overdue " + overdue.toPlainString()
                        + ", oldest unpaid invoice due " + rs.getObject(6, LocalDate.class)));
            } else {
                // a written-off account comes back only by an operator (run.sh account reinstate)
                reactivations.add(new Line(account, ids, "RESTORE",
                        (AccountStatus.WRITTEN_OFF.name().equals(rs.getString(3)) ? "reinstated by an operator"
                                : "overdue balance paid") + " (was " + rs.getString(3) + ")"));
            }
        }, date, AccountStatus.SUSPENDED.name(), AccountStatus.ACTIVE.name(), AccountStatus.ACTIVE.name());
        AtomicFiles.write(folder, "suspensions.csv", csv(suspensions));
        AtomicFiles.write(folder, "reactivations.csv", csv(reactivations));
        contribution.incrementWriteCount(suspensions.size() + reactivations.size());
        return RepeatStatus.FINISHED;
    }

    /** Service identifiers of each account's subscriptions still running on the date, sorted, joined by '|'. */
    private Map<Long, String> servicesByAccount() {
        Map<Long, List<String>> ids = new LinkedHashMap<>();
        jdbc.query("""
                SELECT s.account_id, i.service_id FROM service_identifier i JOIN subscription s ON s.id = i.subscription_id
                WHERE s.account_id IN (SELECT account_id FROM delinquency_event WHERE event_date = ?)
                  AND (s.end_date IS NULL OR s.end_date >= ?)
                ORDER BY s.account_id, i.service_id""", rs -> {
            ids.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        }, date, date);
        Map<Long, String> joined = new LinkedHashMap<>();
        ids.forEach((account, list) -> joined.put(account, String.join("|", list)));
        return joined;
    }

    private byte[] csv(List<Line> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).setRecordSeparator("\n").get())) {
            for (Line line : lines) {
                printer.printRecord(text(line.account()), text(line.services()), line.action(), text(line.reason()),
                        date.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
