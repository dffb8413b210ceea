package ca.isp.billing.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Last month's usage export, drawn from the usage stream: RADIUS sessions and calls of every
 * subscription, with bad lines, unknown services and a duplicate the ingest job must catch.
 * One export per instance: it keeps the counters of the sources and what was written.
 */
final class UsageGenerator {

    /** 2^30 bytes. Over-allowance customers are over in GiB, so they are over in 10^9-byte GB too. */
    static final long GIB = 1L << 30;
    /** 10^9 bytes. Under-allowance customers stay under 90% of this, so under in GiB too. */
    static final long GB = 1_000_000_000L;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final int MALFORMED_KINDS = 6;

    /** Lines written: well-formed records of known services, malformed lines, records of unknown services. */
    record Counts(int records, int malformed, int unknownService) {
    }

    private final LocalDate cycleDate;
    private final SplittableRandom random;
    private final double factor;
    private final LocalDate periodStart;
    private final Map<String, long[]> sequences = new TreeMap<>();
    private int recordLines;
    private int malformedLines;
    private int unknownServiceLines;
    /** The record the exporter sends twice, once half the subscriptions are written. */
    private String[] duplicate;

    UsageGenerator(LocalDate cycleDate, SplittableRandom random) {
        this(cycleDate, random, 1.0);
    }

    /**
     * With {@code factor} times the usual number of sessions and calls per subscription (the
     * benchmark's --usage); the same totals of bytes, split in more sessions. 1.0 draws exactly
     * what the demo always drew.
     */
    UsageGenerator(LocalDate cycleDate, SplittableRandom random, double factor) {
        this.factor = factor;
        this.cycleDate = cycleDate;
        this.random = random;
        this.periodStart = cycleDate.minusMonths(1);
    }

    /**
     * Last month's sessions and calls, account by account, with a few malformed lines and
     * records of unknown services spread through, and one record sent twice at the end.
     */
    Counts write(Path directory, List<DemoSubscription> subscriptions, int maxLinesPerFile) throws IOException {
        try (DemoUsageFiles files = new DemoUsageFiles(directory, "usage-" + cycleDate, maxLinesPerFile)) {
            int half = subscriptions.size() / 2;
            for (int i = 0; i < subscriptions.size(); i++) {
                for (String[] record : recordsOf(subscriptions.get(i))) {
                    files.print(record);
                    recordLines++;
                    if (duplicate == null && i >= half && "DATA".equals(record[3])) {
                        duplicate = record;
                    }
                    if (random.nextInt(1000) < 5) {
                        files.print(malformed(record));
                    }
                    if (random.nextInt(1000) < 2) {
                        files.print(unknownService(record));
                    }
                }
            }
            // a tiny demo still shows every kind of bad line
            DemoSubscription started = subscriptions.stream()
                    .filter(subscription -> subscription.start().isBefore(cycleDate))
                    .findFirst().orElse(subscriptions.get(0));
            while (malformedLines < MALFORMED_KINDS) {
                files.print(malformed(example(started)));
            }
            while (unknownServiceLines < 2) {
                files.print(unknownService(example(started)));
            }
            // the exporter sent one record again: ingest must keep one copy
            if (duplicate == null) {
                duplicate = example(started);
                files.print(duplicate);
                recordLines++;
            }
            files.print(duplicate);
            recordLines++;
        }
        return new Counts(recordLines, malformedLines, unknownServiceLines);
    }

    private List<String[]> recordsOf(DemoSubscription subscription) {
        DemoCustomer customer = subscription.customer();
        LocalDate from = max(periodStart, subscription.start());
        if (!customer.due(cycleDate)) {
            // billed on a later day: what it used before its own period was billed already
            from = max(from, customer.nextBillDate().minusMonths(1));
        }
        LocalDate to = subscription.end() == null ? cycleDate : min(cycleDate, subscription.end().plusDays(1));
        if (!from.isBefore(to)) {
            return List.of();
        }
        double share = (double) ChronoUnit.DAYS.between(from, to) / ChronoUnit.DAYS.between(periodStart, cycleDate);
        return subscription.plan().internet()
                ? sessions(subscription, from, to, share)
                : calls(subscription, from, to, share);
    }

