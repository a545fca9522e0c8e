package io.valora.bench.reliability;

import io.valora.deploy.LocalStackSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue #7's proof under fire, as one command ({@code ./valora reliability [--small] [--seed N] [--no-faults]
 * [--runs 1|2] [--soak-minutes M]}): generates a scenario, runs it against a fresh local stack (two rating-streams instances) with the
 * fault schedule, checks conservation, money, acknowledged events; with two runs, runs the same events again in
 * another order on another partition count and checks that every invoice is identical; with a soak, the first
 * run then holds half the maximum rate for M minutes and reports every process's memory slope. Prints the report and
 * writes it to {@code <data dir>/report.txt} (default {@code .valora/reliability/}); exits 0 only when every check
 * passed.
 */
public final class ReliabilityRun {

    private ReliabilityRun() {
    }

    public static void main(String[] args) {
        List<String> options = List.of(args);
        long seed = Long.parseLong(option(options, "--seed", "7"));
        HarnessConfig config = (options.contains("--small") ? HarnessConfig.small(seed) : HarnessConfig.full(seed))
                .withFaults(!options.contains("--no-faults"));
        int runs = Integer.parseInt(option(options, "--runs", "2"));
        java.time.Duration soak = java.time.Duration.ofMinutes(Long.parseLong(option(options, "--soak-minutes", "0")));
        Path repoRoot = Path.of(System.getProperty("valora.repo.root",
                LocalStackSettings.findRepoRoot(Path.of("")).toString()));
        Path dataDir = Path.of(option(options, "--data", repoRoot.resolve(".valora/reliability").toString()));
        PrintStream out = System.out;

        Scenario scenario = Scenario.generate(config, Instant.now());
        out.printf("Reliability run: %s%n", config);
        List<RunResult> results = new ArrayList<>();
        int[] partitions = {3, 5};
        for (int run = 1; run <= runs; run++) {
            Path runDir = dataDir.resolve("run-" + run);
            deleteTree(runDir);
            LocalStackSettings settings = LocalStackSettings.builder(repoRoot).fromSystemProperties()
                    .dataDir(runDir)
                    .ports(LocalStackSettings.Ports.free())
                    .topicPartitions(partitions[(run - 1) % partitions.length])
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
            String label = "run %d (%d partitions, order seed %d)".formatted(run, settings.topicPartitions(), run);
            out.println("== " + label);
            // the soak runs once, after the first run's checks, on its stack
            results.add(new HarnessRun(scenario, settings, run, run == 1 ? soak : java.time.Duration.ZERO, out)
                    .execute(label));
        }
        String report = Report.render(config, scenario, results);
        out.println(report);
        write(dataDir.resolve("report.txt"), report);
        System.exit(Report.passed(results) ? 0 : 1);
    }

    private static String option(List<String> options, String name, String fallback) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : fallback;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
