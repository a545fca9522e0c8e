package io.valora.bench.rating;

import io.valora.bench.NamedArgs;
import io.valora.deploy.KafkaConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The knobs of one run, from {@code --name value} pairs; every one has a default that keeps a run
 * within a few minutes on the project's 2-core machine.
 *
 * @param events           pre-produced usage events (1,000,000)
 * @param customers        throughput customers they are spread over (10,000)
 * @param latencyCustomers customers of the paced phase (1,000)
 * @param latencySeconds   length of the paced phase (20)
 * @param partitions       partitions of every topic (3, as the launcher)
 * @param threads          stream threads of both topologies (1, Kafka Streams' default)
 * @param commitIntervalMs commit interval of both topologies (200, rating-streams' default)
 * @param serviceJvm       JVM options of rating-streams (-Xmx512m)
 * @param brokerJvm        JVM options of the broker (the launcher's)
 * @param timeout          longest wait for one topology to catch up (30 minutes)
 * @param repoRoot         the checkout whose rating-streams is run (found from the working directory)
 * @param workDir          broker data, state and logs (a new temporary directory)
 * @param keep             keep workDir after a successful run (it is always kept after a failure)
 * @param stateFloor       also run {@link StateFloorTopology} between the pass-through and rating (true)
 */
record RunOptions(long events, int customers, int latencyCustomers, int latencySeconds, int partitions, int threads,
        int commitIntervalMs, List<String> serviceJvm, List<String> brokerJvm, Duration timeout, Path repoRoot,
        Path workDir, boolean keep, boolean stateFloor) {

    private static final Set<String> KNOWN = Set.of("events", "customers", "latency-customers", "latency-seconds",
            "partitions", "threads", "commit-interval-ms", "service-jvm", "broker-jvm", "timeout-seconds", "repo",
            "work-dir", "keep", "state-floor");

    static RunOptions parse(String[] args, Path defaultRepoRoot) {
        Map<String, String> o = NamedArgs.parse(args, KNOWN);
        return new RunOptions(
                Long.parseLong(o.getOrDefault("events", "1000000")),
                Integer.parseInt(o.getOrDefault("customers", "10000")),
                Integer.parseInt(o.getOrDefault("latency-customers", "1000")),
                Integer.parseInt(o.getOrDefault("latency-seconds", "20")),
                Integer.parseInt(o.getOrDefault("partitions", "3")),
                Integer.parseInt(o.getOrDefault("threads", "1")),
                Integer.parseInt(o.getOrDefault("commit-interval-ms", "200")),
                words(o.getOrDefault("service-jvm", "-Xmx512m")),
                o.containsKey("broker-jvm") ? words(o.get("broker-jvm")) : KafkaConfig.DEFAULT_JVM_OPTIONS,
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("timeout-seconds", "1800"))),
                Path.of(o.getOrDefault("repo", defaultRepoRoot.toString())).toAbsolutePath(),
                o.containsKey("work-dir") ? Path.of(o.get("work-dir")).toAbsolutePath() : null,
                Boolean.parseBoolean(o.getOrDefault("keep", "false")),
                Boolean.parseBoolean(o.getOrDefault("state-floor", "true")));
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
