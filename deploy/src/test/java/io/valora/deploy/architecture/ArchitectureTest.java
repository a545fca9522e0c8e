package io.valora.deploy.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the deploy module's sub-packages (topics, acls, provision, demo) layered. */
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
                .because("a package must not reach back into one that depends on it: move what both need into the "
                        + "lower package (topics below acls, both below provision and demo), or pass a value in instead "
                        + "of calling up");

        rule.check(main);
    }
}
