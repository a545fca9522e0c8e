package io.valora.deploy.acls;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.schemas.Topics;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class ServiceAclsTest {

    private final Topics topics = new Topics("acme.");
    private final ServicePrincipals principals = ServicePrincipals.defaults();
    private final List<AclBinding> all = ServiceAcls.all(topics, principals);

    /** Whether {@code principal} may do {@code op} on topic {@code name}, as a StandardAuthorizer would decide. */
    private boolean mayOnTopic(String principal, AclOperation op, String name) {
        return all.stream().anyMatch(b -> b.entry().principal().equals(principal)
                && b.pattern().resourceType() == ResourceType.TOPIC
                && (b.entry().operation() == op || b.entry().operation() == AclOperation.ALL)
                && (b.pattern().patternType() == PatternType.LITERAL ? b.pattern().name().equals(name)
                        : name.startsWith(b.pattern().name())));
    }

    private Set<String> writers(String topic) {
        return Set.of(principals.gateway(), principals.rating(), principals.invoice()).stream()
                .filter(p -> mayOnTopic(p, AclOperation.WRITE, topic)).collect(Collectors.toSet());
    }

    @Test
    void shouldLetOnlyTheGatewayWriteUsageEvents() {
        assertThat(writers("acme.usage-events")).containsExactly(principals.gateway());
    }

    @Test
    void shouldLetOnlyInvoiceServiceWriteTheCatalogAndApiKeys() {
        for (String topic : List.of("acme.api-keys", "acme.customers", "acme.meters", "acme.plans",
                "acme.subscriptions", "acme.invoice-events")) {
            assertThat(writers(topic)).as(topic).containsExactly(principals.invoice());
        }
    }

    @Test
    void shouldLetOnlyRatingWriteRatedChargesAndRejections() {
        assertThat(writers("acme.rated-charges")).containsExactly(principals.rating());
        assertThat(writers("acme.usage-events.rejected")).containsExactly(principals.rating());
        assertThat(writers("acme.dead-letters")).containsExactlyInAnyOrder(principals.rating(), principals.invoice());
    }

    @Test
    void shouldGiveRatingItsInternalTopicsGroupAndTransactionalIds() {
        assertThat(mayOnTopic(principals.rating(), AclOperation.CREATE,
                "valora-rating-usage-by-charge-repartition")).isTrue();
        assertThat(mayOnTopic(principals.gateway(), AclOperation.READ,
                "valora-rating-usage-by-charge-repartition")).isFalse();
        assertThat(ServiceAcls.rating(topics, principals.rating(), "valora-rating"))
                .anySatisfy(b -> {
                    assertThat(b.pattern().resourceType()).isEqualTo(ResourceType.TRANSACTIONAL_ID);
                    assertThat(b.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
                    assertThat(b.pattern().name()).isEqualTo("valora-rating");
                })
                .anySatisfy(b -> {
                    assertThat(b.pattern().resourceType()).isEqualTo(ResourceType.GROUP);
                    assertThat(b.pattern().name()).isEqualTo("valora-rating");
                    assertThat(b.entry().operation()).isEqualTo(AclOperation.READ);
                });
    }

    @Test
    void shouldGiveTheGatewayNoGroupAndNoCreate() {
        assertThat(ServiceAcls.gateway(topics, principals.gateway()))
                .noneMatch(b -> b.pattern().resourceType() == ResourceType.GROUP)
                .noneMatch(b -> b.entry().operation() == AclOperation.CREATE || b.entry().operation() == AclOperation.ALL)
                .anyMatch(b -> b.pattern().resourceType() == ResourceType.CLUSTER
                        && b.entry().operation() == AclOperation.IDEMPOTENT_WRITE);
    }

    @Test
    void shouldReadRatedChargesInInvoiceServicesOwnGroup() {
        assertThat(mayOnTopic(principals.invoice(), AclOperation.READ, "acme.rated-charges")).isTrue();
        assertThat(ServiceAcls.invoice(topics, principals.invoice(), "valora-invoice-service"))
                .anyMatch(b -> b.pattern().resourceType() == ResourceType.GROUP
                        && b.pattern().name().equals("valora-invoice-service"));
    }

    @Test
    void shouldNameUsersWithoutThePrincipalType() {
        assertThat(new ServicePrincipals("gw", "rt", "inv", "app", "grp").gateway()).isEqualTo("User:gw");
        assertThat(ServicePrincipals.userName("User:valora-gateway")).isEqualTo("valora-gateway");
    }
}
