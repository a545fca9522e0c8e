package io.valora.service.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * The start-up check of the Kafka topics ({@code valora.kafka.*}), a mapping of its own so that a
 * service whose own configuration maps all of {@code valora.*} still accepts these keys.
 */
@ConfigMapping(prefix = "valora.kafka")
public interface KafkaCheckSettings {

    /** {@code enforce} (stop the service on an unsafe topic or refused credentials) or {@code off}. */
    @WithDefault("enforce")
    String startupCheck();

    /** The topics the service needs, without the prefix. */
    Optional<List<String>> requiredTopics();
}
