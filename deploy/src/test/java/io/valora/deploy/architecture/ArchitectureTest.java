package io.valora.deploy.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.valora.deploy.topics.TopicsCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the deploy module's sub-packages (acls, topics, demo) layered. */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.valora.deploy");
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchRule rule = slices().matching("io.valora.deploy.(*)..").should().beFreeOfCycles()
                // Known, and the one exception: acls builds on topics (TopicRegistry, ProvisioningRefused), while the
                // ./valora topics command line, TopicsCommand, also applies the ACLs. Its name is the entry point of
                // ./valora and of the docs, so moving it above both packages is left to a change that updates those.
                .ignoreDependency(belongToAnyOf(TopicsCommand.class), resideInAPackage("io.valora.deploy.acls.."))
                .because("a package must not reach back into one that depends on it: move what both need into the "
                        + "lower package (topics below acls, both below demo), or pass a value in instead of calling up");

        rule.check(main);
    }
}
