package ca.isp.billing.jobs.rate;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Rates usage records as they are ingested, so a record (a usage CSV line, a RADIUS reading, a
 * call) is written once, already rated, rather than inserted NEW and updated by the rate step
 * (which doubled the writes of every record: issue 8's ingest bench). The same rules as the rate
 * step, in the same order: its matching (UsageToRateReader.matched: service id, other
 * identifiers, framed IP, the plan on the record's day) and its rating (UsageRatingProcessor),
 * with the rate tables read once when the ingest step starts. A record no subscription matches
 * is stored UNMATCHED and a call no rate prices RATING_GAP: the rate step takes both again on
 * every run, as it did before, so nothing rated later changed.
 */
public final class UsageRating {

    private final NamedParameterJdbcTemplate named;
    private final UsageRatingProcessor processor;

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
        List<RatedUsage> rated = new ArrayList<>(records.size());
        for (UsageToRate usage : UsageToRateReader.matched(named, records)) {
            rated.add(processor.process(usage));
        }
        return rated;
    }
}
