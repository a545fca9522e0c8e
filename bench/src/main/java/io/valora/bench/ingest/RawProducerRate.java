package io.valora.bench.ingest;

import io.valora.bench.ClientProperties;
import io.valora.schemas.RecordKeys;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ceiling the gateway is compared with: one Kafka producer with the gateway's own settings
 * (acks=all, idempotence, lz4, linger 5 ms, 64 KiB batches) writing the same Avro records as fast
 * as the broker acknowledges them — what Kafka's {@code ProducerPerformance} measures, with the
 * real record shape instead of random bytes. Connects with the given client properties (a secured
 * cluster's SASL and TLS settings), as the gateway does.
 */
final class RawProducerRate {

    private RawProducerRate() {
    }

    /**
     * The gateway's producer settings (publish/UsagePublisher), shared with the ProducerPerformance
     * run so both producers are configured alike.
     */
    static Map<String, Object> gatewaySettings(ClientProperties client) {
        Map<String, Object> config = new LinkedHashMap<>(client.values());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        return config;
    }

    /** Acknowledged records per second over {@code duration}. */
    static double measure(ClientProperties client, String topic, Duration duration, String runId) throws InterruptedException {
        Map<String, Object> config = gatewaySettings(client);
        AtomicLong acked = new AtomicLong();
        // Bounded outstanding sends, so the measurement is the broker's pace, not the buffer's.
        Semaphore window = new Semaphore(50_000);
        try (KafkaProducer<String, UsageEvent> producer = new KafkaProducer<>(config, new StringSerializer(),
                RecordSerde.singleObject(UsageEvent.class).serializer())) {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            while (System.nanoTime() < end) {
                window.acquire();
                UsageEvent event = EventPayloads.avro(runId);
                producer.send(new ProducerRecord<>(topic, RecordKeys.usage(event.getTenant(), event.getSubject()), event),
                        (metadata, error) -> {
                            if (error == null) {
                                acked.incrementAndGet();
                            }
                            window.release();
                        });
            }
            producer.flush();
            return acked.get() / ((System.nanoTime() - start) / 1e9);
        }
    }
}
