package io.valora.bench.rating;

import io.valora.bench.ClientProperties;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordCodec;
import io.valora.schemas.codec.SingleObjectCodec;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Fills the input topic before any topology runs, so the pass-through and the rating topology
 * both start from the same records and are measured on their own pace, not the producer's.
 * Event {@code i} goes to throughput customer {@code i mod customers}, each with value 1.
 */
final class EventPreloader {

    /** Outstanding sends, so a slow broker slows the loop instead of filling the heap. */
    private static final int WINDOW = 50_000;

    private EventPreloader() {
    }

    /** Writes {@code count} events and returns the acknowledged rate in events per second. */
    static double preload(ClientProperties client, String topic, Workload workload, long count) throws InterruptedException {
        RecordCodec<UsageEvent> codec = SingleObjectCodec.of(UsageEvent.class);
        AtomicReference<Exception> failure = new AtomicReference<>();
        Semaphore window = new Semaphore(WINDOW);
        Instant time = Instant.now();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = Producers.gatewayLike(client)) {
            for (long i = 0; i < count && failure.get() == null; i++) {
                UsageEvent event = workload.event(Workload.customer((int) (i % workload.customers())), "preload", i, time);
                window.acquire();
                producer.send(new ProducerRecord<>(topic, null, time.toEpochMilli(), Workload.key(event), codec.encode(event)),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                            window.release();
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("pre-producing usage events failed", failure.get());
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
