package io.valora.gateway.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the gateway's packages layered: api and formats on top, ingest below, events and publish at the bottom. */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.valora.gateway");
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchRule rule = slices().matching("io.valora.gateway.(*)..").should().beFreeOfCycles()
                .because("a lower package (ingest, events, publish) must not reach up into api or formats: raise an "
                        + "ingest-level exception or return a value, and let the layer above map it (as "
                        + "IngestRefusedException is answered by api.IngestProblems); move a helper both sides need "
                        + "down into the lower package");

        rule.check(main);
    }
}
