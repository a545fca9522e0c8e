package io.valora.rating.topology;

import io.valora.schemas.UsageEvent;
import java.math.BigDecimal;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Adds each de-duplicated, measurable event to its hour's usage of (tenant, customer, meter), in
 * the window store {@link ResourceNames#HOURLY_USAGE_STORE}, for usage charts and
 * {@code GET /v1/usage}. Days are summed from hours at query time.
 *
 * <p>Why before the repartition: the input is already keyed {@code tenant/customer}, so one
 * customer's buckets live on the task of its usage partition and need no extra topic. The store
 * key is {@code tenant/customer/meter}; a query finds the instance by the {@code tenant/customer}
 * key ({@link #storeKey}). Charts only: billing never reads these buckets, so an event older than
 * the retention is simply not charted.
 */
final class HourlyUsageRecorder implements Processor<String, UsageEvent, Void, Void> {

    /** Width of one bucket. */
    static final Duration BUCKET = Duration.ofHours(1);
    /** How long hourly buckets are kept: a year of charts and a margin. */
    static final Duration RETENTION = Duration.ofDays(400);

    private final QuantityReader quantities;
    private WindowStore<String, String> hourly;

    HourlyUsageRecorder(QuantityReader quantities) {
        this.quantities = quantities;
    }

    /** The store key of one customer's meter. */
    static String storeKey(String tenant, String customer, String meter) {
        return tenant + "/" + customer + "/" + meter;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.hourly = context.getStateStore(ResourceNames.HOURLY_USAGE_STORE);
    }

    @Override
    public void process(Record<String, UsageEvent> record) {
        UsageEvent event = record.value();
        long millis = event.getTime().toEpochMilli();
        long hourStart = millis - Math.floorMod(millis, BUCKET.toMillis());
        String key = storeKey(event.getTenant(), event.getSubject(), event.getType());
        String before = hourly.fetch(key, hourStart);
        BigDecimal total = (before == null ? BigDecimal.ZERO : new BigDecimal(before))
                .add(quantities.read(event.getData()).quantity());
        hourly.put(key, total.toPlainString(), hourStart);
    }
}
