package io.valora.gateway.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How the gateway learns API keys ({@code valora.auth.*}): from the compacted {@code api-keys}
 * topic that invoice-service writes (the real path), and optionally from one configured
 * development key so a laptop install and the end-to-end test work before any key exists.
 */
@ConfigMapping(prefix = "valora.auth")
public interface AuthConfig {

    /** Read keys from the {@code api-keys} topic. Off only for tools that run without a broker. */
    @WithDefault("true")
    boolean topicEnabled();

    /** How long one poll of the {@code api-keys} topic waits; bounds how late a revocation is seen. */
    @WithDefault("500ms")
    Duration topicPollInterval();

    /** How often the {@code api-keys} partitions are listed again; partitions added later are read within it. */
    @WithDefault("10s")
    Duration topicPartitionRecheck();

    /** Accept the configured development key. Turn off in production once real keys exist. */
    @WithDefault("true")
    boolean devKeyEnabled();

    /** The development key clients send as {@code Authorization: Bearer <key>}; only its hash is kept. */
    Optional<String> devKey();

    /** The tenant the development key acts for. */
    @WithDefault("demo")
    String devTenant();
}
