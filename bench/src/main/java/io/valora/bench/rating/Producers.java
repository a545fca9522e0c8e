package io.valora.bench.rating;

import io.valora.bench.ClientProperties;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Producers of the benchmark, with the ingest gateway's settings (acks=all, idempotence, lz4,
 * linger 5 ms, 64 KiB batches), so the input looks like what the gateway writes in production.
 * Values are bytes already encoded with the schemas module's codec.
 */
final class Producers {

    private Producers() {
    }

    /** Connects with {@code client} (bootstrap servers, and a secured cluster's SASL and TLS settings). */
    static KafkaProducer<String, byte[]> gatewayLike(ClientProperties client) {
        Map<String, Object> config = new HashMap<>(client.values());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
