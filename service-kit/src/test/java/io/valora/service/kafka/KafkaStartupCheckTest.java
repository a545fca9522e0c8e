package io.valora.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.Test;

class KafkaStartupCheckTest {

    private static final Node A = new Node(1, "a", 9092);
    private static final Node B = new Node(2, "b", 9092);
    private static final Node C = new Node(3, "c", 9092);

    @Test
    void aSingleReplicaOrAMinimumInSyncOfOneIsRefusedByName() {
        Map<String, TopicDescription> topics = Map.of(
                "usage-events", topic("usage-events", List.of(A, B, C)),
                "api-keys", topic("api-keys", List.of(A)));

        assertThat(KafkaStartupCheck.problems(topics, Map.of("usage-events", 1, "api-keys", 2)))
                .containsExactlyInAnyOrder("api-keys has 1 replica(s)", "usage-events has min.insync.replicas=1");
    }

    @Test
    void threeReplicasWithTwoInSyncPass() {
        assertThat(KafkaStartupCheck.problems(Map.of("usage-events", topic("usage-events", List.of(A, B, C))),
                Map.of("usage-events", 2))).isEmpty();
    }

    @Test
    void aRefusedTlsHandshakeNamesTheTruststoreAndTheClientCertificate() {
        assertThat(KafkaStartupCheck.refused(new SslAuthenticationException("Failed to process post-handshake messages")))
                .hasMessageContaining("the TLS handshake failed (SslAuthenticationException: Failed to process post-handshake messages)")
                .hasMessageContaining("kafka.ssl.truststore.*").hasMessageContaining("kafka.ssl.keystore.*");
    }

    @Test
    void aRefusedPasswordNamesTheSaslException() {
        assertThat(KafkaStartupCheck.refused(new SaslAuthenticationException("Authentication failed: Invalid username or password")))
                .hasMessageContaining("credentials or certificate: SaslAuthenticationException: Authentication failed")
                .hasMessageContaining("kafka.sasl.jaas.config");
    }

    private static TopicDescription topic(String name, List<Node> replicas) {
        return new TopicDescription(name, false, List.of(new TopicPartitionInfo(0, replicas.get(0), replicas, replicas)));
    }
}
