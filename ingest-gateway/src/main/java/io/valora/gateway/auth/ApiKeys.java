package io.valora.gateway.auth;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.valora.auth.ApiKeyAuthenticator;
import io.valora.auth.ApiKeyTopicReader;
import io.valora.auth.Caller;
import io.valora.auth.DevKey;
import io.valora.schemas.Topics;
import io.valora.service.kafka.KafkaClientConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The gateway's wiring of the shared {@code api-auth} module: builds the {@link ApiKeyTopicReader}
 * and the {@link ApiKeyAuthenticator} from {@code valora.auth.*}, starts the reader with the
 * application and closes it on shutdown. Everything that decides who a key belongs to lives in
 * {@code io.valora.auth}; only the Quarkus lifecycle and configuration are here.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final AuthConfig config;
    private final ApiKeyTopicReader reader;
    private final ApiKeyAuthenticator authenticator;

    ApiKeys(AuthConfig config, KafkaClientConfig kafka,
            @ConfigProperty(name = "valora.topics.prefix") Optional<String> topicPrefix) {
        this.config = config;
        this.reader = new ApiKeyTopicReader(new ApiKeyTopicReader.Settings(kafka.operatorProperties(),
                new Topics(topicPrefix.orElse("")).apiKeysTopic(), "valora-ingest-gateway-api-keys", config.topicPollInterval(),
                config.topicPartitionRecheck()));
        Optional<DevKey> devKey = Optional.empty();
        if (config.devKeyEnabled()) {
            String key = config.devKey().orElseThrow(() -> new IllegalStateException(
                    "valora.auth.dev-key-enabled=true needs valora.auth.dev-key"));
            devKey = Optional.of(new DevKey(key, config.devTenant(), Set.of(Caller.INGEST)));
            LOG.warnf("The development API key is enabled for tenant %s; set valora.auth.dev-key-enabled=false in production",
                    config.devTenant());
        }
        this.authenticator = new ApiKeyAuthenticator(reader.registry(), devKey);
    }

    /** The caller for an {@code Authorization} header value, or empty if it is missing or unknown. */
    public Optional<Caller> authenticate(String authorizationHeader) {
        return authenticator.authenticate(authorizationHeader);
    }

    /** True once the topic was read to the end offsets seen at start (or reading is disabled). */
    public boolean caughtUp() {
        return !config.topicEnabled() || reader.caughtUp();
    }

    /** How many topic keys are active. */
    public int activeKeys() {
        return reader.registry().size();
    }

    void start(@Observes StartupEvent startup) {
        if (!config.topicEnabled()) {
            LOG.warn("API keys from the api-keys topic are disabled (valora.auth.topic-enabled=false)");
            return;
        }
        reader.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        reader.close();
    }
}
