package io.valora.deploy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Kafka client keys as the {@code KAFKA_*} environment variables a Valora service reads, and back. The way back is
 * the one Quarkus' {@code KafkaRuntimeConfigProducer} takes (strip {@code KAFKA_}, lower-case, {@code _} to
 * {@code .}), so a test that connects a plain client with {@link #clientProperties} uses exactly the keys a
 * service started with {@link #of} would get.
 */
final class KafkaEnv {

    private static final String PREFIX = "KAFKA_";

    private KafkaEnv() {
    }

    /** {@code ssl.truststore.location} becomes {@code KAFKA_SSL_TRUSTSTORE_LOCATION}. */
    static Map<String, String> of(Map<String, String> clientKeys) {
        Map<String, String> env = new LinkedHashMap<>();
        clientKeys.forEach((key, value) -> {
            if (key.contains("_")) {
                throw new IllegalArgumentException(key + " has no KAFKA_* form: '_' would come back as '.'");
            }
            env.put(PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_'), value);
        });
        return env;
    }

    /** The client keys a service gets from these variables (others are ignored). */
    static Map<String, Object> clientProperties(Map<String, String> env) {
        Map<String, Object> keys = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                keys.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return keys;
    }
}
