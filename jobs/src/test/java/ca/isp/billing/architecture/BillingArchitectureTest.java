package ca.isp.billing.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves the architecture rules bite: each one fails on the {@code bad} fixture and names the
 * class that breaks it, passes on the {@code good} fixture, and fails when it checks nothing.
 */
class BillingArchitectureTest {

    private static final String BAD = "ca.isp.billing.archfixture.bad";
    private static final String GOOD = "ca.isp.billing.archfixture.good";
    /** No class lives here: an import of it is empty, like a misspelled package. */
    private static final String NOTHING = "ca.isp.billing.archfixture.nothing";

    /** For each rule, what its failure report must name when run over the bad fixture. */
    private static final Map<String, List<String>> EXPECTED_IN_BAD = Map.of(
            "domainIsPlainJava", List.of(
                    BAD + ".domain.SpringManagedTariff", "org.springframework.transaction.annotation.Transactional",
                    BAD + ".domain.SqlTariff", "java.sql.Connection",
                    BAD + ".domain.TariffFromCsv", BAD + ".readers.UsageLineReader",
                    BAD + ".domain.DemoTariff"),
            "readersDoNotKnowWritersOrJobs", List.of(
                    BAD + ".readers.UsageLineReader", BAD + ".writers.RejectPdf"),
            "writersDoNotKnowReadersOrJobs", List.of(
                    BAD + ".writers.InvoiceFromUsage", BAD + ".readers.UsageLineReader"),
            "springBatchOnlyInJobs", List.of(
                    BAD + ".writers.ManifestItemWriter", "org.springframework.batch.infrastructure.item.ItemWriter"),
            "noPackageCycles", List.of(
                    // two sibling packages, found by ArchUnit's beFreeOfCycles
                    "Cycle detected: Slice jobs.a -> Slice jobs.b -> Slice jobs.a",
                    "Package cycle: jobs.a is in a cycle with [jobs.b]",
                    BAD + ".jobs.a.RateStep uses " + BAD + ".jobs.b.TaxStep",
                    // a parent package and its own subpackage
                    "Package cycle: jobs is in a cycle with [jobs.cli]",
                    BAD + ".jobs.CycleJob uses " + BAD + ".jobs.cli.Command",
                    // a use through a compile-time constant only
                    "Package cycle: jobs.report is in a cycle with [jobs.cycle]",
                    BAD + ".jobs.report.CycleSummary uses " + BAD + ".jobs.cycle.CycleConfig (constant pool only"),
            "demoOnlyUsedByDemoAndCommandLine", List.of(
                    BAD + ".domain.DemoTariff", BAD + ".jobs.report.DemoSummary", BAD + ".demo.DemoPlans"));

    private static final JavaClasses BAD_CLASSES = new ClassFileImporter().importPackages(BAD);
    private static final JavaClasses GOOD_CLASSES = new ClassFileImporter().importPackages(GOOD);

    @Test
    void everyRuleHasABadCase() {
        assertThat(EXPECTED_IN_BAD.keySet())
                .containsExactlyInAnyOrderElementsOf(BillingArchitecture.all(BAD).keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyRuleFailsOnTheBadFixtureNamingTheOffender() {
        return rules(BAD).map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> {
            EvaluationResult result = rule.getValue().evaluate(BAD_CLASSES);
            // the report breaks cycle paths over lines; compare with single spaces
            String report = result.getFailureReport().toString().replaceAll("\\s+", " ");
            assertThat(result.hasViolation()).as(rule.getKey() + " bites").isTrue();
            assertThat(report).contains(EXPECTED_IN_BAD.get(rule.getKey()));
        }));
    }

    @Test
    void subpackageIsItsOwnSlice() {
        // (**) must make jobs and jobs.cli two slices, or their cycle could not be seen;
        // over bad.jobs alone ArchUnit's own cycle finder shows it
        EvaluationResult result = slices().matching(BAD + ".(**)").should().beFreeOfCycles()
                .evaluate(new ClassFileImporter().importPackages(BAD + ".jobs"));
        assertThat(result.getFailureReport().toString().replaceAll("\\s+", " "))
                .contains("Cycle detected: Slice jobs -> Slice jobs.cli -> Slice jobs");
    }

    @TestFactory
    Stream<DynamicTest> everyRulePassesOnTheGoodFixture() {
        return rules(GOOD).map(rule -> DynamicTest.dynamicTest(rule.getKey(), () ->
                rule.getValue().check(GOOD_CLASSES)));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleFailsWhenNoClassIsImported() {
        JavaClasses nothing = new ClassFileImporter().importPackages(NOTHING);
        assertThat(nothing).isEmpty();
        return rules(NOTHING).map(rule -> DynamicTest.dynamicTest(rule.getKey(), () ->
                assertFailsOnEmpty(rule.getValue(), nothing)));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleFailsOnAMisspelledRoot() {
        // classes are there, but the rule's packages match none of them
        return rules("ca.isp.billing.archfixture.goood").map(rule -> DynamicTest.dynamicTest(rule.getKey(), () ->
                assertFailsOnEmpty(rule.getValue(), GOOD_CLASSES)));
    }

    private static void assertFailsOnEmpty(ArchRule rule, JavaClasses classes) {
        assertThatThrownBy(() -> rule.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    private static Stream<Map.Entry<String, ArchRule>> rules(String root) {
        return BillingArchitecture.all(root).entrySet().stream();
    }
}
