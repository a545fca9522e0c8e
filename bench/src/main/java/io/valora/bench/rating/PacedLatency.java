package io.valora.bench.rating;

import io.valora.bench.ClientProperties;
import io.valora.schemas.RatedCharge;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordCodec;
import io.valora.schemas.codec.RecordSerde;
import io.valora.schemas.codec.SingleObjectCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * End-to-end latency at a paced rate: events of the latency customers are produced at a fixed
 * rate, and the committed {@code rated-charges} are read as they appear. Each latency customer
 * starts at zero and every event counts 1, so a charge with {@code eventCount = k} for customer
 * {@code c} includes exactly c's first k events: each of them is done at the moment that charge
 * is read, and its latency is that moment minus the moment its send was called. Coalescing by the
 * record cache and commit interval is therefore measured, not hidden.
 */
final class PacedLatency {

    /**
     * @param sentRate  achieved send rate, events per second
     * @param latencies one entry per event whose charge was seen
     * @param missing   events whose charge was not seen before the deadline
     */
    record Result(double sentRate, Latencies latencies, long missing) {
    }

    private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private PacedLatency() {
    }

    private static long sent(AtomicLongArray sentAt) {
        int low = 0;
        int high = sentAt.length();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sentAt.get(mid) != 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    static Result run(String bootstrapServers, String inputTopic, String chargesTopic, Workload workload, double rate,
            Duration duration, Duration drain) throws Exception {
        int total = (int) Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        int customers = workload.latencyCustomers();
        AtomicLongArray sentAt = new AtomicLongArray(total);
        try (KafkaConsumer<String, RatedCharge> consumer = chargesConsumer(bootstrapServers)) {
            List<TopicPartition> partitions = consumer.partitionsFor(chargesTopic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            AtomicReference<Throwable> sendFailure = new AtomicReference<>();
            CompletableFuture<Double> producing = CompletableFuture.supplyAsync(
                    () -> produce(bootstrapServers, inputTopic, workload, rate, total, sentAt, sendFailure));

            Latencies latencies = new Latencies();
            long[] seen = new long[customers];
            long done = 0;
            long deadline = System.nanoTime() + duration.plus(drain).toNanos();
            long nextReport = System.nanoTime() + REPORT_EVERY_NANOS;
            while (done < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, RatedCharge> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    RatedCharge charge = record.value();
                    int c = charge == null ? -1 : Workload.latencyIndex(charge.getCustomer());
                    if (c < 0 || c >= customers) {
                        continue;
                    }
                    for (long k = seen[c]; k < charge.getEventCount(); k++) {
                        long j = k * customers + c;
                        if (j >= total || sentAt.get((int) j) == 0) {
                            throw new IllegalStateException("a charge counts event " + k + " of " + charge.getCustomer()
                                    + ", which was never sent");
                        }
                        latencies.record(now - sentAt.get((int) j));
                        done++;
                    }
                    seen[c] = Math.max(seen[c], charge.getEventCount());
                }
                if (System.nanoTime() >= nextReport) {
                    BenchOutput.log("charges include %d of the %d events sent so far", done, sent(sentAt));
                    nextReport = System.nanoTime() + REPORT_EVERY_NANOS;
                }
                if (sendFailure.get() != null) {
                    throw new IllegalStateException("sending paced events failed", sendFailure.get());
                }
            }
            double sentRate = producing.get(duration.plus(drain).toSeconds() + 30, TimeUnit.SECONDS);
            return new Result(sentRate, latencies, total - done);
        }
    }

    /** Sends event j at {@code start + j / rate}; returns the achieved rate. */
    private static double produce(String bootstrapServers, String topic, Workload workload, double rate, int total,
            AtomicLongArray sentAt, AtomicReference<Throwable> failure) {
        RecordCodec<UsageEvent> codec = SingleObjectCodec.of(UsageEvent.class);
        int customers = workload.latencyCustomers();
        double intervalNanos = 1e9 / rate;
        try (KafkaProducer<String, byte[]> producer = Producers.gatewayLike(ClientProperties.plaintext(bootstrapServers))) {
            long start = System.nanoTime();
            for (int j = 0; j < total && failure.get() == null; j++) {
                long due = start + (long) (j * intervalNanos);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Instant time = Instant.now();
                UsageEvent event = workload.event(Workload.latencyCustomer(j % customers), "paced", j, time);
                sentAt.set(j, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, null, time.toEpochMilli(), Workload.key(event), codec.encode(event)),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
            }
            producer.flush();
            return total / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static KafkaConsumer<String, RatedCharge> chargesConsumer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        return new KafkaConsumer<>(props, new StringDeserializer(), RecordSerde.singleObject(RatedCharge.class).deserializer());
    }
}
