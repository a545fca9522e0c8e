package io.valora.rating.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams.State;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The readiness answer for every Kafka Streams state, and after a thread died. */
class KafkaStreamsReadinessTest {

    @ParameterizedTest
    @EnumSource(State.class)
    void isUpOnlyWhileRunningOrRebalancingAndNamesTheState(State state) {
        HealthCheckResponse answer = KafkaStreamsReadiness.of(state, Optional.empty());

        boolean up = state == State.RUNNING || state == State.REBALANCING;
        assertThat(answer.getStatus()).isEqualTo(up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN);
        assertThat(answer.getName()).isEqualTo("kafka-streams-state");
        assertThat(answer.getData().orElseThrow()).containsEntry("state", state.name());
    }

    @Test
    void isDownWithTheReasonOnceAStreamThreadDied() {
        HealthCheckResponse answer = KafkaStreamsReadiness.of(State.RUNNING,
                Optional.of(new ArithmeticException("BigInteger out of long range")));

        assertThat(answer.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(answer.getData().orElseThrow().get("reason").toString())
                .contains("thread died", "java.lang.ArithmeticException", "BigInteger out of long range");
    }
}
