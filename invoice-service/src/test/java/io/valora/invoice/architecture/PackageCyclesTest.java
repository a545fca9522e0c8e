package io.valora.invoice.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

/**
 * Keeps invoice-service's packages layered: a package may use a lower one, never the other way round,
 * so each can be read, tested and moved without dragging the rest along.
 */
class PackageCyclesTest {

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.valora.invoice.(*)..").should().beFreeOfCycles()
                .because("a cycle means a lower package knows a higher one: raise a domain exception in the lower "
                        + "package and map it to HTTP only in api (ProblemMappers); move a type both sides need "
                        + "(a value, a paging position, a tenant scope) down into the lowest package that uses it "
                        + "(e.g. db), never up into api")
                .check(MainClasses.get());
    }
}
