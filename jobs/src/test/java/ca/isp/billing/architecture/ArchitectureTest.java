package ca.isp.billing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the real main code of every module against {@link BillingArchitecture}. It runs in
 * the jobs module because jobs depends on all the others, so their classes are on its test
 * classpath; test classes (including the archfixture packages) are left out.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BillingArchitecture.ROOT);
    }

    @Test
    void everyModuleIsImported() {
        // a rule over a module whose classes were not found would prove nothing
        for (String module : new String[] {"domain", "readers", "writers", "jobs"}) {
            String pkg = BillingArchitecture.ROOT + "." + module;
            long count = classes.stream()
                    .filter(c -> c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + "."))
                    .count();
            assertThat(count).as("main classes imported from %s", pkg).isPositive();
        }
    }

    @Test
    void testClassesAreNotImported() {
        // the fixtures break every rule on purpose; they must not count against the real code
        assertThat(classes.stream().filter(c -> c.getPackageName().contains(".archfixture")))
                .isEmpty();
        assertThat(classes.stream().filter(c -> c.getSimpleName().endsWith("Test")))
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> realCodeFollowsEveryRule() {
        return BillingArchitecture.all(BillingArchitecture.ROOT).entrySet().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> rule.getValue().check(classes)));
    }
}
