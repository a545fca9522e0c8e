package io.valora.service.auth;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.valora.auth.ApiKeyRegistry;
import io.valora.auth.ApiKeyTopicReader;
import io.valora.schemas.Topics;
import io.valora.service.kafka.KafkaClientConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The {@code api-keys} topic in a service that takes keys from it ({@code valora.auth.key-source=topic}):
 * the shared {@link ApiKeyTopicReader}, started with the application and closed at shutdown.
 * Everything that decides who a key belongs to lives in {@code api-auth}; only the Quarkus
 * lifecycle and configuration are here.
 */
@ApplicationScoped
@IfBuildProperty(name = "valora.auth.key-source", stringValue = "topic", enableIfMissing = true)
public class TopicApiKeys {

    private static final Logger LOG = Logger.getLogger(TopicApiKeys.class);

    private final boolean enabled;
    private final ApiKeyTopicReader reader;

    TopicApiKeys(AuthSettings settings, KafkaClientConfig kafka,
            @ConfigProperty(name = "valora.topics.prefix") Optional<String> topicPrefix,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.enabled = settings.topicEnabled();
        this.reader = new ApiKeyTopicReader(new ApiKeyTopicReader.Settings(kafka.operatorProperties(),
                new Topics(topicPrefix.orElse("")).apiKeysTopic(), application + "-api-keys", settings.topicPollInterval(),
                settings.topicPartitionRecheck()));
    }

    /** Exactly what the reader's consumer is built with (the service's kafka.* keys under the reader's own). */
    public java.util.Map<String, Object> consumerProperties() {
        return reader.consumerProperties();
    }

    /** The keys read so far. */
    public ApiKeyRegistry registry() {
        return reader.registry();
    }

    /** True once the topic was read to the end offsets seen at start (or reading is disabled). */
    public boolean caughtUp() {
        return !enabled || reader.caughtUp();
    }

    /** Why the reader stopped, while it is stopped: then no key from the topic may be accepted. */
    public Optional<String> failure() {
        return enabled ? reader.failure() : Optional.empty();
    }

    /** Records skipped because they could not be read. */
    public long skippedRecords() {
        return reader.skippedRecords();
    }

    /** The reader itself, for fault-injection tests of the fail-closed path. */
    public ApiKeyTopicReader reader() {
        return reader;
    }

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            LOG.warn("API keys from the api-keys topic are disabled (valora.auth.topic-enabled=false)");
            return;
        }
        reader.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        reader.close();
    }
}
