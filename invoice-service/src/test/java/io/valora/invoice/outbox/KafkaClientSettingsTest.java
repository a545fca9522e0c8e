package io.valora.invoice.outbox;

import io.valora.testing.kafka.KafkaPassThrough;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.valora.auth.Scope;
import io.valora.invoice.charges.ConsumerSettings;
import io.valora.invoice.keys.ApiKeyService;
import io.valora.invoice.keys.NewKey;
import io.valora.invoice.support.ApiKeyTopic;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.invoice.support.TestClock;
import io.valora.invoice.tenancy.TenantStore;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every Kafka client invoice-service builds (the rated-charge consumer, the outbox producer and
 * its admin client) takes the operator's {@code kafka.*} keys: settings harmless against the
 * PLAINTEXT test broker (TLS and SASL keys are read only when the protocol uses them) reach each
 * client's exact properties, and the clients still work.
 */
@QuarkusTest
@TestProfile(KafkaClientSettingsTest.PassThrough.class)
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class KafkaClientSettingsTest {

    static final Map<String, Object> PASSED_THROUGH = KafkaPassThrough.PASSED_THROUGH;

    /** The pass-through keys, plus an operator value for a default of the consumer. */
    public static class PassThrough implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return KafkaPassThrough.configOverrides(Map.of("kafka.max.poll.records", "250"));
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ConsumerSettings consumer;

    @Inject
    OutboxPublisher outbox;

    @Inject
    ApiKeyService keys;

    @Inject
    TenantStore tenants;

    @Test
    void theRatedChargeConsumerIsBuiltWithTheOperatorKeysUnderItsRequiredSettings() {
        assertThat(consumer.properties()).containsAllEntriesOf(PASSED_THROUGH)
                .containsEntry("max.poll.records", "250")
                .containsEntry("group.id", "valora-invoice-service")
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("enable.auto.commit", "false");
    }

    @Test
    void theOutboxProducerAndAdminAreBuiltWithTheOperatorKeysAndStillPublish() {
        assertThat(outbox.producerProperties()).containsAllEntriesOf(PASSED_THROUGH)
                .containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
                .containsEntry("client.id", "valora-invoice-service-outbox");
        assertThat(outbox.adminProperties()).containsAllEntriesOf(PASSED_THROUGH)
                .containsEntry("client.id", "valora-invoice-service-outbox-admin");

        tenants.ensure("pass-through-co", "Pass-through", TestClock.NOW);
        NewKey key = keys.create("pass-through-co", "relayed", EnumSet.of(Scope.READ));
        ApiKeyTopic.awaitLatest(bootstrapServers, key.stored().keyHash(), k -> !k.getRevoked());
    }
}
