package io.valora.testing.kafka;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code kafka.*} keys an operator of a secured cluster would set, chosen to be harmless against
 * the PLAINTEXT test broker (Kafka clients read {@code ssl.*} and {@code sasl.*} only when
 * {@code security.protocol} uses them; the idle timeout only closes idle connections). Each
 * service's {@code KafkaClientSettingsTest} sets them and finds them in every client it builds.
 */
public final class KafkaPassThrough {

    /** The keys as each client must receive them (without the {@code kafka.} prefix). */
    public static final Map<String, Object> PASSED_THROUGH = Map.of(
            "security.protocol", "PLAINTEXT",
            "ssl.truststore.location", "/nonexistent/truststore.p12",
            "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";",
            "connections.max.idle.ms", "543210");

    private KafkaPassThrough() {
    }

    /** {@link #PASSED_THROUGH} as configuration ({@code kafka.<key>}), plus a service's own {@code extra} entries. */
    public static Map<String, String> configOverrides(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>();
        PASSED_THROUGH.forEach((key, value) -> config.put("kafka." + key, value.toString()));
        config.putAll(extra);
        return config;
    }
}
