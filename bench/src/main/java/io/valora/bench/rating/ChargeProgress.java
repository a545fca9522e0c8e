package io.valora.bench.rating;

import io.valora.schemas.RatedCharge;
import io.valora.schemas.codec.RecordCodec;
import io.valora.schemas.codec.SingleObjectCodec;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How many pre-produced events the rated charges read so far include: the sum, over charge keys
 * of the throughput customers, of the latest charge's {@code eventCount}. Charges are
 * period-to-date, so a later charge of a key replaces (not adds to) the earlier one.
 */
final class ChargeProgress implements OutputWatch.Progress {

    private final RecordCodec<RatedCharge> codec = SingleObjectCodec.of(RatedCharge.class);
    /** Per key: highest sequence seen and its event count. */
    private final Map<String, long[]> latest = new HashMap<>();
    private long total;

    @Override
    public long accept(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return total;
        }
        RatedCharge charge = codec.decode(record.value());
        if (!Workload.TENANT.equals(charge.getTenant()) || Workload.latencyIndex(charge.getCustomer()) >= 0) {
            return total;
        }
        long[] previous = latest.get(record.key());
        if (previous == null) {
            latest.put(record.key(), new long[] {charge.getSequence(), charge.getEventCount()});
            total += charge.getEventCount();
        } else if (charge.getSequence() > previous[0]) {
            total += charge.getEventCount() - previous[1];
            previous[0] = charge.getSequence();
            previous[1] = charge.getEventCount();
        }
        return total;
    }
}
