package ca.isp.billing.jobs.payments;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.domain.DepositSlip;
import ca.isp.billing.readers.Identifier;
import ca.isp.billing.writers.AtomicFiles;
import ca.isp.billing.writers.DepositSlipFiles;

/**
 * Writes a deposit slip per deposit batch ({@code out/deposits/<batch>.pdf} and {@code .csv},
 * owner-only, written whole or not at all): every payment the files named with that batch, the
 * ones in suspense included (the money was deposited whoever it belongs to), reversed or not (the
 * deposit was made). A batch is written when its slip is missing or its payments changed since
 * (count and total recorded in {@code deposit_slip}), so a rerun writes nothing new, and a batch
 * whose last cheques come in a later file gets its slip again, complete. The batch id names the
 * files: the reader took only identifiers, and it is checked again here before it becomes a name.
 */
public class DepositSlipTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DepositSlipTasklet.class);

    private final JdbcTemplate jdbc;
    private final Path folder;
    private final Clock clock;

    public DepositSlipTasklet(JdbcTemplate jdbc, Path folder, Clock clock) {
        this.jdbc = jdbc;
        this.folder = folder;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Map<String, List<DepositSlip.Item>> batches = new LinkedHashMap<>();
        jdbc.query("""
                SELECT deposit_batch, payment_ref, method, cheque_number, amount FROM payment WHERE deposit_batch IS NOT NULL
                UNION ALL
                SELECT deposit_batch, payment_ref, method, cheque_number, amount FROM payment_suspense
                WHERE deposit_batch IS NOT NULL AND status <> 'ASSIGNED'
                ORDER BY 1, 2""", rs -> {
            batches.computeIfAbsent(rs.getString(1), b -> new ArrayList<>()).add(new DepositSlip.Item(rs.getString(2),
                    rs.getString(3), rs.getString(4), rs.getBigDecimal(5)));
        });
        Map<String, Object[]> written = new HashMap<>();
        jdbc.query("SELECT deposit_batch, payments, total FROM deposit_slip", rs -> {
            written.put(rs.getString(1), new Object[]{rs.getInt(2), rs.getBigDecimal(3)});
        });
        // the company as the last cycle stored it (templates/company.properties)
        String company = jdbc.queryForList("SELECT name FROM company WHERE id = 1", String.class).stream().findFirst()
                .orElse("");
        AtomicFiles.deleteLeftoverTemps(folder);
        int count = 0;
        for (Map.Entry<String, List<DepositSlip.Item>> batch : batches.entrySet()) {
            DepositSlip slip = new DepositSlip(batch.getKey(), batch.getValue());
            Object[] before = written.get(slip.batch());
            boolean same = before != null && (int) before[0] == slip.count()
                    && ((BigDecimal) before[1]).compareTo(slip.total()) == 0;
            if (same && exists(slip.batch() + ".pdf") && exists(slip.batch() + ".csv")) {
                continue;
            }
            String refusal = Identifier.CODE.refusal(slip.batch());
            if (refusal != null) {
                throw new IllegalStateException("deposit batch '" + slip.batch() + "' cannot name a file: " + refusal);
            }
            AtomicFiles.write(folder, slip.batch() + ".csv", DepositSlipFiles.csv(slip));
            AtomicFiles.write(folder, slip.batch() + ".pdf", DepositSlipFiles.pdf(slip, company, LocalDate.now(clock)));
            if (jdbc.update("UPDATE deposit_slip SET payments = ?, total = ?, written_at = ? WHERE deposit_batch = ?",
                    slip.count(), slip.total(), Timestamp.valueOf(LocalDateTime.now()), slip.batch()) == 0) {
                jdbc.update("INSERT INTO deposit_slip (deposit_batch, payments, total, written_at) VALUES (?, ?, ?, ?)",
                        slip.batch(), slip.count(), slip.total(), Timestamp.valueOf(LocalDateTime.now()));
            }
            log.info("Deposit slip {}: {} payments, {}", slip.batch(), slip.count(), slip.total().toPlainString());
            count++;
        }
        contribution.incrementWriteCount(count);
        return RepeatStatus.FINISHED;
    }

    private boolean exists(String name) {
        return Files.isRegularFile(folder.resolve(name), LinkOption.NOFOLLOW_LINKS);
    }
}
