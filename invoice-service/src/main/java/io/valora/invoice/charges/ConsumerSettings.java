package io.valora.invoice.charges;

import io.valora.schemas.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the rated-charge consumer connects: broker, topic and group, from configuration.
 *
 * <p>Why it exists: the consumer's delivery guarantees live in these few settings (read only
 * committed transactions of the exactly-once topology, commit offsets by hand after the
 * database commit, start from the beginning for a new group), so they are kept in one place.
 */
@ApplicationScoped
public class ConsumerSettings {

    private final String bootstrapServers;
    private final Topics topics;
    private final String groupId;
    private final Duration sessionTimeout;

    ConsumerSettings(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                     @ConfigProperty(name = "valora.topics.prefix") Optional<String> topicPrefix,
                     @ConfigProperty(name = "valora.consumer.group-id", defaultValue = "valora-invoice-service") String groupId,
                     @ConfigProperty(name = "valora.consumer.session-timeout", defaultValue = "45s") Duration sessionTimeout) {
        this.bootstrapServers = bootstrapServers;
        this.topics = new Topics(topicPrefix.orElse(""));
        this.groupId = groupId;
        this.sessionTimeout = sessionTimeout;
    }

    /** The topic to read: prefix + {@code rated-charges}. */
    public String topic() {
        return topics.ratedCharges();
    }

    /** Consumer properties; keys and values are read as strings and raw bytes (values decoded per record). */
    public Properties properties() {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-rated-charges",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500",
                // How long a killed instance holds its partitions before the group moves them on.
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(sessionTimeout.toMillis())));
        return props;
    }
}
