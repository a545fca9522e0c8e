package io.valora.invoice.support;

import io.valora.schemas.ChargeKey;
import io.valora.schemas.RatedCharge;
import io.valora.schemas.codec.RecordSerde;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * The {@code rated-charges} topic from a test's side: publish records the way rating-streams
 * does (same key, same serde) and wait until the service's consumer group has committed past
 * everything published.
 */
public final class RatedChargeTopic implements AutoCloseable {

    public static final String TOPIC = "rated-charges";
    private static final String GROUP = "valora-invoice-service";

    private final String topic;
    private final String group;
    private final KafkaProducer<String, byte[]> producer;
    private final org.apache.kafka.common.serialization.Serializer<RatedCharge> serializer =
            RecordSerde.singleObject(RatedCharge.class).serializer();
    private final Admin admin;

    public RatedChargeTopic(String bootstrapServers) {
        this(bootstrapServers, TOPIC, GROUP);
    }

    /** Another topic and group (a test profile with its own prefix and consumer group). */
    public RatedChargeTopic(String bootstrapServers, String topic, String group) {
        this.topic = topic;
        this.group = group;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Publishes and waits for the broker's acknowledgement. */
    public void publish(RatedCharge charge) {
        publishRaw(ChargeKey.of(charge).text(), serializer.serialize(topic, charge));
    }

    /** Publishes under an explicit key (the v2 key names group, plan phase and adjustment), and waits for the ack. */
    public void publish(String key, RatedCharge charge) {
        publishRaw(key, serializer.serialize(topic, charge));
    }

    /** Publishes arbitrary bytes, e.g. a record no decoder can read. */
    public void publishRaw(String key, byte[] value) {
        publishRaw(null, key, value);
    }

    /** Publishes arbitrary bytes to one partition ({@code null}: by key). */
    public void publishRaw(Integer partition, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, partition, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not publish " + key, e);
        }
    }

    /** Waits until the invoice service committed offsets up to the end of every partition. */
    /** Publishes a charge to one partition, and waits for the ack. */
    public void publish(int partition, RatedCharge charge) {
        publishRaw(partition, ChargeKey.of(charge).text(), serializer.serialize(topic, charge));
    }

    /** The committed offset of the consumer group on one partition, or -1. */
    public long committed(int partition) throws ExecutionException, InterruptedException {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                .get(new TopicPartition(topic, partition));
        return offset == null ? -1 : offset.offset();
    }

    /** The end offset of one partition. */
    public long end(int partition) throws ExecutionException, InterruptedException {
        TopicPartition p = new TopicPartition(topic, partition);
        return admin.listOffsets(Map.of(p, OffsetSpec.latest())).all().get().get(p).offset();
    }

    public void awaitConsumed() {
        Awaitility.await("consumer group caught up").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(this::caughtUp);
    }

    private boolean caughtUp() throws ExecutionException, InterruptedException {
        Set<TopicPartition> partitions = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return partitions.stream().allMatch(p -> ends.get(p).offset() == 0
                || (committed.get(p) != null && committed.get(p).offset() >= ends.get(p).offset()));
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
