package io.valora.gateway.publish;

import io.valora.service.kafka.KafkaClientConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Builds a {@link UsagePublisher} outside CDI, for tests that need one against a given broker. */
public final class UsagePublishers {

    private UsagePublishers() {
    }

    public static UsagePublisher create(String bootstrapServers, Duration timeout) {
        return new UsagePublisher(KafkaClientConfig.bootstrapOnly(bootstrapServers), Optional.empty(), timeout);
    }

    /** The exact properties the publisher's producer was built with. */
    public static Map<String, Object> properties(UsagePublisher publisher) {
        return publisher.producerProperties();
    }

    public static void close(UsagePublisher publisher) {
        publisher.close(null);
    }
}
