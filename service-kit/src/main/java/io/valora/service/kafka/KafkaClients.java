package io.valora.service.kafka;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Hands every bean of a service the same {@link KafkaClientConfig}, built from Quarkus'
 * {@code default-kafka-broker} map (every {@code kafka.*} config name and {@code KAFKA_*}
 * environment variable, prefix removed).
 *
 * <p>Why it exists: so no bean reads a single Kafka key by hand, and so a weakened guarantee
 * ({@code kafka.acks=1}, ...) stops the service at start-up (the bean is {@link Startup}) even in a
 * service whose clients are all built later or by Quarkus itself (Kafka Streams).
 */
@Startup
@ApplicationScoped
public class KafkaClients {

    private final KafkaClientConfig config;

    KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.config = new KafkaClientConfig(broker);
    }

    @Produces
    @Singleton
    KafkaClientConfig kafkaClientConfig() {
        return config;
    }
}
