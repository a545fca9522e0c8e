package io.valora.rating.app;

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

/**
 * The live queries' API keys, with the gateway's code ({@code api-auth}): keys from the compacted
 * {@code api-keys} topic, read by a consumer of its own from the beginning, and the optional
 * development key. The tenant of every query comes from here, never from the request.
 */
@ApplicationScoped
public class ApiKeys {

    /** Scopes that may read usage and running charges. */
    static final Set<String> READ_SCOPES = Set.of("read", "admin");

    private final boolean topicEnabled;
    private final ApiKeyTopicReader reader;
    private final ApiKeyAuthenticator authenticator;

    ApiKeys(RatingConfig config, KafkaClientConfig kafka) {
        RatingConfig.Auth auth = config.auth();
        this.topicEnabled = auth.topicEnabled();
        this.reader = new ApiKeyTopicReader(new ApiKeyTopicReader.Settings(kafka.operatorProperties(),
                new Topics(config.topics().prefix().orElse("")).apiKeysTopic(), "valora-rating-streams-api-keys",
                auth.topicPollInterval(), auth.topicPartitionRecheck()));
        Optional<DevKey> dev = auth.devKeyEnabled()
                ? Optional.of(new DevKey(auth.devKey().filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                        "valora.auth.dev-key-enabled=true needs a non-blank valora.auth.dev-key")), auth.devTenant(), Set.of("read")))
                : Optional.empty();
        this.authenticator = new ApiKeyAuthenticator(reader.registry(), dev);
    }

    void start(@Observes StartupEvent event) {
        if (topicEnabled) {
            reader.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        reader.close();
    }

    /** The caller of an {@code Authorization} header, if the key is known and active. */
    public Optional<Caller> authenticate(String authorizationHeader) {
        return authenticator.authenticate(authorizationHeader);
    }

    /** True once the {@code api-keys} topic was read to its end (or it is not read at all). */
    public boolean caughtUp() {
        return !topicEnabled || reader.caughtUp();
    }

    /** Keys currently active from the topic. */
    public int activeKeys() {
        return reader.registry().size();
    }
}
