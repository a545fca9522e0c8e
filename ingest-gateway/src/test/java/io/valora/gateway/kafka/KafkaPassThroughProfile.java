package io.valora.gateway.kafka;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.valora.testing.kafka.KafkaPassThrough;
import java.util.Map;

/**
 * {@code kafka.*} keys an operator of a secured cluster would set, chosen to be harmless against
 * the PLAINTEXT test broker: Kafka clients read {@code ssl.*} and {@code sasl.*} only when
 * {@code security.protocol} uses them, and the idle timeout only closes idle connections.
 */
public class KafkaPassThroughProfile implements QuarkusTestProfile {

    /** The keys as each client must receive them (without the {@code kafka.} prefix). */
    static final Map<String, Object> PASSED_THROUGH = KafkaPassThrough.PASSED_THROUGH;

    @Override
    public Map<String, String> getConfigOverrides() {
        return KafkaPassThrough.configOverrides(Map.of("kafka.linger.ms", "7"));
    }
}
