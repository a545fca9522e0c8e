package io.valora.invoice.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameter;
import io.quarkus.agroal.DataSource;
import io.valora.invoice.auth.DatabaseKeyIdentityProvider;
import io.valora.invoice.charges.ChargeIntake;
import io.valora.invoice.close.CloseFailureLog;
import io.valora.invoice.close.CloseScan;
import io.valora.invoice.db.ClusterLock;
import io.valora.invoice.db.Databases;
import io.valora.invoice.lifecycle.AutoFinalizer;
import io.valora.invoice.outbox.OutboxRelay;
import jakarta.ws.rs.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which code may hold a connection that sees every tenant: the system datasource is injected only
 * into the named cross-tenant components, and no REST resource depends, even transitively, on a
 * class that holds the system or the owner datasource.
 */
class DatabaseRoleReachTest {

    private static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        main = MainClasses.get();
    }

    @Test
    void theSystemDatasourceIsInjectedOnlyIntoTheCrossTenantWork() {
        Set<String> holders = new TreeSet<>();
        for (JavaClass c : main) {
            if (holds(c, Databases.SYSTEM)) {
                holders.add(c.getSimpleName());
            }
        }
        assertThat(holders).as("classes injected with @DataSource(\"system\")").containsExactlyInAnyOrder(
                ChargeIntake.class.getSimpleName(), OutboxRelay.class.getSimpleName(), CloseScan.class.getSimpleName(),
                CloseFailureLog.class.getSimpleName(), ClusterLock.class.getSimpleName(), AutoFinalizer.class.getSimpleName(),
                DatabaseKeyIdentityProvider.class.getSimpleName(), "RuntimeRoles");
    }

    @Test
    void noRestResourceReachesTheSystemOrTheOwnerDatasource() {
        DescribedPredicate<JavaClass> privileged = DescribedPredicate.describe("hold the system or the owner datasource",
                c -> holds(c, Databases.SYSTEM) || holds(c, Databases.OWNER));
        noClasses().that().areAnnotatedWith(Path.class)
                .should().transitivelyDependOnClassesThat(privileged)
                .because("a request must only ever run on the request role in its tenant's session; move the cross-tenant "
                        + "part into a component of its own (as CloseScan is for PeriodCloser) that only schedulers and "
                        + "consumers use")
                .check(main);
    }

    @Test
    void thereAreRestResourcesToCheck() {
        classes().that().areAnnotatedWith(Path.class).should().resideInAPackage("io.valora.invoice.api").check(main);
        assertThat(main.stream().filter(c -> c.isAnnotatedWith(Path.class)).count()).isGreaterThan(5);
    }

    /** Whether a constructor parameter or field of {@code c} is {@code @DataSource(name)}. */
    private static boolean holds(JavaClass c, String name) {
        Stream<JavaAnnotation<?>> constructorParams = c.getConstructors().stream()
                .map(JavaConstructor::getParameters).flatMap(java.util.List::stream)
                .map(JavaParameter::getAnnotations).flatMap(Set::stream);
        Stream<JavaAnnotation<?>> fields = c.getFields().stream().map(JavaField::getAnnotations).flatMap(Set::stream)
                .map(a -> (JavaAnnotation<?>) a);
        return Stream.concat(constructorParams, fields)
                .anyMatch(a -> a.getRawType().isEquivalentTo(DataSource.class) && name.equals(a.get("value").orElse(null)));
    }
}
