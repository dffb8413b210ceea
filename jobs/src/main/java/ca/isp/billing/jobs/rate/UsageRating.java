package ca.isp.billing.jobs.rate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ca.isp.billing.jobs.rate.UsageToRateReader.Owner;

/**
 * Rates usage records as they are ingested, so a record (a usage CSV line, a RADIUS reading, a
 * call) is written once, already rated, rather than inserted NEW and updated by the rate step
 * (which doubled the writes of every record: issue 8's ingest bench). The same rules as the rate
 * step, in the same order: its matching (UsageToRateReader: service id, other identifiers,
 * framed IP, the plan on the record's day) and its rating (UsageRatingProcessor), with the rate
 * tables read once when the ingest step starts. A record no subscription matches is stored
 * UNMATCHED and a call no rate prices RATING_GAP: the rate step takes both again on every run, as
 * it did before, so nothing rated later changed.
 *
 * <p>One instance serves one ingest step execution, and keeps whose each service id and framed
 * IP address is (or that it is nobody's) until the transaction it was asked in ends (a file of
 * usage CSV or calls, 10,000 RADIUS readings): the same few thousand identifiers come back in
 * every batch, and asking the database again for each batch was four queries per 1,000 records
 * (issue 8's bench). Within one transaction the database would have answered the same (InnoDB's
 * repeatable read); the next transaction asks again, so an alias, a plan change or a number moved
 * to another account by an import made during the step (imports take no run lock) counts from
 * the next file, as it did before the cache. Only the identifier and a small record are kept,
 * never the usage records, and at most {@link #MAX_KNOWN} of each: past that the map is emptied
 * and filled again from the database.
 */
public final class UsageRating {

    /** Identifiers kept per map at most: 500,000 subscribers' user names or numbers, some room for unknown ones. */
    static final int MAX_KNOWN = 600_000;
    /** Known to be nobody's (in this step): the record is UNMATCHED unless its framed IP says otherwise. */
    private static final Owner NOBODY = new Owner(-1, -1, null, null);

    private final NamedParameterJdbcTemplate named;
    private final UsageRatingProcessor processor;
    private final Map<String, Owner> byServiceId = new HashMap<>();
    private final Map<String, Owner> byFramedIp = new HashMap<>();
    /** Each plan code once in memory, however many owners have it. */
    private final Map<String, String> planCodes = new HashMap<>();
    /** A transaction's end will empty the maps (registered once per transaction). */
    private boolean forgetRegistered;

    private UsageRating(NamedParameterJdbcTemplate named, UsageRatingProcessor processor) {
        this.named = named;
        this.processor = processor;
    }

    /** The rate tables as they are now (an ingest step's start). */
    public static UsageRating load(JdbcTemplate jdbc) {
        return new UsageRating(new NamedParameterJdbcTemplate(jdbc), new UsageRatingProcessor(RateTables.load(jdbc)));
    }

    /** The rating of each record, in the same order (their ids are not known yet: 0). */
    public List<RatedUsage> rate(List<UsageToRate> records) {
        forgetWhenTheTransactionEnds();
        // what this batch needs, from what is known or else from the database (the maps may be emptied meanwhile)
        Map<String, Owner> owners = new HashMap<>();
        List<String> unknownIds = new ArrayList<>();
        for (UsageToRate usage : records) {
            String id = usage.serviceId();
            if (!owners.containsKey(id)) {
                Owner known = byServiceId.get(id);
                owners.put(id, known);
                if (known == null) {
                    unknownIds.add(id);
                }
            }
        }
        Map<String, Owner> found = UsageToRateReader.byServiceId(named, unknownIds);
        // a session whose user name matches nothing: the subscription its framed IP address was given to
        Map<String, Owner> addresses = new HashMap<>();
        List<String> unknownIps = new ArrayList<>();
        for (UsageToRate usage : records) {
            String ip = usage.framedIp();
            Owner owner = owners.get(usage.serviceId());
            if (ip != null && (owner == NOBODY || (owner == null && !found.containsKey(usage.serviceId())))
                    && !addresses.containsKey(ip)) {
                Owner known = byFramedIp.get(ip);
                addresses.put(ip, known);
                if (known == null) {
                    unknownIps.add(ip);
                }
            }
        }
        Map<String, Owner> foundByIp = UsageToRateReader.byFramedIp(named, unknownIps);
        UsageToRateReader.withPlanChanges(named, List.of(found, foundByIp));
        for (String id : unknownIds) {
            owners.put(id, remember(byServiceId, id, found.get(id)));
        }
        for (String ip : unknownIps) {
            addresses.put(ip, remember(byFramedIp, ip, foundByIp.get(ip)));
        }
        List<RatedUsage> rated = new ArrayList<>(records.size());
        for (UsageToRate usage : records) {
            Owner owner = owners.get(usage.serviceId());
            if (owner == NOBODY && usage.framedIp() != null) {
                owner = addresses.get(usage.framedIp());
            }
            rated.add(processor.process(UsageToRateReader.match(usage, owner == NOBODY ? null : owner)));
        }
        return rated;
    }

    /** Owners are known for one transaction at most: the next one asks the database again. */
    private void forgetWhenTheTransactionEnds() {
        if (forgetRegistered || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                byServiceId.clear();
                byFramedIp.clear();
                forgetRegistered = false;
            }
        });
        forgetRegistered = true;
    }

    /** Keeps what was found (NOBODY for nothing) for the rest of the step, within MAX_KNOWN; returns it. */
    private Owner remember(Map<String, Owner> known, String key, Owner owner) {
        Owner kept = owner == null ? NOBODY : new Owner(owner.subscriptionId(), owner.accountId(),
                planCodes.computeIfAbsent(owner.planCode(), code -> code), owner.planChanges());
        if (known.size() >= MAX_KNOWN) {
            known.clear();
        }
        known.put(key, kept);
        return kept;
    }
}
