package ca.isp.billing.demo;

import static ca.isp.billing.demo.DemoCsvFiles.byKey;
import static ca.isp.billing.demo.DemoCsvFiles.column;
import static ca.isp.billing.demo.DemoCsvFiles.read;
import static ca.isp.billing.demo.GeneratedIsp.CYCLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** subscriptions.csv: what each customer has, since when and until when. */
class SubscriptionGeneratorTest {

    @TempDir
    static Path root;

    static Path reference;

    @BeforeAll
    static void generateTwoHundredAccounts() throws IOException {
        GeneratedIsp isp = GeneratedIsp.twoHundredAccounts(root);
        reference = isp.reference();
    }

    @Test
    void everySubscriptionPointsAtAnExistingAccountAndPlan() throws IOException {
        Set<String> accounts = column(reference.resolve("accounts.csv"), "account_number");
        Map<String, CSVRecord> plans = byKey(read(reference.resolve("plans.csv")).records(), "plan_code");
        List<CSVRecord> subscriptions = read(reference.resolve("subscriptions.csv")).records();

        assertThat(subscriptions).allMatch(s -> accounts.contains(s.get("account_number")), "account exists")
                .allMatch(s -> plans.containsKey(s.get("plan_code")), "plan exists")
                .allMatch(s -> s.get("subscription_id").matches("S" + s.get("account_number") + "-\\d"));
        assertThat(subscriptions.stream().map(s -> s.get("subscription_id"))).doesNotHaveDuplicates();
        assertThat(subscriptions.stream().map(s -> s.get("service_id"))).doesNotHaveDuplicates();

        Map<String, Integer> internetPerAccount = new HashMap<>();
        for (CSVRecord s : subscriptions) {
            CSVRecord plan = plans.get(s.get("plan_code"));
            if (plan.get("kind").equals("INTERNET")) {
                internetPerAccount.merge(s.get("account_number"), 1, Integer::sum);
                assertThat(s.get("service_id")).isEqualTo("u" + s.get("account_number") + "@nli.example");
            } else {
                assertThat(s.get("service_id")).matches("[2-9]\\d{2}[2-9]\\d{6}");
            }
        }
        assertThat(internetPerAccount).hasSize(200).allSatisfy((account, count) -> assertThat(count).isOne());
        long phones = subscriptions.size() - 200;
        assertThat(phones).as("about 35% with a phone line").isBetween(50L, 110L);
    }

    @Test
    void commercialAccountsHaveCommercialPlansOnly() throws IOException {
        Map<String, String> types = new HashMap<>();
        read(reference.resolve("accounts.csv")).records()
                .forEach(a -> types.put(a.get("account_number"), a.get("customer_type")));
        Set<String> commercialPlans = Set.of("BUSINESS-500", "PHONE-BUSINESS");
        for (CSVRecord s : read(reference.resolve("subscriptions.csv")).records()) {
            boolean commercial = types.get(s.get("account_number")).equals("COMMERCIAL");
            assertThat(commercialPlans.contains(s.get("plan_code"))).as(s.get("subscription_id")).isEqualTo(commercial);
        }
    }

    @Test
    void startAndEndDatesCoverNewCancelledAndLongStandingService() throws IOException {
        List<CSVRecord> subscriptions = read(reference.resolve("subscriptions.csv")).records();
        LocalDate lastMonth = CYCLE.minusMonths(1);
        int longStanding = 0;
        int joinedLastMonth = 0;
        int startsThisPeriod = 0;
        for (CSVRecord s : subscriptions) {
            LocalDate start = LocalDate.parse(s.get("start_date"));
            if (start.isAfter(CYCLE)) {
                startsThisPeriod++;
                assertThat(start).isBetween(CYCLE.plusDays(5), CYCLE.plusDays(25));
            } else if (!start.isBefore(lastMonth)) {
                joinedLastMonth++;
            } else {
                longStanding++;
                assertThat(start).isAfter(CYCLE.minusYears(5).minusDays(1));
            }
            if (!s.get("end_date").isEmpty()) {
                LocalDate end = LocalDate.parse(s.get("end_date"));
                int months = s.get("plan_code").equals("FIBRE-300-Q") ? 3 : 1;
                // cancelled inside the coming period: the last charge is prorated
                assertThat(end).isAfter(CYCLE).isBefore(CYCLE.plusMonths(months).minusDays(1));
            }
        }
        assertThat(longStanding).isGreaterThan(subscriptions.size() * 8 / 10);
        assertThat(joinedLastMonth).isPositive();
        assertThat(startsThisPeriod).isPositive();
    }
}
