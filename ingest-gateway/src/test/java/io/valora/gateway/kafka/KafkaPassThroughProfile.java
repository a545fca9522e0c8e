package io.valora.gateway.kafka;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code kafka.*} keys an operator of a secured cluster would set, chosen to be harmless against
 * the PLAINTEXT test broker: Kafka clients read {@code ssl.*} and {@code sasl.*} only when
 * {@code security.protocol} uses them, and the idle timeout only closes idle connections.
 */
public class KafkaPassThroughProfile implements QuarkusTestProfile {

    /** The keys as each client must receive them (without the {@code kafka.} prefix). */
    static final Map<String, Object> PASSED_THROUGH = Map.of(
            "security.protocol", "PLAINTEXT",
            "ssl.truststore.location", "/nonexistent/truststore.p12",
            "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";",
            "connections.max.idle.ms", "543210");

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        PASSED_THROUGH.forEach((key, value) -> config.put("kafka." + key, value.toString()));
        config.put("kafka.linger.ms", "7");
        return config;
    }
}
