package io.valora.service.kafka;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

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
 *
 * <p>Refused for every client, as soon as this is built: {@code acks} other than {@code all},
 * {@code enable.idempotence} other than {@code true}, {@code isolation.level} other than
 * {@code read_committed}. Every Valora producer promises durable, single copies and every consumer
 * reads only committed transactions; the operator's map reaches all of them (and Kafka Streams), so
 * one weakened key would weaken some client, whichever service the file was written for.
 *
 * <p>Dropped from the operator's map, because Quarkus puts them there without their being client
 * settings: {@code streams.*} (Quarkus turns every config name starting with {@code kafka} into a
 * key, so {@code kafka-streams.state.dir} arrives as {@code streams.state.dir}) and {@code group.id}
 * (Quarkus fills it with {@code quarkus.application.name}; Valora names each group itself).
 * {@code client.id} is replaced by each client's own id. {@code tls-configuration-name} is kept:
 * Quarkus' {@code ssl.engine.factory.class} for the TLS registry reads it from the client's map.
 */
public final class KafkaClientConfig {

    /** What every Valora client guarantees; an operator value that differs is refused for all of them. */
    static final Map<String, String> GUARANTEES = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");

    private final Map<String, Object> operator;

    /**
     * @param operator the operator's client properties (the {@code kafka.*} keys without the prefix)
     * @throws IllegalStateException if it weakens one of the {@linkplain #GUARANTEES guarantees}
     */
    public KafkaClientConfig(Map<String, ?> operator) {
        Map<String, Object> copy = new HashMap<>();
        operator.forEach((k, v) -> {
            if (v != null && !String.valueOf(v).isEmpty() && isClientKey(k)) {
                copy.put(k, v);
            }
        });
        GUARANTEES.forEach((key, value) -> refuseIfDifferent("This service (every Kafka client of it)", copy.get(key), key, value));
        this.operator = Map.copyOf(copy);
    }

    /** Only {@code bootstrap.servers}: for tools and tests that reach a plain local broker. */
    public static KafkaClientConfig bootstrapOnly(String bootstrapServers) {
        return new KafkaClientConfig(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The operator's properties as kept (junk keys dropped; no defaults, nothing required). */
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
        Objects.requireNonNull(clientId, "clientId");
        Map<String, Object> result = new LinkedHashMap<>(defaults);
        result.putAll(operator);
        result.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        for (Map.Entry<String, ?> r : required.entrySet()) {
            if (r.getValue() == null) {
                result.remove(r.getKey());
            } else {
                refuseIfDifferent("Kafka client '" + clientId + "'", operator.get(r.getKey()), r.getKey(), r.getValue());
                result.put(r.getKey(), r.getValue());
            }
        }
        return result;
    }

    /** A producer that only writes what the broker acknowledged on every in-sync replica, once. */
    public Map<String, Object> durableProducer(String clientId, Map<String, ?> defaults, Map<String, ?> required) {
        Map<String, Object> all = new LinkedHashMap<>(required);
        all.put(ProducerConfig.ACKS_CONFIG, GUARANTEES.get(ProducerConfig.ACKS_CONFIG));
        all.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, GUARANTEES.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        return client(clientId, defaults, all);
    }

    /** A consumer that sees only committed transactions (the exactly-once topology's and the outbox's output). */
    public Map<String, Object> committedReader(String clientId, Map<String, ?> defaults, Map<String, ?> required) {
        Map<String, Object> all = new LinkedHashMap<>(required);
        all.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, GUARANTEES.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG));
        return client(clientId, defaults, all);
    }

    /** A plain admin client (topic checks and creation): the operator's keys and its client id. */
    public Map<String, Object> admin(String clientId, Map<String, ?> defaults) {
        return client(clientId, defaults, Map.of());
    }

    private static boolean isClientKey(String key) {
        return !key.startsWith("streams.") && !key.equals(ConsumerConfig.GROUP_ID_CONFIG);
    }

    private static void refuseIfDifferent(String who, Object given, String key, Object required) {
        if (given != null && !sameValue(given, required)) {
            throw new IllegalStateException(who + " refuses kafka." + key + "=" + given + ": it needs " + key + "=" + required
                    + " (remove the setting, or set it to that value)");
        }
    }

    private static boolean sameValue(Object given, Object required) {
        String a = String.valueOf(given).strip();
        String b = String.valueOf(required).strip();
        return a.equalsIgnoreCase(b) || ("all".equals(b) && "-1".equals(a));
    }
}
