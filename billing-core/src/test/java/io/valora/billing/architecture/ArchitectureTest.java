package io.valora.billing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps billing-core a pure, framework-free domain. */
class ArchitectureTest {

    private static JavaClasses main;
    private static JavaClasses all;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.valora.billing");
        all = new ClassFileImporter().importPackages("io.valora.billing");
    }

    @Test
    void dependsOnNoFrameworkNorIo() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.kafka..", "io.quarkus..", "jakarta..", "javax..", "java.sql..",
                        "com.fasterxml.jackson..", "org.apache.avro..", "io.apicurio..", "io.confluent..",
                        "io.valora.schemas..", "java.net..", "java.nio.file..", "java.io..")
                .because("billing-core is the pure pricing domain, tested in milliseconds: move the Kafka, Quarkus, "
                        + "JDBC, Jackson or Avro code into the service module that wires it (rating-streams, "
                        + "invoice-service) and pass plain values (Money, BigDecimal, Instant) into billing-core");

        rule.check(main);
    }

    @Test
    void usesOnlyTheJdkAndItself() {
        ArchRule rule = classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java.lang..", "java.math..", "java.time..", "java.util..", "java.security..",
                        "java.nio", "java.nio.charset..", "io.valora.billing..")
                .because("billing-core has no runtime dependencies; if you need a library here, write the few lines "
                        + "yourself or put the code in the module that owns that dependency");

        rule.check(main);
    }

    @Test
    void hasNoBinaryFractionalNumbers() {
        ArchRule fields = noFields().should().haveRawType(double.class)
                .orShould().haveRawType(float.class)
                .because("money and quantities are BigDecimal: binary fractions cannot represent 0.10 exactly");
        ArchRule methods = noMethods().should().haveRawReturnType(double.class)
                .orShould().haveRawReturnType(float.class)
                .because("money and quantities are BigDecimal: binary fractions cannot represent 0.10 exactly");

        fields.check(main);
        methods.check(main);
    }

    @Test
    void neverReadsTheWallClock() {
        ArchRule rule = noClasses()
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .because("pricing and tests must be deterministic: pass the Instant (event time) in, "
                        + "and use fixed instants in tests");

        rule.check(all);
    }

    @Test
    void priceModelsAndValuesAreRecords() {
        ArchRule rule = classes().that().resideInAPackage("io.valora.billing.pricing")
                .and().implement(io.valora.billing.pricing.PriceModel.class)
                .should().beRecords()
                .because("price models are immutable values: make the model a record implementing the sealed "
                        + "PriceModel and add it to its permits clause");

        rule.check(main);
    }
}
