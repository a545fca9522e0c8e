package io.valora.auth;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The consumer properties of an {@link ApiKeyTopicReader}: the service's own with the reader's on
 * top. A rule of its own because a service must fail at start-up, with a message naming the key,
 * when its configuration contradicts what the reader needs.
 */
final class ReaderConsumerProperties {

    private ReaderConsumerProperties() {
    }

    /**
     * The service's properties with the reader's own on top. Refused when set otherwise:
     * {@code isolation.level=read_committed} (keys written by a transactional outbox appear only
     * once committed) and {@code enable.auto.commit=false} (nothing is committed: there is no
     * group). Set regardless of the service's values, because the reader's design decides them:
     * no {@code group.id}, {@code auto.offset.reset=earliest}, the client id, and
     * {@code metadata.max.age.ms} = the partition re-check (so added partitions are seen in time).
     *
     * @throws IllegalStateException naming the key and the value the reader needs
     */
    static Map<String, Object> of(ApiKeyTopicReader.Settings settings) {
        Map<String, Object> required = Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Object> props = new HashMap<>(settings.clientProperties());
        required.forEach((key, value) -> {
            Object given = props.get(key);
            if (given != null && !String.valueOf(given).strip().equalsIgnoreCase(String.valueOf(value))) {
                throw new IllegalStateException("The api-keys reader '" + settings.clientId() + "' refuses " + key + "=" + given
                        + ": it needs " + key + "=" + value + " (remove the setting, or set it to that value)");
            }
        });
        props.putAll(required);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) settings.partitionRecheck().toMillis());
        return Map.copyOf(props);
    }
}
