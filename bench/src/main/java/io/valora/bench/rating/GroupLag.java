package io.valora.bench.rating;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One line of where a Streams application is, per topic it consumes: offsets committed out of the
 * topic's current end, summed over partitions. Logged beside the output progress, it tells a
 * topology that is slow to read from one that is slow to commit or stuck between sub-topologies.
 */
final class GroupLag {

    private GroupLag() {
    }

    static String summary(Admin admin, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<String, long[]> byTopic = new TreeMap<>();
            for (String topic : committed.keySet().stream().map(TopicPartition::topic).distinct().toList()) {
                long[] sums = byTopic.computeIfAbsent(topic, t -> new long[2]);
                for (Map.Entry<TopicPartition, Long> end : EndOffsets.of(admin, topic).entrySet()) {
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    sums[0] += offset == null ? 0 : offset.offset();
                    sums[1] += end.getValue();
                }
            }
            StringBuilder line = new StringBuilder(group).append(" committed");
            byTopic.forEach((topic, sums) -> line.append(' ').append(topic).append(' ').append(sums[0]).append('/')
                    .append(sums[1]));
            return line.toString();
        } catch (Exception e) {
            return group + ": offsets not readable (" + e.getClass().getSimpleName() + ")";
        }
    }
}
