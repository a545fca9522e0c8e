package io.valora.bench.reliability;

import io.valora.deploy.KafkaConfig;
import io.valora.deploy.LocalStackSettings;
import io.valora.deploy.PostgresConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one reliability invocation runs, shared by the command ({@link ReliabilityRun}) and the CI test so both
 * start the stacks with the same settings: each run on a fresh stack in {@code <dataDir>/run-N}, run 1 on 3
 * partitions and run 2 on 5 (other partitioning and send order for the determinism check).
 *
 * @param config   size and noise of the scenario
 * @param runs     1, or 2 for the determinism check
 * @param soak     sustained load after run 1's checks ({@link Soak}); {@link SoakPlan#NONE} for none
 * @param repoRoot the checkout whose packaged services run
 * @param dataDir  where each run keeps its stack's data and logs
 */
public record RunPlan(HarnessConfig config, int runs, SoakPlan soak, Path repoRoot, Path dataDir) {

    private static final int[] PARTITIONS = {3, 5};
    /** The services' default heap bound, committed and touched at start (see {@link #settings}). */
    static final List<String> SOAK_SERVICE_OPTIONS = List.of("-Xmx256m", "-Xms256m", "-XX:+AlwaysPreTouch");
    /** Kafka Streams' smallest probing interval (1 minute), for soaking runs (see {@link #ratingProperties}). */
    static final String PROBING_REBALANCE_MS = "60000";

    /** Runs the scenario {@code runs} times, each against its own stack that is stopped afterwards, also on failure. */
    public List<RunResult> execute(Scenario scenario, PrintStream out) {
        List<RunResult> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path runDir = dataDir.resolve("run-" + run);
            deleteTree(runDir);
            LocalStackSettings settings = settings(run, runDir, run == 1 && !soak.isOff(), out);
            String label = "run %d (%d partitions, order seed %d%s)".formatted(run, settings.topicPartitions(), run,
                    config.secure() ? ", secured 3-broker cluster" : "");
            out.println("== " + label);
            // the soak runs once, after the first run's checks, on its stack
            results.add(new HarnessRun(scenario, settings, run, run == 1 ? soak : SoakPlan.NONE,
                    Fault.schedule(config.secure(), run), out).execute(label));
        }
        return results;
    }

    private LocalStackSettings settings(int run, Path runDir, boolean soaks, PrintStream out) {
        LocalStackSettings.Builder builder = LocalStackSettings.builder(repoRoot).fromSystemProperties();
        if (soaks) {
            // The soak judges memory by RSS slope. A JVM's RSS also grows while it first touches the pages of its
            // heap (up to -Xmx, not a leak; a restarted instance starts with few touched), which hid the question
            // asked: does anything outside the heap grow? Services of a soaking run commit and touch their whole
            // heap at start; the heap's own content is judged by the live heap after a full GC (LiveHeap).
            builder.jvm(new LocalStackSettings.JvmOptions(KafkaConfig.DEFAULT_JVM_OPTIONS, PostgresConfig.DEFAULT_JVM_OPTIONS,
                    SOAK_SERVICE_OPTIONS));
        }
        return builder
                .dataDir(runDir)
                .ports(LocalStackSettings.Ports.free())
                .topicPartitions(PARTITIONS[(run - 1) % PARTITIONS.length])
                .ratingInstances(2)
                .ratingProperties(ratingProperties(soaks))
                // as rating: a SIGKILLed invoice-service leaves its group after 6 s, not 45
                .serviceEnv("invoice-service", Map.of("VALORA_OPERATOR_TOKEN", HarnessRun.OPERATOR_TOKEN,
                        "VALORA_CONSUMER_SESSION_TIMEOUT", "6s"))
                .progress(line -> out.println("  " + line))
                .build();
    }

    /**
     * A killed member leaves the group after 6 s, not 45; periods close by event time only (no wall-clock close), so
     * the previous month is open until the current month's usage passes its end plus grace, and only the LATE phase
     * is late. A soaking run also probes for caught-up warm-up replicas every minute instead of every 10: the rating
     * instance restarted by the fault schedule gets its stateful tasks back only through warm-up replicas and probing
     * rebalances, so with the default its tasks (and their RocksDB memory and load) came back 10 and 20 minutes after
     * the restart, in the middle of the soak (the 09:14 soak in docs/reliability.md). The soak measures memory under a
     * steady load, and a task arriving is a change of load, not a leak. CI's runs (no soak) keep the default.
     */
    static Map<String, String> ratingProperties(boolean soaks) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kafka-streams.session.timeout.ms", "6000");
        properties.put("valora.rating.idle-close-delay", "off");
        if (soaks) {
            properties.put("kafka-streams.probing.rebalance.interval.ms", PROBING_REBALANCE_MS);
        }
        return properties;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
