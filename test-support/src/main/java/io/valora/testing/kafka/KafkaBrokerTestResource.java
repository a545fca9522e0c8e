package io.valora.testing.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Arrays;
import java.util.Map;

/**
 * Quarkus test resource: starts (or joins) the shared real broker before the application boots
 * and points {@code kafka.bootstrap.servers} at it.
 *
 * <p>Init arg {@code topics}: comma-separated topics to create first (init arg
 * {@code partitions}, default 3), for applications that do not create their own.
 */
public final class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private Map<String, String> args = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        EmbeddedKafkaBroker broker = SharedKafkaBroker.acquire();
        String topics = args.getOrDefault("topics", "");
        if (!topics.isBlank()) {
            broker.createTopics(Integer.parseInt(args.getOrDefault("partitions", "3")),
                    Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList());
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        SharedKafkaBroker.release();
    }
}
