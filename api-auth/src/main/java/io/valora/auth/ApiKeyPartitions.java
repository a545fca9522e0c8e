package io.valora.auth;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Which partitions of {@code api-keys} an {@link ApiKeyTopicReader}'s consumer reads: all of them,
 * once the topic exists, and those added while it runs, each from its beginning. Without a
 * consumer group this is the reader's own job, not the broker's.
 */
final class ApiKeyPartitions {

    /** The reader's logger: these lines belong to the reader, wherever the code sits. */
    private static final System.Logger LOG = System.getLogger(ApiKeyTopicReader.class.getName());

    private final String topic;
    private final BooleanSupplier running;

    /** @param running false once the reader closes; the wait for the topic then ends with a {@link WakeupException} */
    ApiKeyPartitions(String topic, BooleanSupplier running) {
        this.topic = topic;
        this.running = running;
    }

    /** Every partition of the topic, waiting (with a warning, once) until it exists. */
    List<TopicPartition> await(KafkaConsumer<String, byte[]> kafka) {
        boolean warned = false;
        while (running.getAsBoolean()) {
            try {
                var infos = kafka.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // Broker not reachable yet; keep trying.
            }
            if (!warned) {
                LOG.log(Level.WARNING, "Waiting for topic {0} to exist; only the development key (if enabled) works until then",
                        topic);
                warned = true;
            }
            pause();
        }
        throw new WakeupException();
    }

    /**
     * Partitions added to the topic since they were last listed are assigned too and read from
     * their beginning (a key written there before we noticed must not be missed). Kafka never
     * removes partitions, and the positions of those already assigned are kept.
     */
    void assignAdded(KafkaConsumer<String, byte[]> kafka) {
        List<PartitionInfo> infos;
        try {
            infos = kafka.partitionsFor(topic, Duration.ofSeconds(5));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return; // Broker unreachable: try again at the next re-check.
        }
        if (infos == null) {
            return;
        }
        Set<TopicPartition> assigned = kafka.assignment();
        List<TopicPartition> added = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                .filter(p -> !assigned.contains(p)).toList();
        if (added.isEmpty()) {
            return;
        }
        Set<TopicPartition> all = new HashSet<>(assigned);
        all.addAll(added);
        kafka.assign(all);
        kafka.seekToBeginning(added);
        LOG.log(Level.INFO, "Reading {0} partition(s) added to {1}: {2}", added.size(), topic, added);
    }

    /** Backs off between two metadata look-ups while the topic does not exist yet. */
    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }
}
