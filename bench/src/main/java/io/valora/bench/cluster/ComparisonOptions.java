package io.valora.bench.cluster;

import io.valora.bench.NamedArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The knobs of one {@link ClusterComparison} run, from {@code --name value} pairs. The defaults keep a run of all
 * three clusters near a quarter of an hour on the project's 2-core machine.
 *
 * @param clusters      which clusters, in order ({@code plain1,plain3,secure3})
 * @param phase         each measured ingest phase ({@code --seconds}, 10)
 * @param warmUp        each ingest warm-up, batched then single ({@code --warmup} seconds, 30)
 * @param connections   keep-alive HTTP connections of the ingest load (128, as IngestLoad)
 * @param batch         events per batched request (500)
 * @param ratingEvents  events pre-produced and rated per cluster (300,000)
 * @param customers     customers they are spread over (10,000)
 * @param partitions    partitions of every topic (3, as the launcher)
 * @param gatewayJvm    JVM options of ingest-gateway (-Xmx512m)
 * @param ratingJvm     JVM options of rating-streams (-Xmx512m)
 * @param timeout       longest wait for rating-streams to rate every event (1,800 s)
 * @param repoRoot      the checkout whose packaged services run (found from the working directory)
 * @param workDir       broker data, state and logs (a new temporary directory)
 * @param keep          keep workDir after a successful run (it is always kept after a failure)
 */
record ComparisonOptions(List<String> clusters, Duration phase, Duration warmUp, int connections, int batch,
        long ratingEvents, int customers, int partitions, List<String> gatewayJvm, List<String> ratingJvm,
        Duration timeout, Path repoRoot, Path workDir, boolean keep) {

    static final List<String> ALL_CLUSTERS = List.of("plain1", "plain3", "secure3");
    private static final Set<String> KNOWN = Set.of("clusters", "seconds", "warmup", "connections", "batch",
            "rating-events", "customers", "partitions", "gateway-jvm", "rating-jvm", "timeout-seconds", "repo",
            "work-dir", "keep");

    static ComparisonOptions parse(String[] args, Path defaultRepoRoot) {
        Map<String, String> o = NamedArgs.parse(args, KNOWN);
        List<String> clusters = Arrays.stream(o.getOrDefault("clusters", String.join(",", ALL_CLUSTERS)).split(","))
                .map(String::strip).toList();
        for (String cluster : clusters) {
            if (!ALL_CLUSTERS.contains(cluster)) {
                throw new IllegalArgumentException("unknown cluster " + cluster + "; known: " + ALL_CLUSTERS);
            }
        }
        return new ComparisonOptions(clusters,
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "10"))),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("warmup", "30"))),
                Integer.parseInt(o.getOrDefault("connections", "128")),
                Integer.parseInt(o.getOrDefault("batch", "500")),
                Long.parseLong(o.getOrDefault("rating-events", "300000")),
                Integer.parseInt(o.getOrDefault("customers", "10000")),
                Integer.parseInt(o.getOrDefault("partitions", "3")),
                words(o.getOrDefault("gateway-jvm", "-Xmx512m")),
                words(o.getOrDefault("rating-jvm", "-Xmx512m")),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("timeout-seconds", "1800"))),
                Path.of(o.getOrDefault("repo", defaultRepoRoot.toString())).toAbsolutePath(),
                o.containsKey("work-dir") ? Path.of(o.get("work-dir")).toAbsolutePath() : null,
                Boolean.parseBoolean(o.getOrDefault("keep", "false")));
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
