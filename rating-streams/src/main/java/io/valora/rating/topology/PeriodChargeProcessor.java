package io.valora.rating.topology;

import io.valora.billing.period.BillingPeriod;
import io.valora.schemas.RatedCharge;
import io.valora.schemas.UsageEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps each period's running charge, closes periods once stream time passes their end plus the
 * grace, and turns usage for a closed period into an adjustment on the subscription's open period.
 *
 * <p>Why a processor and not a DSL aggregate: closing needs stream time and a scan of the store,
 * and a late event writes a key other than its own; an {@code Aggregator} can do neither.
 *
 * <p>Rules, all in event time (stream time of this task):
 * <ul>
 *   <li>a period is <i>closed</i> when {@code periodEnd + grace <= stream time}; its charges are
 *       then emitted once more with {@code final=true} and never change again;</li>
 *   <li>an event whose period is closed is added to
 *       {@code <meter>#adjustment-of-<its period>} on the earliest open period, the one containing
 *       {@code stream time - grace} ({@link PeriodRater#adjust});</li>
 *   <li>{@link ResourceNames#LATE_USAGE_STORE} remembers per closed period how much late usage was
 *       adjusted already, so each adjustment prices only its own increment.</li>
 * </ul>
 */
final class PeriodChargeProcessor implements Processor<String, UsageEvent, String, RatedCharge> {

    /** How often (in stream time) closing is checked; cheap, a full scan only when a deadline passed. */
    static final Duration CLOSE_CHECK_INTERVAL = Duration.ofSeconds(1);

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final PeriodRater rater;
    private final RatingSettings settings;
    private final RatingMetrics metrics;
    private final long graceMs;
    private ProcessorContext<String, RatedCharge> context;
    private TimestampedKeyValueStore<String, RatedCharge> charges;
    private KeyValueStore<String, String> lateUsage;
    /** Earliest {@code periodEnd + grace} of an open charge; recomputed by scanning when unknown. */
    private long nextDeadline = UNKNOWN;

    PeriodChargeProcessor(PeriodRater rater, RatingSettings settings, RatingMetrics metrics) {
        this.rater = rater;
        this.settings = settings;
        this.metrics = metrics;
        this.graceMs = settings.grace().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, RatedCharge> context) {
        this.context = context;
        this.charges = context.getStateStore(ResourceNames.CHARGES_STORE);
        this.lateUsage = context.getStateStore(ResourceNames.LATE_USAGE_STORE);
        context.schedule(CLOSE_CHECK_INTERVAL, PunctuationType.STREAM_TIME, this::closeDuePeriods);
    }

    @Override
    public void process(Record<String, UsageEvent> record) {
        long streamTime = context.currentStreamTimeMs();
        // Close first, so that the event that finds its period due sees it final, not open.
        closeDuePeriods(streamTime);
        UsageEvent event = record.value();
        BillingPeriod period = settings.calendar().periodContaining(event.getTime());
        if (isClosed(period, streamTime)) {
            adjust(record, period, streamTime);
            return;
        }
        RatedCharge updated = rater.add(event, valueOf(record.key()));
        store(record.key(), updated, record.timestamp());
        nextDeadline = nextDeadline == UNKNOWN ? UNKNOWN : Math.min(nextDeadline, deadlineOf(updated));
    }

    private void adjust(Record<String, UsageEvent> record, BillingPeriod latePeriod, long streamTime) {
        RatedCharge billed = valueOf(record.key());
        BigDecimal adjustedBefore = new BigDecimal(lateUsageOf(record.key()));
        BigDecimal billedQuantity = new BigDecimal(billed.getQuantity()).add(adjustedBefore);
        BillingPeriod open = settings.calendar().periodContaining(Instant.ofEpochMilli(streamTime - graceMs));
        String adjustmentKey = rater.adjustmentKeyOf(record.value(), open);
        RatedCharge before = valueOf(adjustmentKey);
        RatedCharge adjustment = rater.adjust(record.value(), before, billedQuantity, open);
        BigDecimal added = new BigDecimal(adjustment.getQuantity()).subtract(new BigDecimal(before.getQuantity()));
        lateUsage.put(record.key(), adjustedBefore.add(added).toPlainString());
        store(adjustmentKey, adjustment, record.timestamp());
        metrics.lateEventAdjusted();
        nextDeadline = nextDeadline == UNKNOWN ? UNKNOWN : Math.min(nextDeadline, deadlineOf(adjustment));
    }

    /** Emits every open charge whose period ended at least the grace before {@code streamTime} as final. */
    private void closeDuePeriods(long streamTime) {
        if (nextDeadline != UNKNOWN && streamTime < nextDeadline) {
            return;
        }
        long earliestOpen = Long.MAX_VALUE;
        List<KeyValue<String, RatedCharge>> due = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<RatedCharge>> all = charges.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<RatedCharge>> entry = all.next();
                RatedCharge charge = entry.value.value();
                if (charge.getFinal$()) {
                    continue;
                }
                long deadline = deadlineOf(charge);
                if (deadline <= streamTime) {
                    due.add(KeyValue.pair(entry.key, charge));
                } else {
                    earliestOpen = Math.min(earliestOpen, deadline);
                }
            }
        }
        // written after the scan: stores do not promise a stable iterator under concurrent writes
        due.forEach(kv -> {
            store(kv.key, PeriodRater.finalized(kv.value), streamTime);
            metrics.chargeFinalized();
        });
        nextDeadline = earliestOpen;
    }

    private boolean isClosed(BillingPeriod period, long streamTime) {
        return period.end().toEpochMilli() + graceMs <= streamTime;
    }

    private long deadlineOf(RatedCharge charge) {
        return charge.getPeriodEnd().toEpochMilli() + graceMs;
    }

    private void store(String key, RatedCharge charge, long timestamp) {
        charges.put(key, ValueAndTimestamp.make(charge, timestamp));
        context.forward(new Record<>(key, charge, timestamp));
    }

    private RatedCharge valueOf(String key) {
        ValueAndTimestamp<RatedCharge> stored = charges.get(key);
        return stored == null ? PeriodRater.empty() : stored.value();
    }

    private String lateUsageOf(String periodKey) {
        String adjusted = lateUsage.get(periodKey);
        return adjusted == null ? "0" : adjusted;
    }
}
