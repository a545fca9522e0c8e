package io.valora.rating.source;

import io.valora.rating.deadletter.Decoded;
import io.valora.schemas.UsageEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Uses the usage event's own time, not the time it reached Kafka: billing periods, stream time
 * and de-duplication retention all follow when the usage happened.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof UsageEvent event) {
            return event.getTime().toEpochMilli();
        }
        if (record.value() instanceof Decoded<?> decoded && decoded.value() instanceof UsageEvent event) {
            return event.getTime().toEpochMilli();
        }
        if (record.value() instanceof Decoded<?>) {
            // undecodable: a time that does not move stream time (the broker's could be far ahead of the usage's and
            // close periods for everyone), and not negative, which Kafka Streams would drop before the dead letters
            return Math.max(partitionTime, 0);
        }
        return record.timestamp();
    }
}
