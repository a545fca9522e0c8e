package io.valora.rating.chart;

import io.valora.rating.config.ResourceNames;
import io.valora.rating.deadletter.DeadLetter;
import io.valora.rating.model.MeteredUsage;
import io.valora.rating.store.RecentValues;
import java.math.BigDecimal;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Adds each accepted event's meter value to its hour's usage of (tenant, customer, meter), in the
 * window store {@link ResourceNames#HOURLY_USAGE_STORE}, for usage charts and {@code GET /v1/usage}.
 * Days are summed from hours at query time. The value is the meter's reading: the quantity for
 * {@code sum}, one per event for {@code count} and {@code unique_count}, the reported value for
 * gauges ({@code max}, {@code min}, {@code latest}), whose hourly sums are for charts only.
 *
 * <p>Why before the repartition: the input is still keyed {@code tenant/customer}, so one
 * customer's buckets live on the task of its usage partition and need no extra topic. The store
 * key is {@code tenant/customer/meter}; a query finds the instance by the {@code tenant/customer}
 * key ({@link #storeKey}). Charts only: billing never reads these buckets.
 *
 * <p>Its only output is the dead letter of a usage it failed on, so a chart bug never stops rating.
 */
public final class HourlyUsageRecorder implements Processor<String, MeteredUsage, String, DeadLetter> {

    /** Width of one bucket. */
    public static final Duration BUCKET = Duration.ofHours(1);
    /** How long hourly buckets are kept: a year of charts and a margin. */
    public static final Duration RETENTION = Duration.ofDays(400);

    private ProcessorContext<String, DeadLetter> context;
    private WindowStore<String, String> hourly;
    /** Totals this task wrote last, by store key and hour: a busy customer's next event reads its hour from here. */
    private final RecentValues<HourKey, BigDecimal> recent = new RecentValues<>(RecentValues.DEFAULT_CAPACITY);

    private record HourKey(String storeKey, long hourStart) {
    }

    /** The store key of one customer's meter. */
    static String storeKey(String tenant, String customer, String meter) {
        return tenant + "/" + customer + "/" + meter;
    }

    @Override
    public void init(ProcessorContext<String, DeadLetter> context) {
        this.context = context;
        this.hourly = context.getStateStore(ResourceNames.HOURLY_USAGE_STORE);
        recent.clear();
    }

    @Override
    public void process(Record<String, MeteredUsage> record) {
        try {
            add(record.value());
        } catch (RuntimeException e) {
            DeadLetter.rethrowIfKafkas(e);
            context.forward(record.withValue(new DeadLetter(ResourceNames.RECORD_HOURLY, context.recordMetadata(),
                    DeadLetter.keyBytes(record.key()), record.value().source(), e)));
        }
    }

    private void add(MeteredUsage usage) {
        long millis = usage.reading().eventTime().toEpochMilli();
        long hourStart = millis - Math.floorMod(millis, BUCKET.toMillis());
        HourKey key = new HourKey(storeKey(usage.tenant(), usage.customer(), usage.meter()), hourStart);
        BigDecimal before = recent.read(key, k -> {
            String stored = hourly.fetch(k.storeKey(), k.hourStart());
            return stored == null ? null : new BigDecimal(stored);
        });
        BigDecimal total = (before == null ? BigDecimal.ZERO : before).add(usage.reading().value());
        hourly.put(key.storeKey(), total.toPlainString(), hourStart);
        recent.wrote(key, total);
    }
}
