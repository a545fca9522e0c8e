package io.valora.invoice.charges;

import io.valora.schemas.RatedCharge;
import io.valora.schemas.Topic;
import io.valora.schemas.Topics;
import io.valora.service.kafka.KafkaClientConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the rated-charge consumer connects: the operator's {@code kafka.*} keys, the topic, the
 * group, and the settings its delivery guarantee rests on.
 *
 * <p>Why it exists: the consumer's guarantees live in a few settings (read only committed
 * transactions of the exactly-once topology, commit offsets by hand after the database commit),
 * so they are layered over the operator's configuration in one place, and a configuration that
 * contradicts them is refused when the consumer is built at start-up.
 */
@ApplicationScoped
public class ConsumerSettings {

    private final Topic<String, RatedCharge> topic;
    private final Map<String, Object> properties;

    ConsumerSettings(KafkaClientConfig kafka,
                     @ConfigProperty(name = "valora.topics.prefix") Optional<String> topicPrefix,
                     @ConfigProperty(name = "valora.consumer.group-id", defaultValue = "valora-invoice-service") String groupId) {
        this.topic = new Topics(topicPrefix.orElse("")).ratedChargesTopic();
        this.properties = properties(kafka, groupId);
    }

    /**
     * The consumer's properties. Required (an operator value that differs is refused):
     * {@code isolation.level=read_committed}, {@code enable.auto.commit=false} and the group from
     * {@code valora.consumer.group-id}. Defaults the operator may change: {@code auto.offset.reset=earliest}
     * (a new group reads every charge), {@code max.poll.records=500}.
     *
     * @throws IllegalStateException naming the refused key
     */
    static Map<String, Object> properties(KafkaClientConfig kafka, String groupId) {
        return kafka.committedReader(groupId + "-rated-charges",
                Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500"),
                Map.of(ConsumerConfig.GROUP_ID_CONFIG, groupId,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
    }

    /** The topic to read (prefix + {@code rated-charges}) and its serdes. */
    public Topic<String, RatedCharge> topic() {
        return topic;
    }

    /** The exact properties the consumer is built with; values are decoded per record ({@link ChargeBatch}). */
    public Map<String, Object> properties() {
        return properties;
    }
}
