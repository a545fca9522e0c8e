package io.valora.rating.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps rating-streams layered by stage (README, "Packages"): {@code topology} assembles the stages, the stages
 * ({@code source}, {@code dedup}, {@code resolve}, {@code chart}, {@code place}, {@code rate}, {@code reject}) build on
 * the shared packages below them, and only {@code app} knows Quarkus.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.valora.rating");
    }

    @Test
    void hasNoPackageCycles() {
        ArchRule rule = slices().matching("io.valora.rating.(*)..").should().beFreeOfCycles()
                .because("each package of rating is one stage or one shared concept, and a cycle makes two of them one "
                        + "tangle: move the class both sides need down into the shared package (model for values "
                        + "between stages, config for names, settings and metrics, serde for formats, store for state "
                        + "helpers), or let the lower package take a value or an interface instead of calling up; a "
                        + "Javadoc link upwards is fine written fully qualified, without an import");

        rule.check(main);
    }

    @Test
    void onlyTheApplicationAssemblesTheTopology() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("io.valora.rating.topology..", "io.valora.rating.app..")
                .should().dependOnClassesThat().resideInAPackage("io.valora.rating.topology..")
                .because("topology only wires the stages together and sits on top; a stage or query that needs "
                        + "something from it needs a name (config), a value (model) or a format (serde): move that "
                        + "class down instead");

        rule.check(main);
    }

    @Test
    void onlyTheApplicationKnowsTheFramework() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.valora.rating.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..",
                        "org.eclipse.microprofile..", "io.micrometer..", "io.smallrye..")
                .because("the topology and its stages are plain Java, driven by TopologyTestDriver without a "
                        + "framework: put CDI beans, configuration mapping, health checks and Micrometer in app and "
                        + "pass plain values or ports (RatingSettings, RatingMetrics) down");

        rule.check(main);
    }
}
