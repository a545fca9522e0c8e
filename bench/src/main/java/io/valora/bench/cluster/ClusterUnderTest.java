package io.valora.bench.cluster;

import io.valora.bench.ClientProperties;
import io.valora.deploy.topics.TopicRegistry;
import java.util.List;
import java.util.Map;

/**
 * One of the Kafka clusters {@link ClusterComparison} measures, started and provisioned (topics, and on the
 * secured one users and ACLs), with what the benchmark and the services need to connect to it. Exists so the
 * comparison runs the same phases on each cluster without knowing how each is secured.
 */
interface ClusterUnderTest extends AutoCloseable {

    /** The name in the {@code BENCH cluster.<name>.*} lines, e.g. {@code plain1}. */
    String name();

    /** Every broker process, for CPU sampling. */
    List<Long> brokerPids();

    /** The topics as provisioned (their replication is what the services' internal topics must match). */
    TopicRegistry registry();

    /** How the benchmark's own clients connect: a principal that may write every topic and read the charges. */
    ClientProperties benchClient();

    /** How a producer connects as the gateway does: the gateway's own principal and settings. */
    ClientProperties gatewayClient();

    /** The {@code KAFKA_*} environment of {@code module} ({@code ingest-gateway}, {@code rating-streams}). */
    Map<String, String> serviceEnv(String module);

    /** Stops every broker. Idempotent. */
    @Override
    void close();
}
