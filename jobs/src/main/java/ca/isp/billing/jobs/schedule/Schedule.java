package ca.isp.billing.jobs.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.scheduling.support.CronExpression;

/**
 * One job of {@code schedules/schedules.yml}: which command it runs, when (a Spring cron
 * expression, seconds first, read in its time zone), and what the scheduler does after a failure
 * or a downtime.
 *
 * @param name        the job's name in the file (the key of its ticks in the database)
 * @param command     what it runs, through the same launcher as the command line
 * @param cron        when
 * @param zone        the zone the expression and the business date are read in
 * @param retryFailed a failed run is resumed by the next tick (else it waits for the operator)
 * @param catchUp     a tick missed while no scheduler ran is run once on the next start
 */
public record Schedule(String name, Command command, CronExpression cron, ZoneId zone, boolean retryFailed,
                       boolean catchUp) {

    /** The commands a schedule may run: those of run.sh, with the tick's date where they take one. */
    public enum Command {
        /** run.sh ingest */
        INGEST,
        /** run.sh bill --cycle-date (the tick's date): the accounts due that day */
        BILL,
        /** run.sh collections --date (the tick's date) */
        COLLECTIONS
    }

    /** The first tick after {@code after}, or null when the expression never fires again. */
    public Instant next(Instant after) {
        ZonedDateTime next = cron.next(after.atZone(zone));
        return next == null ? null : next.toInstant();
    }

    /** The ticks in (after, until]: how many (counted up to {@code limit}), the first and the last. */
    public Ticks ticksBetween(Instant after, Instant until, int limit) {
        Instant first = null;
        Instant last = null;
        int count = 0;
        for (Instant t = next(after); t != null && !t.isAfter(until) && count < limit; t = next(t)) {
            first = first == null ? t : first;
            last = t;
            count++;
        }
        return new Ticks(count, first, last);
    }

    /** Ticks of a period: how many, the first and the last (null when none). */
    public record Ticks(int count, Instant first, Instant last) {
    }

    /** The date a tick bills or collects: its day in the schedule's zone. */
    public LocalDate businessDate(Instant tick) {
        return tick.atZone(zone).toLocalDate();
    }

    /** What an operator types to do by hand what a tick does. */
    public String commandLine(LocalDate date) {
        return switch (command) {
            case INGEST -> "./run.sh ingest";
            case BILL -> "./run.sh bill --cycle-date " + date;
            case COLLECTIONS -> "./run.sh collections --date " + date;
        };
    }
}
