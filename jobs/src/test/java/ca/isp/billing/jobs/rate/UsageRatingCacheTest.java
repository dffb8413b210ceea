package ca.isp.billing.jobs.rate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ca.isp.billing.domain.UsageStatus;
import ca.isp.billing.jobs.AbstractCycleTest;
import ca.isp.billing.jobs.Fixtures;
import ca.isp.billing.jobs.importing.ReferenceDataImporter.Kind;
import ca.isp.billing.jobs.support.QueryCount;

/**
 * UsageRating keeps whose each identifier is for its step execution: the batches after the first
 * ask the database nothing about identifiers already seen, and the answers are the rate step's
 * (service id, then framed IP when the user name is nobody's). An identifier that matched nothing
 * is looked up again by the next step execution (a new UsageRating), never remembered longer.
 */
class UsageRatingCacheTest extends AbstractCycleTest {

    private static final java.nio.file.Path HOME = newHome();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        billingHome(registry, HOME);
    }

    @Autowired
    private PlatformTransactionManager transactionManager;

    private static UsageToRate data(String serviceId, String framedIp) {
        return new UsageToRate(0, serviceId + "/1", serviceId, "DATA", LocalDateTime.of(2026, 10, 5, 10, 0),
                1_000_000L, framedIp, null, null, null, null, null);
    }

    @Test
    void ownersAreAskedOncePerStepAndTheUnmatchedAgainByTheNextStep() throws Exception {
        Fixtures.importAll(importer, "reference", Kind.PLANS, Kind.TAX_RATES, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
        long alice = jdbc.queryForObject("SELECT id FROM subscription WHERE subscription_id = 'S100001-1'", Long.class);
        jdbc.update("INSERT INTO service_alias (identifier, kind, subscription_id) VALUES ('10.9.0.7', 'FRAMED_IP', ?)",
                alice);
        List<UsageToRate> batch = List.of(data("alice", null), data("nobody@isp", null), data("stranger", "10.9.0.7"));

        UsageRating rating = UsageRating.load(jdbc);
        List<RatedUsage> first = rating.rate(batch);
        assertThat(first).extracting(RatedUsage::status)
                .containsExactly(UsageStatus.RATED, UsageStatus.UNMATCHED, UsageStatus.RATED);
        assertThat(first).extracting(RatedUsage::subscriptionId).containsExactly(alice, null, alice);

        // the next batch of the same step: the same answers, not one statement
        long before = QueryCount.prepared();
        List<RatedUsage> second = rating.rate(batch);
        assertThat(QueryCount.prepared() - before).isZero();
        assertThat(second).isEqualTo(first);

        // nobody@isp becomes alice's meanwhile: this step keeps its answer (the rate step matches it), the next asks
        jdbc.update("INSERT INTO service_alias (identifier, kind, subscription_id) VALUES ('nobody@isp', 'USER_NAME', ?)",
                alice);
        assertThat(rating.rate(batch).get(1).status()).isEqualTo(UsageStatus.UNMATCHED);
        RatedUsage nextStep = UsageRating.load(jdbc).rate(batch).get(1);
        assertThat(nextStep.status()).isEqualTo(UsageStatus.RATED);
        assertThat(nextStep.subscriptionId()).isEqualTo(alice);
    }

    /**
     * Imports take no run lock: a number moved to another subscription while an ingest step runs
     * counts from the step's next transaction (the next file), as it did before owners were kept.
     */
    @Test
    void ownersAreKeptForOneTransactionOnly() throws Exception {
        Fixtures.importAll(importer, "reference", Kind.PLANS, Kind.TAX_RATES, Kind.ACCOUNTS, Kind.SUBSCRIPTIONS);
        long alice = jdbc.queryForObject("SELECT id FROM subscription WHERE subscription_id = 'S100001-1'", Long.class);
        long other = jdbc.queryForObject("SELECT MIN(id) FROM subscription WHERE id <> ?", Long.class, alice);
        jdbc.update("INSERT INTO service_alias (identifier, kind, subscription_id) VALUES ('moved@isp', 'USER_NAME', ?)",
                alice);
        List<UsageToRate> batch = List.of(data("moved@isp", null));
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        UsageRating rating = UsageRating.load(jdbc);

        // the first file: two batches, one lookup
        transaction.executeWithoutResult(status -> {
            assertThat(rating.rate(batch).get(0).subscriptionId()).isEqualTo(alice);
            long before = QueryCount.prepared();
            assertThat(rating.rate(batch).get(0).subscriptionId()).isEqualTo(alice);
            assertThat(QueryCount.prepared() - before).isZero();
        });
        // an import moves the user name to another subscription between two files
        jdbc.update("UPDATE service_alias SET subscription_id = ? WHERE identifier = 'moved@isp'", other);
        transaction.executeWithoutResult(status ->
                assertThat(rating.rate(batch).get(0).subscriptionId()).isEqualTo(other));
    }
}
