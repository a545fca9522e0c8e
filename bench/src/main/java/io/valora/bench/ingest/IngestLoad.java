package io.valora.bench.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * End-to-end ingest benchmark against a running gateway and its broker (e.g. {@code ./valora
 * stack}): the raw producer rate as the ceiling, then batched and single-event POSTs over
 * keep-alive connections, then single events at half the measured maximum for latency. Prints
 * every figure as {@code BENCH <name> <value> <unit>}.
 *
 * <p>Options ({@code --name value}): {@code gateway} (http://127.0.0.1:8080), {@code bootstrap}
 * (127.0.0.1:9092), {@code key} (valora-dev-key), {@code topic} (usage-events), {@code seconds}
 * per phase (15), {@code connections} (8), {@code batch} events per batched request (500).
 */
public final class IngestLoad {

    private IngestLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI events = URI.create(options.getOrDefault("gateway", "http://127.0.0.1:8080") + "/v1/events");
        String bootstrap = options.getOrDefault("bootstrap", "127.0.0.1:9092");
        String key = options.getOrDefault("key", "valora-dev-key");
        String topic = options.getOrDefault("topic", "usage-events");
        Duration phase = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "15")));
        int connections = Integer.parseInt(options.getOrDefault("connections", "8"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "500"));
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);

        log("warm-up (%d s, not reported)", phase.toSeconds() / 3);
        HttpLoad.run(events, key, "application/cloudevents-batch+json", connections, phase.dividedBy(3), batch,
                () -> EventPayloads.batch(run, batch));

        log("raw producer, %d s", phase.toSeconds());
        double raw = RawProducerRate.measure(bootstrap, topic, phase, run);
        bench("ingest.raw_producer", raw, "events/s");

        log("batched POSTs of %d events on %d connections, %d s", batch, connections, phase.toSeconds());
        HttpLoad.Result batched = HttpLoad.run(events, key, "application/cloudevents-batch+json", connections, phase, batch,
                () -> EventPayloads.batch(run, batch));
        bench("ingest.batched", batched.eventsPerSecond(), "events/s");
        bench("ingest.batched_p50", batched.latency().percentileMillis(0.50), "ms");
        bench("ingest.batched_p99", batched.latency().percentileMillis(0.99), "ms");
        bench("ingest.batched_vs_raw", batched.eventsPerSecond() / raw, "ratio");

        log("single-event POSTs on %d connections, %d s", connections, phase.toSeconds());
        HttpLoad.Result single = HttpLoad.run(events, key, "application/cloudevents+json", connections, phase, 1,
                () -> EventPayloads.cloudEvent(run));
        bench("ingest.single", single.requestsPerSecond(), "requests/s");
        bench("ingest.single_p50", single.latency().percentileMillis(0.50), "ms");
        bench("ingest.single_p99", single.latency().percentileMillis(0.99), "ms");

        double half = single.requestsPerSecond() / 2;
        log("single-event POSTs paced at %.0f requests/s (half the maximum), %d s", half, phase.toSeconds());
        HttpLoad.Result paced = HttpLoad.run(events, key, "application/cloudevents+json", connections, phase, 1,
                () -> EventPayloads.cloudEvent(run), half);
        bench("ingest.single_half_rate", paced.requestsPerSecond(), "requests/s");
        bench("ingest.single_half_rate_p99", paced.latency().percentileMillis(0.99), "ms");

        bench("ingest.errors", batched.errors() + single.errors() + paced.errors(), "requests");
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

    private static void bench(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.3f %s", name, value, unit));
    }

    private static void log(String format, Object... args) {
        System.err.println("[ingest-bench] " + String.format(Locale.ROOT, format, args));
    }
}
