package io.valora.bench.reliability;

import io.valora.deploy.KafkaConfig;
import io.valora.deploy.LocalStackSettings;
import io.valora.deploy.PostgresConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What one reliability invocation runs, shared by the command ({@link ReliabilityRun}) and the CI test so both
 * start the stacks with the same settings: each run on a fresh stack in {@code <dataDir>/run-N}, run 1 on 3
 * partitions and run 2 on 5 (other partitioning and send order for the determinism check).
 *
 * @param config   size and noise of the scenario
 * @param runs     1, or 2 for the determinism check
 * @param soak     sustained load after run 1's checks ({@link Soak}); zero for none
 * @param repoRoot the checkout whose packaged services run
 * @param dataDir  where each run keeps its stack's data and logs
 */
public record RunPlan(HarnessConfig config, int runs, Duration soak, Path repoRoot, Path dataDir) {

    private static final int[] PARTITIONS = {3, 5};
    /** The services' default heap bound, committed and touched at start (see {@link #settings}). */
    static final List<String> SOAK_SERVICE_OPTIONS = List.of("-Xmx256m", "-Xms256m", "-XX:+AlwaysPreTouch");

    /** Runs the scenario {@code runs} times, each against its own stack that is stopped afterwards, also on failure. */
    public List<RunResult> execute(Scenario scenario, PrintStream out) {
        List<RunResult> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path runDir = dataDir.resolve("run-" + run);
            deleteTree(runDir);
            LocalStackSettings settings = settings(run, runDir, run == 1 && !soak.isZero(), out);
            String label = "run %d (%d partitions, order seed %d)".formatted(run, settings.topicPartitions(), run);
            out.println("== " + label);
            // the soak runs once, after the first run's checks, on its stack
            results.add(new HarnessRun(scenario, settings, run, run == 1 ? soak : Duration.ZERO, out).execute(label));
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
                // a killed member leaves the group after 6 s, not 45; periods close by event time only (no
                // wall-clock close), so the previous month is open until the current month's usage passes its
                // end plus grace, and only the LATE phase is late
                .ratingProperties(Map.of("kafka-streams.session.timeout.ms", "6000",
                        "valora.rating.idle-close-delay", "off"))
                // as rating: a SIGKILLed invoice-service leaves its group after 6 s, not 45
                .serviceEnv("invoice-service", Map.of("VALORA_OPERATOR_TOKEN", HarnessRun.OPERATOR_TOKEN,
                        "VALORA_CONSUMER_SESSION_TIMEOUT", "6s"))
                .progress(line -> out.println("  " + line))
                .build();
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
