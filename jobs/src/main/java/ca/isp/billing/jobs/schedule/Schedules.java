package ca.isp.billing.jobs.schedule;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.scheduling.support.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import ca.isp.billing.readers.BadFileException;

/**
 * Reads {@code schedules/schedules.yml}: a default {@code zone}, then under {@code jobs:} one
 * entry per job with {@code command}, {@code cron}, optional {@code zone}, {@code retry-failed}
 * and {@code catch-up}. Anything else is refused with the file, the job, the field and why, so
 * a typo never leaves a job silently unscheduled.
 */
public final class Schedules {

    private static final Set<String> JOB_FIELDS = Set.of("command", "cron", "zone", "retry-failed", "catch-up");

    private Schedules() {
    }

    public static List<Schedule> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadFileException(file.toString(), "no such file (the scheduler's jobs; see schedules/README.md)");
        }
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException e) {
            throw new BadFileException(file.toString(), "not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new BadFileException(file.toString(), "expected 'zone:' and 'jobs:' at the top");
        }
        for (Object key : top.keySet()) {
            if (!List.of("zone", "jobs").contains(String.valueOf(key))) {
                throw new BadFileException(file.toString(), "unknown setting '" + key + "' (zone, jobs)");
            }
        }
        ZoneId zone = zone(file, "zone", top.get("zone"), ZoneId.systemDefault());
        if (!(top.get("jobs") instanceof Map<?, ?> jobs) || jobs.isEmpty()) {
            throw new BadFileException(file.toString(), "'jobs:' lists no job");
        }
        List<Schedule> schedules = new ArrayList<>();
        for (Map.Entry<?, ?> entry : jobs.entrySet()) {
            String name = String.valueOf(entry.getKey());
            String where = "job '" + name + "'";
            if (!name.matches("[a-z0-9-]{1,40}")) {
                throw new BadFileException(file.toString(), where + ": a job name is 1 to 40 of a-z, 0-9 and '-'");
            }
            if (!(entry.getValue() instanceof Map<?, ?> job)) {
                throw new BadFileException(file.toString(), where + ": expected command, cron, retry-failed, catch-up under it");
            }
            for (Object key : job.keySet()) {
                if (!JOB_FIELDS.contains(String.valueOf(key))) {
                    throw new BadFileException(file.toString(), where + ": unknown field '" + key + "' (" + String.join(", ", JOB_FIELDS.stream().sorted().toList()) + ")");
                }
            }
            Schedule.Command command;
            try {
                command = Schedule.Command.valueOf(required(file, where, job, "command").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadFileException(file.toString(), where + ": command must be ingest, bill or collections, not '"
                        + job.get("command") + "'");
            }
            String cronText = required(file, where, job, "cron");
            CronExpression cron;
            try {
                cron = CronExpression.parse(cronText);
            } catch (IllegalArgumentException e) {
                throw new BadFileException(file.toString(), where + ": cron '" + cronText + "' is not a cron expression (six fields,"
                        + " seconds first: \"0 15 * * * *\" is every hour at :15): " + e.getMessage());
            }
            schedules.add(new Schedule(name, command, cron, zone(file, where + ": zone", job.get("zone"), zone),
                    flag(file, where, job, "retry-failed"), flag(file, where, job, "catch-up")));
        }
        return List.copyOf(schedules);
    }

    private static String required(Path file, String where, Map<?, ?> job, String field) {
        Object value = job.get(field);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new BadFileException(file.toString(), where + ": '" + field + "' is required");
        }
        return String.valueOf(value).trim();
    }

    private static boolean flag(Path file, String where, Map<?, ?> job, String field) {
        Object value = job.get(field);
        if (value instanceof Boolean b) {
            return b;
        }
        throw new BadFileException(file.toString(), where + ": '" + field + "' must be true or false, not '" + value + "'");
    }

    private static ZoneId zone(Path file, String where, Object value, ZoneId fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return ZoneId.of(String.valueOf(value).trim());
        } catch (DateTimeException e) {
            throw new BadFileException(file.toString(), where + ": not a time zone ('America/Toronto', 'UTC'): '" + value + "'");
        }
    }
}
