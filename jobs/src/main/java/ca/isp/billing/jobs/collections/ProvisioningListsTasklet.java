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
 * {@code out/provisioning/<date>/suspensions.csv} (accounts SUSPENDED that day),
 * {@code reactivations.csv} (accounts back to ACTIVE that day, from DELINQUENT or SUSPENDED) and
 * {@code disconnections.csv} (accounts closed by close-account: their service ends for good),
 * one line per account with its service identifiers. All are rebuilt whole from the database, in
 * account order, written atomically and owner-only: the same run twice writes the same bytes, and a
 * list with no line still has its header (nothing to do that day). A closure goes on the list of
 * the first date on or after the day it was asked for whose lists are written; that date is stamped
 * on the closure ({@code account_closure.disconnection_listed_on}) so the closure is listed once and
 * the date's list is rebuilt from the stamp (a closure asked for on a day without a run is not lost).
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

    private record Line(String account, String services, String action, String reason, LocalDate effective) {
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
                        + ", oldest unpaid invoice due " + rs.getObject(6, LocalDate.class), date));
            } else {
                // a written-off account comes back only by an operator (run.sh account reinstate)
                reactivations.add(new Line(account, ids, "RESTORE",
                        (AccountStatus.WRITTEN_OFF.name().equals(rs.getString(3)) ? "reinstated by an operator"
                                : "overdue balance paid") + " (was " + rs.getString(3) + ")", date));
            }
        }, date, AccountStatus.SUSPENDED.name(), AccountStatus.ACTIVE.name(), AccountStatus.ACTIVE.name());
        List<Line> disconnections = disconnections();
        AtomicFiles.write(folder, "suspensions.csv", csv(suspensions));
        AtomicFiles.write(folder, "reactivations.csv", csv(reactivations));
        AtomicFiles.write(folder, "disconnections.csv", csv(disconnections));
        contribution.incrementWriteCount(suspensions.size() + reactivations.size() + disconnections.size());
        return RepeatStatus.FINISHED;
    }

    /**
     * Closed accounts to disconnect: the closures asked for on or before the date and not listed on
     * an earlier date are stamped with it, then the date's list is read from the stamp. Service ends
     * the day after the last day of service; the services are those running on the last day.
     */
    private List<Line> disconnections() {
        jdbc.update("""
                UPDATE account_closure SET disconnection_listed_on = ?
                WHERE disconnection_listed_on IS NULL AND requested_on <= ?""", date, date);
        Map<Long, List<String>> ids = new LinkedHashMap<>();
        jdbc.query("""
                SELECT c.account_id, i.service_id FROM account_closure c
                JOIN subscription s ON s.account_id = c.account_id
                JOIN service_identifier i ON i.subscription_id = s.id
                WHERE c.disconnection_listed_on = ? AND s.start_date <= c.closed_on
                  AND (s.end_date IS NULL OR s.end_date >= c.closed_on)
                ORDER BY c.account_id, i.service_id""", rs -> {
            ids.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        }, date);
        List<Line> lines = new ArrayList<>();
        jdbc.query("""
                SELECT c.account_id, a.account_number, c.closed_on FROM account_closure c
                JOIN account a ON a.id = c.account_id
                WHERE c.disconnection_listed_on = ? ORDER BY a.account_number""", rs -> {
            LocalDate lastDay = rs.getObject(3, LocalDate.class);
            lines.add(new Line(rs.getString(2), String.join("|", ids.getOrDefault(rs.getLong(1), List.of())),
                    "DISCONNECT", "account closed, last day of service " + lastDay, lastDay.plusDays(1)));
        }, date);
        return lines;
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
                        line.effective().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
