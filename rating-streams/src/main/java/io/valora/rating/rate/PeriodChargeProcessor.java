package io.valora.rating.rate;

import io.valora.billing.aggregation.Aggregate;
import io.valora.billing.aggregation.Measurement;
import io.valora.billing.period.BillingCalendar;
import io.valora.billing.period.BillingPeriod;
import io.valora.rating.config.RatingMetrics;
import io.valora.rating.config.RatingSettings;
import io.valora.rating.config.ResourceNames;
import io.valora.rating.deadletter.DeadLetter;
import io.valora.rating.model.MeteredUsage;
import io.valora.rating.model.PeriodState;
import io.valora.rating.model.RejectReason;
import io.valora.rating.store.RecentValues;
import io.valora.schemas.RatedCharge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each period's aggregate and running charge, closes periods once stream time passes their
 * end plus the grace, and turns usage for a closed period into an adjustment on the subscription's
 * open period.
 *
 * <p>Why a processor and not a DSL aggregate: closing needs stream time and a scan of the store,
 * and a late event writes a key other than its own; an {@code Aggregator} can do neither.
 *
 * <p>Rules, all in event time (stream time of this task):
 * <ul>
 *   <li>a period is <i>closed</i> when {@code periodEnd + grace <= stream time}; its charges are
 *       then emitted once more with {@code final=true} and never change again;</li>
 *   <li>the period's aggregate ({@link ResourceNames#PERIOD_STATE_STORE}, beside its charge) keeps absorbing late
 *       usage, so an event for a closed period is priced as the change it makes to the period's
 *       quantity and added to the adjustment charge on the earliest open period, the one
 *       containing {@code stream time - grace} ({@link PeriodRater#adjust}).</li>
 * </ul>
 *
 * <p>Stream time moves only with records, so a partition that receives no newer usage would never
 * close its periods. With {@link RatingSettings#idleCloseDelay()} set, every rule above uses the
 * <i>close time</i> {@code max(stream time, now - idleCloseDelay)} instead of stream time, read from
 * both clocks when the record (or punctuation) is processed, so a record's lateness never depends on
 * whether a punctuator ran before it; a wall-clock punctuator closes the periods of idle partitions.
 * Without it the lateness of a record is decided by stream time alone. A period whose charge is
 * already final counts as closed whatever the clocks say.</p>
 *
 * <p>With {@link RatingSettings#emitInterval()} set, updates are coalesced per key: a charge that was
 * not emitted since the last emission round is emitted at once; a change to one that was is noted in
 * {@link ResourceNames#PENDING_STORE} (in memory, logged) and a wall-clock punctuator emits each noted
 * charge once per interval with its latest value. So a busy charge is emitted about once per
 * interval, and a quiet one (most of them, when usage is spread over many customers) without
 * waiting and without a note. The note is state like any other, committed with the charge under
 * exactly-once, so a crash cannot lose an emission; which keys were emitted lately is only memory,
 * and after a restart a change is simply emitted at once. Sequences still only grow; a consumer
 * simply sees fewer of them.</p>
 *
 * <p>Blast radius of one: a usage whose charge would exceed what a charge can carry is rejected
 * ({@link RejectReason#AMOUNT_OVERFLOW}) with nothing written, and any other failure on one usage (or on one
 * charge in a punctuation) becomes a dead letter ({@link RateOutput}); the next usage is rated as usual.</p>
 */
public final class PeriodChargeProcessor implements Processor<String, MeteredUsage, String, RateOutput> {

    /** How often (in stream time) closing is checked; cheap, a full scan only when a deadline passed. */
    static final Duration CLOSE_CHECK_INTERVAL = Duration.ofSeconds(1);
    /** How often the wall clock is looked at when periods may close by it. */
    public static final Duration WALL_CLOCK_CHECK_INTERVAL = Duration.ofSeconds(10);

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final RatingMetrics metrics;
    private final long graceMs;
    private final Duration idleCloseDelay;
    private ProcessorContext<String, RateOutput> context;
    private KeyValueStore<String, PeriodState> states;
    private KeyValueStore<String, Long> pending;
    private final Duration emitInterval;
    /** Keys emitted since the last emission round: their next change waits for the round. */
    private final Set<String> emittedThisRound = new HashSet<>();
    /** The states this task wrote last, decoded: most events read the state their key's previous event wrote. */
    private final RecentValues<String, PeriodState> recent = new RecentValues<>(RecentValues.DEFAULT_CAPACITY);
    /** Earliest {@code periodEnd + grace} of an open charge; recomputed by scanning when unknown. */
    private long nextDeadline = UNKNOWN;

    public PeriodChargeProcessor(RatingSettings settings, RatingMetrics metrics) {
        this.metrics = metrics;
        this.graceMs = settings.grace().toMillis();
        this.idleCloseDelay = settings.idleCloseDelay();
        this.emitInterval = settings.emitInterval();
    }

    @Override
    public void init(ProcessorContext<String, RateOutput> context) {
        this.context = context;
        this.states = context.getStateStore(ResourceNames.PERIOD_STATE_STORE);
        this.pending = context.getStateStore(ResourceNames.PENDING_STORE);
        recent.clear();
        emittedThisRound.clear();
        nextDeadline = UNKNOWN;
        if (emitInterval != null) {
            context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitPending());
        }
        context.schedule(CLOSE_CHECK_INTERVAL, PunctuationType.STREAM_TIME,
                streamTime -> closeDuePeriods(closeTime(streamTime, context.currentSystemTimeMs())));
        if (idleCloseDelay != null) {
            context.schedule(WALL_CLOCK_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME,
                    now -> closeDuePeriods(closeTime(context.currentStreamTimeMs(), now)));
        }
    }

    /**
     * Stream time, or the wall clock minus the idle delay when that is later. Computed from the clocks at the
     * moment of the call, never from a value a punctuator last saw: whether an event is late must not depend on
     * whether a punctuation happened to run before it (after a start, restart or rebalance it has not).
     */
    private long closeTime(long streamTime, long wallClock) {
        return idleCloseDelay == null ? streamTime : Math.max(streamTime, wallClock - idleCloseDelay.toMillis());
    }

    @Override
    public void process(Record<String, MeteredUsage> record) {
        long closeTime = closeTime(context.currentStreamTimeMs(), context.currentSystemTimeMs());
        // Close first, so that the event that finds its period due sees it final, not open.
        closeDuePeriods(closeTime);
        try {
            rate(record, closeTime);
        } catch (AmountOverflowException e) {
            // thrown before anything is written: the charge keeps its last exact amount, the event is rejected
            context.forward(RateFailures.overflow(record, e, context.recordMetadata()));
        } catch (RuntimeException e) {
            // a bug on one usage must not stop rating for everyone; the writes come last, so it rarely left any
            DeadLetter.rethrowIfKafkas(e);
            context.forward(RateFailures.failed(record, e, context.recordMetadata()));
        }
    }

    /** Rates one usage: every amount is computed before the first write, so an overflow changes nothing. */
    private void rate(Record<String, MeteredUsage> record, long closeTime) {
        MeteredUsage usage = record.value();
        BillingCalendar calendar = usage.calendar().toCalendar();
        BillingPeriod period = calendar.periodContaining(usage.reading().eventTime());
        String key = ChargeKeys.period(usage, period.start());
        PeriodState state = read(key);
        boolean hadUsage = state != null && state.aggregate() != null;
        Aggregate<?> before = hadUsage ? state.aggregate() : usage.reading().kind().empty();
        Aggregate<?> after = add(before, usage.reading().measurement());
        RatedCharge current = chargeOf(state);
        if (isClosed(period, closeTime) || current.getFinal$()) {
            long billedMinor = hadUsage
                    ? MinorUnits.of(usage.pricing().policy().rate(usage.pricing().model(), before.quantity())) : 0;
            BillingPeriod open = calendar.periodContaining(Instant.ofEpochMilli(closeTime - graceMs));
            if (open.start().isBefore(period.end())) {
                open = calendar.periodAfter(period); // final by its stored charge before the clock caught up (a restart)
            }
            // written even when the quantity did not change (a smaller max, a known unique value): the adjustment then
            // grows by nothing but still counts the event, so eventCount is every rated event of the period
            String adjustmentKey = ChargeKeys.adjustment(usage, open.start(), period.start());
            PeriodState adjustmentState = read(adjustmentKey);
            RatedCharge adjustment = PeriodRater.adjust(usage, open, period.start(), before.quantity(), billedMinor,
                    after.quantity(), chargeOf(adjustmentState));
            // the late period keeps absorbing usage, so its line plus adjustments prices all of it
            write(key, state == null ? new PeriodState(after, null) : state.withAggregate(after));
            metrics.lateEventAdjusted();
            store(adjustmentKey, adjustmentState == null ? new PeriodState(null, adjustment)
                    : adjustmentState.withCharge(adjustment), record.timestamp());
            track(adjustment);
            return;
        }
        RatedCharge updated = PeriodRater.charge(usage, period, after.quantity(), current);
        store(key, new PeriodState(after, updated), record.timestamp());
        track(updated);
    }

    /** Emits every open charge whose period ended at least the grace before {@code streamTime} as final. */
    private void closeDuePeriods(long streamTime) {
        if (nextDeadline != UNKNOWN && streamTime < nextDeadline) {
            return;
        }
        long earliestOpen = Long.MAX_VALUE;
        List<KeyValue<String, PeriodState>> due = new ArrayList<>();
        try (KeyValueIterator<String, PeriodState> all = states.all()) {
            while (all.hasNext()) {
                KeyValue<String, PeriodState> entry = all.next();
                RatedCharge charge = entry.value.charge();
                if (charge == null || charge.getFinal$()) {
                    continue;
                }
                long deadline = deadlineOf(charge);
                if (deadline <= streamTime) {
                    due.add(entry);
                } else {
                    earliestOpen = Math.min(earliestOpen, deadline);
                }
            }
        }
        // written after the scan: stores do not promise a stable iterator under concurrent writes
        due.forEach(kv -> guarded(kv.key, () -> {
            store(kv.key, kv.value.withCharge(PeriodRater.finalized(kv.value.charge())), streamTime);
            metrics.chargeFinalized();
        }));
        nextDeadline = earliestOpen;
    }

    private void track(RatedCharge charge) {
        nextDeadline = nextDeadline == UNKNOWN ? UNKNOWN : Math.min(nextDeadline, deadlineOf(charge));
    }

    private boolean isClosed(BillingPeriod period, long streamTime) {
        return period.end().toEpochMilli() + graceMs <= streamTime;
    }

    private long deadlineOf(RatedCharge charge) {
        return charge.getPeriodEnd().toEpochMilli() + graceMs;
    }

    private PeriodState read(String key) {
        return recent.read(key, states::get);
    }

    /** Writes a state without emitting its charge. */
    private void write(String key, PeriodState state) {
        states.put(key, state);
        recent.wrote(key, state);
    }

    private void store(String key, PeriodState state, long timestamp) {
        write(key, state);
        if (emitInterval == null || emittedThisRound.add(key)) {
            context.forward(new Record<>(key, RateOutput.charge(state.charge()), timestamp));
        } else {
            pending.put(key, timestamp);
        }
    }

    /** Emits the latest value of every charge changed since it was last emitted; starts a new round. */
    private void emitPending() {
        emittedThisRound.clear();
        List<KeyValue<String, Long>> due = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = pending.all()) {
            all.forEachRemaining(due::add);
        }
        due.forEach(kv -> guarded(kv.key, () -> {
            pending.delete(kv.key);
            emittedThisRound.add(kv.key);
            context.forward(new Record<>(kv.key, RateOutput.charge(read(kv.key).charge()), kv.value));
        }));
    }

    /**
     * Runs one charge's part of a round; a failure (a bug on one stored charge) becomes a dead letter naming the
     * charge key instead of stopping the round, and so the thread, for every other charge.
     */
    private void guarded(String key, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            DeadLetter.rethrowIfKafkas(e);
            context.forward(new Record<>(key, RateOutput.failed(new DeadLetter(ResourceNames.RATE, context.recordMetadata(),
                    DeadLetter.keyBytes(key), null, e)), context.currentSystemTimeMs()));
        }
    }

    /** The key's running charge, or the empty one before its first. */
    private static RatedCharge chargeOf(PeriodState state) {
        return state == null || state.charge() == null ? PeriodRater.empty() : state.charge();
    }

    @SuppressWarnings("unchecked")
    private static <A extends Aggregate<A>> Aggregate<?> add(Aggregate<?> aggregate, Measurement measurement) {
        return ((A) aggregate).add(measurement);
    }
}
