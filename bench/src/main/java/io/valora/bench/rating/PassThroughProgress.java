package io.valora.bench.rating;

import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordCodec;
import io.valora.schemas.codec.SingleObjectCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How many events the pass-through output read so far holds. Each record is decoded, as
 * {@link ChargeProgress} decodes each charge, so the reader in this JVM takes about the same CPU
 * away from both measured topologies.
 */
final class PassThroughProgress implements OutputWatch.Progress {

    private final RecordCodec<UsageEvent> codec = SingleObjectCodec.of(UsageEvent.class);
    private long count;

    @Override
    public long accept(ConsumerRecord<String, byte[]> record) {
        if (record.value() != null && Workload.TENANT.equals(codec.decode(record.value()).getTenant())) {
            count++;
        }
        return count;
    }
}
