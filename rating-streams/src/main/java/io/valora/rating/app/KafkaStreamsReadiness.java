package io.valora.rating.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@value #NAME}: UP only while Kafka Streams is {@code RUNNING} or {@code REBALANCING}, and
 * never once a stream thread died; the answer names the state (and the exception, when one killed a
 * thread).
 *
 * <p>Why: Quarkus' own state check is a liveness check, so an instance whose rating had stopped
 * (state {@code ERROR}) kept answering ready and kept receiving live queries it could not answer.
 */
@Readiness
@ApplicationScoped
public class KafkaStreamsReadiness implements HealthCheck {

    /** The check's name in {@code /q/health/ready}. */
    public static final String NAME = "kafka-streams-state";

    private final KafkaStreams streams;
    private final StreamThreadFailures failures;

    KafkaStreamsReadiness(KafkaStreams streams, StreamThreadFailures failures) {
        this.streams = streams;
        this.failures = failures;
    }

    @Override
    public HealthCheckResponse call() {
        return of(streams.state(), failures.died());
    }

    /** The answer for a state and, when a thread died, its exception. */
    static HealthCheckResponse of(KafkaStreams.State state, Optional<Throwable> died) {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(NAME).withData("state", state.name());
        if (died.isPresent()) {
            Throwable e = died.get();
            return answer.down().withData("reason", "a Kafka Streams thread died: " + e.getClass().getName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())).build();
        }
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return up ? answer.up().build()
                : answer.down().withData("reason", "Kafka Streams is " + state + ", not RUNNING or REBALANCING").build();
    }
}
