package io.valora.rating.topology;

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
        return record.timestamp();
    }
}
