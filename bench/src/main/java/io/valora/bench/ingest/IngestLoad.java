package io.valora.bench.ingest;

import io.valora.bench.ClientProperties;
import io.valora.bench.ProcessCpu;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * End-to-end ingest benchmark against a running gateway and its broker (e.g. {@code ./valora
 * stack}): the raw producer rate as the ceiling, Kafka's own {@code ProducerPerformance} beside it
 * (same broker, record size and producer settings), then batched and single-event POSTs over
 * keep-alive connections, then single events at half the measured maximum for latency. Prints
 * every figure as {@code BENCH <name> <value> <unit>}.
 *
 * <p>Options ({@code --name value}): {@code gateway} (http://127.0.0.1:8080), {@code bootstrap}
 * (127.0.0.1:9092), {@code command-config} a properties file with Kafka client settings for the raw
 * producer and ProducerPerformance on a secured cluster (Kafka's standard keys, e.g. {@code security.protocol},
 * {@code sasl.jaas.config}, {@code ssl.truststore.location}; none by default), {@code key} (valora-dev-key), {@code topic} (usage-events), {@code seconds}
 * per phase (15), {@code connections} (128), {@code depth} requests in flight per connection
 * (1; above 1 they are pipelined, but the server answers a connection's requests one after the
 * other, so each waits for the broker acknowledgements of those before it), {@code batch} events per batched request (500), {@code phases} to run, comma
 * separated (raw,perf,batched,single,half; all by default), {@code warmup} seconds of each warm-up (a third of a phase, at least 2), {@code gateway-pid} to also report
 * the gateway's CPU time per request of each phase (Linux only).
 */
public final class IngestLoad {

    private static final List<String> ALL_PHASES = List.of("raw", "perf", "batched", "single", "half");

    private IngestLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI events = URI.create(options.getOrDefault("gateway", "http://127.0.0.1:8080") + "/v1/events");
        String bootstrap = options.getOrDefault("bootstrap", "127.0.0.1:9092");
        ClientProperties kafka = options.containsKey("command-config")
                ? ClientProperties.load(Path.of(options.get("command-config")), bootstrap)
                : ClientProperties.plaintext(bootstrap);
        String key = options.getOrDefault("key", "valora-dev-key");
        String topic = options.getOrDefault("topic", "usage-events");
        Duration phase = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "15")));
        int connections = Integer.parseInt(options.getOrDefault("connections", "128"));
        int depth = Integer.parseInt(options.getOrDefault("depth", "1"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "500"));
        long gatewayPid = Long.parseLong(options.getOrDefault("gateway-pid", "0"));
        Set<String> phases = Set.of(options.getOrDefault("phases", String.join(",", ALL_PHASES)).split(","));
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String batchType = "application/cloudevents-batch+json";
        String singleType = "application/cloudevents+json";

        try (HttpLoad http = new HttpLoad(events, key, connections, depth)) {
            
            Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", Long.toString(Math.max(2, phase.toSeconds() / 3)))));
            log("warm-up (%d s each, batched and single, not reported)", warmUp.toSeconds());
            http.run(new HttpLoad.Phase(batchType, batch, () -> EventPayloads.batch(run, batch), warmUp, 0));
            http.run(new HttpLoad.Phase(singleType, 1, () -> EventPayloads.cloudEvent(run), warmUp, 0));

            double raw = Double.NaN;
            if (phases.contains("raw")) {
                log("raw producer, %d s", phase.toSeconds());
                raw = RawProducerRate.measure(kafka, topic, phase, run);
                bench("ingest.raw_producer", raw, "events/s");
            }
            double producerPerformance = Double.NaN;
            if (phases.contains("perf")) {
                int recordSize = KafkaProducerPerformance.recordSize(run);
                long records = Math.max(100_000, (long) ((Double.isNaN(raw) ? 200_000 : raw) * phase.toSeconds()));
                log("Kafka ProducerPerformance, %d records of %d bytes, the gateway's producer settings", records, recordSize);
                producerPerformance = KafkaProducerPerformance.measure(kafka, topic, records, recordSize);
                bench("ingest.producer_performance", producerPerformance, "events/s");
                if (!Double.isNaN(raw)) {
                    bench("ingest.raw_vs_producer_performance", raw / producerPerformance, "ratio");
                }
            }
            long errors = 0;
            if (phases.contains("batched")) {
                log("batched POSTs of %d events, %d connections x %d in flight, %d s", batch, connections, depth, phase.toSeconds());
                double cpu = ProcessCpu.seconds(gatewayPid);
                HttpLoad.Result batched = http.run(new HttpLoad.Phase(batchType, batch, () -> EventPayloads.batch(run, batch), phase, 0));
                cpuPer("ingest.batched_gateway_cpu_per_event", ProcessCpu.seconds(gatewayPid) - cpu, batched.events());
                bench("ingest.batched", batched.eventsPerSecond(), "events/s");
                bench("ingest.batched_p50", batched.latency().percentileMillis(0.50), "ms");
                bench("ingest.batched_p99", batched.latency().percentileMillis(0.99), "ms");
                if (!Double.isNaN(raw)) {
                    bench("ingest.batched_vs_raw", batched.eventsPerSecond() / raw, "ratio");
                }
                if (!Double.isNaN(producerPerformance)) {
                    bench("ingest.batched_vs_producer_performance", batched.eventsPerSecond() / producerPerformance, "ratio");
                }
                errors += batched.errors();
            }
            double single = Double.NaN;
            if (phases.contains("single")) {
                log("single-event POSTs, %d connections x %d in flight, %d s", connections, depth, phase.toSeconds());
                double cpu = ProcessCpu.seconds(gatewayPid);
                HttpLoad.Result result = http.run(new HttpLoad.Phase(singleType, 1, () -> EventPayloads.cloudEvent(run), phase, 0));
                cpuPer("ingest.single_gateway_cpu_per_request", ProcessCpu.seconds(gatewayPid) - cpu, result.requests());
                single = result.requestsPerSecond();
                bench("ingest.single", single, "requests/s");
                bench("ingest.single_p50", result.latency().percentileMillis(0.50), "ms");
                bench("ingest.single_p99", result.latency().percentileMillis(0.99), "ms");
                errors += result.errors();
            }
            if (phases.contains("half") && !Double.isNaN(single)) {
                double half = single / 2;
                log("single-event POSTs paced at %.0f requests/s (half the maximum), %d s", half, phase.toSeconds());
                HttpLoad.Result paced = http.run(new HttpLoad.Phase(singleType, 1, () -> EventPayloads.cloudEvent(run), phase, half));
                bench("ingest.single_half_rate", paced.requestsPerSecond(), "requests/s");
                bench("ingest.single_half_rate_p50", paced.latency().percentileMillis(0.50), "ms");
                bench("ingest.single_half_rate_p99", paced.latency().percentileMillis(0.99), "ms");
                // The same from when each request was due: differs only when the tool itself stalled.
                bench("ingest.single_half_rate_p99_from_schedule", paced.scheduledLatency().percentileMillis(0.99), "ms");
                bench("ingest.single_half_rate_tool_max_stall", paced.maxSendLateness() / 1e6, "ms");
                errors += paced.errors();
            }
            bench("ingest.errors", errors, "requests");
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** Gateway CPU microseconds per unit of work, when the gateway's pid was given. */
    private static void cpuPer(String name, double cpuSeconds, long count) {
        if (!Double.isNaN(cpuSeconds) && count > 0) {
            bench(name, cpuSeconds * 1e6 / count, "us");
        }
    }

    private static void bench(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.3f %s", name, value, unit));
    }

    private static void log(String format, Object... args) {
        System.err.println("[ingest-bench] " + String.format(Locale.ROOT, format, args));
    }
}
