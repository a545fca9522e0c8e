package io.valora.service.kafka;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The one path by which every Kafka client of a Valora service gets its properties: the operator's
 * {@code kafka.*} configuration (Quarkus' {@code default-kafka-broker} map, which also takes
 * environment variables such as {@code KAFKA_SECURITY_PROTOCOL} or {@code KAFKA_SASL_JAAS_CONFIG}),
 * under it the client's tuned defaults, over it the settings the client cannot work without.
 *
 * <p>It exists so that a secured cluster (TLS, SASL, mutual TLS) is reached by every client through
 * the standard Kafka keys, and so that a setting that would break a guarantee (for instance
 * {@code acks=1} on a producer whose 202 promises durability) is refused at start-up with a message,
 * instead of being silently overridden or silently obeyed.
 *
 * <p>Layering, lowest first: {@code defaults} (tuning the operator may change), the operator's
 * {@code kafka.*} keys, the client id, then {@code required}. A {@code required} key the operator
 * also set to another value fails with {@link IllegalStateException}; a {@code required} key whose
 * value is {@code null} is removed (e.g. no {@code group.id} for a reader that assigns partitions).
 */
public final class KafkaClientConfig {

    /** Keys of the {@code default-kafka-broker} map that are no client property. */
    private static final String[] NOT_CLIENT_KEYS = {"tls-configuration-name"};

    private final Map<String, Object> operator;

    /** @param operator the operator's client properties (the {@code kafka.*} keys without the prefix) */
    public KafkaClientConfig(Map<String, ?> operator) {
        Map<String, Object> copy = new HashMap<>();
        operator.forEach((k, v) -> {
            if (v != null && !String.valueOf(v).isEmpty()) {
                copy.put(k, v);
            }
        });
        for (String key : NOT_CLIENT_KEYS) {
            copy.remove(key);
        }
        this.operator = Map.copyOf(copy);
    }

    /** Only {@code bootstrap.servers}: for tools and tests that reach a plain local broker. */
    public static KafkaClientConfig bootstrapOnly(String bootstrapServers) {
        return new KafkaClientConfig(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The operator's properties as given (no defaults, nothing required). */
    public Map<String, Object> operatorProperties() {
        return operator;
    }

    /**
     * The properties of one client.
     *
     * @param clientId the client's id (Valora names its clients; an operator's {@code client.id} is ignored)
     * @param defaults tuning the operator may override
     * @param required settings the client's guarantees rest on; an operator value that differs is refused
     * @throws IllegalStateException naming the key, the value given and the value required
     */
    public Map<String, Object> client(String clientId, Map<String, ?> defaults, Map<String, ?> required) {
        Map<String, Object> result = new LinkedHashMap<>(defaults);
        result.putAll(operator);
        result.put(CommonClientConfigs.CLIENT_ID_CONFIG, Objects.requireNonNull(clientId, "clientId"));
        for (Map.Entry<String, ?> r : required.entrySet()) {
            Object given = operator.get(r.getKey());
            if (r.getValue() == null) {
                result.remove(r.getKey());
                continue;
            }
            if (given != null && !sameValue(given, r.getValue())) {
                throw new IllegalStateException("Kafka client '" + clientId + "' refuses kafka." + r.getKey() + "=" + given
                        + ": it needs " + r.getKey() + "=" + r.getValue()
                        + " (remove the setting, or set it to that value)");
            }
            result.put(r.getKey(), r.getValue());
        }
        return result;
    }

    /** A producer that only writes what the broker acknowledged on every in-sync replica, once. */
    public Map<String, Object> durableProducer(String clientId, Map<String, ?> defaults, Map<String, ?> required) {
        Map<String, Object> all = new LinkedHashMap<>(required);
        all.put("acks", "all");
        all.put("enable.idempotence", "true");
        return client(clientId, defaults, all);
    }

    /** A consumer that sees only committed transactions (the exactly-once topology's and the outbox's output). */
    public Map<String, Object> committedReader(String clientId, Map<String, ?> defaults, Map<String, ?> required) {
        Map<String, Object> all = new LinkedHashMap<>(required);
        all.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return client(clientId, defaults, all);
    }

    private static boolean sameValue(Object given, Object required) {
        String a = String.valueOf(given).strip();
        String b = String.valueOf(required).strip();
        return a.equalsIgnoreCase(b) || ("all".equals(b) && "-1".equals(a));
    }
}
