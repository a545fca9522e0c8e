package io.valora.bench.cluster;

import io.valora.bench.ClientProperties;
import io.valora.deploy.KafkaConfig;
import io.valora.deploy.KafkaProcess;
import io.valora.deploy.RuntimeClasspath;
import io.valora.deploy.topics.TopicRegistry;
import io.valora.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One plaintext KRaft broker with replication 1, as {@code ./valora stack} runs it: the baseline of the comparison. */
final class SingleBroker implements ClusterUnderTest {

    private final KafkaProcess kafka;
    private final TopicRegistry registry;

    private SingleBroker(KafkaProcess kafka, TopicRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    static SingleBroker start(Path dir, RuntimeClasspath classpath, Topics topics, int partitions, Duration timeout) {
        int port = Ports.free();
        KafkaConfig config = new KafkaConfig(dir.resolve("kafka"), dir.resolve("logs"), port, Ports.freeExcept(port),
                KafkaConfig.DEFAULT_JVM_OPTIONS);
        KafkaProcess kafka = KafkaProcess.start(config, classpath, timeout);
        try {
            TopicRegistry registry = TopicRegistry.local(topics, partitions);
            Provisioning.topics(ClientProperties.plaintext(kafka.bootstrapServers()), registry);
            return new SingleBroker(kafka, registry);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "plain1";
    }

    @Override
    public List<Long> brokerPids() {
        return List.of(kafka.pid());
    }

    @Override
    public TopicRegistry registry() {
        return registry;
    }

    @Override
    public ClientProperties benchClient() {
        return ClientProperties.plaintext(kafka.bootstrapServers());
    }

    @Override
    public ClientProperties gatewayClient() {
        return benchClient();
    }

    @Override
    public Map<String, String> serviceEnv(String module) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    }

    @Override
    public void close() {
        kafka.close();
    }
}
