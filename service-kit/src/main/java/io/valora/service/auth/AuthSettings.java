package io.valora.service.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How a service authenticates ({@code valora.auth.*}; every knob in the module READMEs). Keys come
 * from {@link #keySource()}: the compacted {@code api-keys} topic (gateway, rating-streams) or the
 * service's own database (invoice-service, which writes them); optionally one development key.
 */
@ConfigMapping(prefix = "valora.auth")
public interface AuthSettings {

    /** Where API keys are looked up: {@code topic} or {@code database}. A build-time choice. */
    @WithDefault("topic")
    String keySource();

    /** With {@code key-source=topic}: read the {@code api-keys} topic. Off only for tools without a broker. */
    @WithDefault("true")
    boolean topicEnabled();

    /** How long one poll of the {@code api-keys} topic waits; bounds how late a revocation is seen. */
    @WithDefault("500ms")
    Duration topicPollInterval();

    /** How often the {@code api-keys} partitions are listed again; partitions added later are read within it. */
    @WithDefault("10s")
    Duration topicPartitionRecheck();

    /**
     * The development key clients send as {@code Authorization: Bearer <key>}; only its hash is kept.
     * Empty = off, which is the default: only the launcher's {@code local} profile (and dev/test) set
     * it, and the {@code prod} profile refuses to start with one ({@link DevKeyGuard}).
     */
    Optional<String> devKey();

    /** The tenant the development key acts for. */
    @WithDefault("demo")
    String devTenant();

    /** The scopes the development key grants in this service (ingest in the gateway, read in rating, all in invoice-service). */
    Set<String> devKeyScopes();

    /** Path prefix whose Bearer credential is the operator token, not an API key (invoice-service: /v1/operator). */
    Optional<String> operatorPath();
}
