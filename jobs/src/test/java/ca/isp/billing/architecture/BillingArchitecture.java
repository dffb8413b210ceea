package ca.isp.billing.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The architecture rules of the billing pipeline, written once. Each rule takes the root
 * package, so the same rule checks the real code ({@code ca.isp.billing}) and the small
 * fixtures under {@code ca.isp.billing.archfixture} that prove it bites.
 *
 * <p>Every rule refuses to pass when it checks no class ({@code allowEmptyShould(false)}):
 * a misspelled or moved package must fail the build, not pass it silently.
 */
public final class BillingArchitecture {

    /** The real code. */
    public static final String ROOT = "ca.isp.billing";

    private BillingArchitecture() {
    }

    /** The domain is plain Java: billing rules that any reader, writer or job can use. */
    public static ArchRule domainIsPlainJava(String root) {
        return classes()
                .that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat(
                        resideInAnyPackage("java..", root + ".domain..")
                                // java.sql is under java.. but is a database API
                                .and(not(resideInAPackage("java.sql.."))))
                .because("the billing rules (tax, proration, late fees) must not change with the "
                        + "framework, the database or the file formats: no Spring, no SQL, "
                        + "no other module of ours")
                .allowEmptyShould(false);
    }

    /** Readers parse input files; they know nothing of output, jobs or the demo. */
    public static ArchRule readersDoNotKnowWritersOrJobs(String root) {
        return noClasses()
                .that().resideInAPackage(root + ".readers..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".writers..", root + ".jobs..", root + ".demo..")
                .because("reading usage, payment and reference files must stay usable "
                        + "without the invoice output or the batch jobs")
                .allowEmptyShould(false);
    }

    /** Writers produce invoices and hand-offs; they know nothing of input, jobs or the demo. */
    public static ArchRule writersDoNotKnowReadersOrJobs(String root) {
        return noClasses()
                .that().resideInAPackage(root + ".writers..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".readers..", root + ".jobs..", root + ".demo..")
                .because("rendering PDFs, emails and mail-vendor batches must stay usable "
                        + "without the input parsers or the batch jobs")
                .allowEmptyShould(false);
    }

    /** Spring Batch is the job runner; only the jobs module drives it. */
    public static ArchRule springBatchOnlyInJobs(String root) {
        return noClasses()
                .that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + ".jobs..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.batch..")
                .because("the billing cycle's steps, restarts and chunking belong to the jobs "
                        + "module; domain, readers and writers are plain code the jobs call")
                .allowEmptyShould(false);
    }

    /**
     * No package cycles under the root. {@code (**)} captures the whole package name after
     * the root, so every package is its own slice: {@code jobs} and {@code jobs.cli} are two
     * slices and a cycle between a package and its subpackage is found.
     *
     * <p>ArchUnit's {@code beFreeOfCycles()} lists each cycle with the calls that make it, but
     * can miss some (see {@link PackageCycles}); the second rule catches those.
     */
    public static ArchRule noPackageCycles(String root) {
        String because = "a cycle means two packages can only be understood, changed and "
                + "moved together; the billing steps must stay separable";
        return CompositeArchRule
                .of(slices().matching(root + ".(**)").should().beFreeOfCycles()
                        .because(because))
                .and(slices().matching(root + ".(**)").should(new PackageCycles())
                        .because(because))
                .allowEmptyShould(false);
    }

    /**
     * The demo (the {@code demo} module, and today's {@code jobs.demo}) invents a sample ISP.
     * Only the demo itself and the command line that starts it may use it.
     */
    public static ArchRule demoOnlyUsedByDemoAndCommandLine(String root) {
        return noClasses()
                .that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".demo..", root + ".jobs.demo..", root + ".jobs.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".demo..", root + ".jobs.demo..")
                .because("invented accounts and sample files must never reach a real billing run")
                .allowEmptyShould(false);
    }

    /** Every rule, by name, in the order above. */
    public static Map<String, ArchRule> all(String root) {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("domainIsPlainJava", domainIsPlainJava(root));
        rules.put("readersDoNotKnowWritersOrJobs", readersDoNotKnowWritersOrJobs(root));
        rules.put("writersDoNotKnowReadersOrJobs", writersDoNotKnowReadersOrJobs(root));
        rules.put("springBatchOnlyInJobs", springBatchOnlyInJobs(root));
        rules.put("noPackageCycles", noPackageCycles(root));
        rules.put("demoOnlyUsedByDemoAndCommandLine", demoOnlyUsedByDemoAndCommandLine(root));
        return rules;
    }
}