    /** 3 to 12 RADIUS sessions; a fifth of capped customers go 1 to 80 GB over their allowance. */
    private List<String[]> sessions(DemoSubscription subscription, LocalDate from, LocalDate to, double share) {
        DemoPlan plan = subscription.plan();
        long total;
        if (plan.capped() && random.nextInt(100) < 20) {
            total = (plan.includedGb() + 1 + random.nextInt(80)) * GIB + random.nextLong(GIB / 2);
        } else if (plan.capped()) {
            total = (long) (plan.includedGb() * GB * (0.10 + 0.80 * random.nextDouble()) * share);
        } else {
            int gigabytes = plan.commercial() ? 150 + random.nextInt(1400) : 60 + random.nextInt(900);
            total = (long) (gigabytes * GB * share);
        }
        int count = scaled(3 + random.nextInt(10));
        long[] parts = split(total, count);
        long[] starts = startTimes(from, to, count, 0, 24);
        String source = DemoPlaces.radiusSource(random, subscription.customer().serviceCity());
        List<String[]> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(new String[] {radiusId(source), source, subscription.serviceId(), "DATA",
                timestamp(starts[i]), Long.toString(parts[i])});
        }
        return records;
    }

    /** Up to 30 calls for a home line, 10 to 40 for a business line; most calls are short. */
    private List<String[]> calls(DemoSubscription subscription, LocalDate from, LocalDate to, double share) {
        boolean business = subscription.plan().commercial();
        int count = scaled((int) Math.round((business ? 10 + random.nextInt(31) : random.nextInt(31)) * share));
        long[] starts = business ? startTimes(from, to, count, 8, 18) : startTimes(from, to, count, 8, 22);
        String source = subscription.customer().serviceCity().voiceSource();
        List<String[]> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long seconds = Math.min(3600, 5 + (long) (-Math.log(1 - random.nextDouble()) * 150));
            records.add(new String[] {callId(source, starts[i]), source, subscription.serviceId(), "VOICE",
                timestamp(starts[i]), Long.toString(seconds)});
        }
        return records;
    }

    private int scaled(int count) {
        return factor == 1.0 ? count : (int) Math.round(count * factor);
    }

    /** A well-formed record of this subscription, for the end-of-file extras of a tiny demo. */
    private String[] example(DemoSubscription subscription) {
        String source = DemoPlaces.radiusSource(random, subscription.customer().serviceCity());
        LocalDate from = max(periodStart, subscription.start());
        long start = startTimes(from.isBefore(cycleDate) ? from : periodStart, cycleDate, 1, 0, 24)[0];
        return new String[] {radiusId(source), source, subscription.serviceId(), "DATA", timestamp(start),
            Long.toString(GB + random.nextLong(GB))};
    }

    /** A broken line in the style of the record just written; the kinds take turns. */
    private String[] malformed(String[] like) {
        String source = like[1];
        boolean data = "DATA".equals(like[3]);
        String id = data ? radiusId(source) : callId(source, LocalDateTime.parse(like[4]).toEpochSecond(ZoneOffset.UTC));
        String[] line = {id, source, like[2], like[3], like[4], like[5]};
        long quantity = Long.parseLong(like[5]);
        switch (malformedLines++ % MALFORMED_KINDS) {
            case 0 -> line[5] = data ? (quantity / 100_000_000) / 10 + "." + (quantity / 100_000_000) % 10 + "GB"
                    : (quantity / 60) + ":" + DemoPlaces.pad(quantity % 60, 2);
            case 1 -> line[5] = "-" + quantity;
            case 2 -> line[4] = LocalDateTime.parse(like[4]).format(DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm"));
            case 3 -> {
                line[3] = "SMS";
                line[5] = "1";
            }
            case 4 -> line[2] = "";
            default -> line = Arrays.copyOf(line, 5); // the quantity is missing
        }
        return line;
    }

    /** A well-formed record of a service no subscription has: a closed account, a test login. */
    private String[] unknownService(String[] like) {
        unknownServiceLines++;
        long start = LocalDateTime.parse(like[4]).toEpochSecond(ZoneOffset.UTC) + 60 + random.nextInt(3600);
        if (unknownServiceLines % 2 == 1) {
            String source = like[3].equals("DATA") ? like[1] : "radius-mtl-1";
            return new String[] {radiusId(source), source, "u0" + DemoPlaces.pad(random.nextInt(100_000), 5) + "@nli.example",
                "DATA", timestamp(start), Long.toString(random.nextLong(5 * GB))};
        }
        String source = like[3].equals("VOICE") ? like[1] : "voip-mtl-1";
        return new String[] {callId(source, start), source, "819555" + DemoPlaces.pad(random.nextInt(10_000), 4), "VOICE",
            timestamp(start), Long.toString(5 + random.nextInt(600))};
    }

    /** Splits a month's bytes over its sessions; the parts add up to the total exactly. */
    private long[] split(long total, int count) {
        double[] weights = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = 0.2 + random.nextDouble();
            sum += weights[i];
        }
        long[] parts = new long[count];
        long left = total;
        for (int i = 0; i < count - 1; i++) {
            parts[i] = (long) (total * (weights[i] / sum));
            left -= parts[i];
        }
        parts[count - 1] = left;
        return parts;
    }

    /** Sorted start times, as epoch seconds of the local clock, between the hours given. */
    private long[] startTimes(LocalDate from, LocalDate to, int count, int fromHour, int toHour) {
        long firstDay = from.toEpochDay();
        int days = (int) (to.toEpochDay() - firstDay);
        long[] starts = new long[count];
        for (int i = 0; i < count; i++) {
            long day = firstDay + random.nextInt(days);
            int second = fromHour * 3600 + random.nextInt((toHour - fromHour) * 3600);
            starts[i] = day * 86_400 + second;
        }
        Arrays.sort(starts);
        return starts;
    }

    /** A RADIUS accounting id: twelve hex digits, unique per NAS. */
    private String radiusId(String source) {
        long next = nextSequence(source, 1L << 40);
        String hex = Long.toHexString(next).toUpperCase(Locale.ROOT);
        return "0".repeat(Math.max(0, 12 - hex.length())) + hex;
    }

    /** An Asterisk-style uniqueid: the call's start second, a dot and a counter of the switch. */
    private String callId(String source, long startSecond) {
        return startSecond + "." + nextSequence(source, 100_000);
    }

    /** The next number of a source's counter, which starts somewhere below startBound. */
    private long nextSequence(String source, long startBound) {
        long[] sequence = sequences.computeIfAbsent(source, key -> new long[] {1 + random.nextLong(startBound)});
        return sequence[0]++;
    }

    private static String timestamp(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).format(TIMESTAMP);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
