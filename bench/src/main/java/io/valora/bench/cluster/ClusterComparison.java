package io.valora.bench.cluster;

import io.valora.bench.ingest.IngestRun;
import io.valora.bench.rating.RatingRun;
import io.valora.bench.rating.StartedThings;
import io.valora.deploy.LocalStackSettings;
import io.valora.deploy.Loopback;
import io.valora.deploy.RuntimeClasspath;
import io.valora.deploy.ServiceProcess;
import io.valora.deploy.ServiceSpec;
import io.valora.schemas.Topics;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Ingest and rating on three Kafka clusters in one run (issue 16): one plaintext broker ({@code plain1}, the
 * baseline), three plaintext brokers with replication 3 ({@code plain3}) and the secured three-broker cluster
 * ({@code secure3}: SASL_SSL, SCRAM, ACLs, replication 3). For each cluster in turn it starts the brokers, provisions
 * topics (and users and ACLs), then
 *
 * <ol>
 *   <li>rating: pre-produces events, starts the packaged rating-streams (its own principal on the secured cluster)
 *       and measures events/s through the full topology, with rating-streams' and the brokers' CPU per event;</li>
 *   <li>ingest: starts the packaged ingest-gateway (its own principal), warms it up, measures the raw producer with
 *       the gateway's client properties, batched POSTs and single-event POSTs, with the gateway's and the brokers'
 *       CPU per event or request;</li>
 * </ol>
 *
 * and stops everything before the next cluster, also on failure or Ctrl-C. Rating runs first so that the gateway's
 * events are not in its input and no service competes with the other for the cores. Every figure is printed as
 * {@code BENCH cluster.<name>.<figure> <value> <unit>}, then, for the other clusters, as a ratio to {@code plain1}.
 * On a machine with few cores the brokers, the service and the load tool share them, so the rates say mostly how
 * much CPU each setup needs; the CPU per event beside them is the steadier figure. Options: {@link ComparisonOptions}.
 */
public final class ClusterComparison {

    private static final String GATEWAY = "ingest-gateway";
    private static final String RATING = "rating-streams";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private ClusterComparison() {
    }

    public static void main(String[] args) throws Exception {
        ComparisonOptions options = ComparisonOptions.parse(args, LocalStackSettings.findRepoRoot(Path.of("")));
        Path workDir = options.workDir() != null ? Files.createDirectories(options.workDir())
                : Files.createTempDirectory("valora-cluster-bench-");
        RuntimeClasspath classpath = RuntimeClasspath.load(RuntimeClasspath.defaultFile(options.repoRoot()));
        List<Figures> done = new ArrayList<>();
        boolean failed = false;
        for (String name : options.clusters()) {
            try {
                done.add(measure(name, options, workDir.resolve(name), classpath));
            } catch (Exception | Error e) {
                failed = true;
                log("%s FAILED: %s", name, e);
                e.printStackTrace();
            }
        }
        Figures baseline = done.stream().filter(f -> f.cluster().equals("plain1")).findFirst().orElse(null);
        if (baseline != null) {
            done.stream().filter(f -> f != baseline).forEach(f -> f.printRatiosTo(baseline));
        }
        if (failed || options.keep()) {
            log("broker data, state and logs kept in %s", workDir);
        } else {
            deleteTree(workDir);
        }
        // Leftover non-daemon client threads must not keep a finished benchmark alive.
        System.exit(failed ? 1 : 0);
    }

    private static Figures measure(String name, ComparisonOptions options, Path dir, RuntimeClasspath classpath)
            throws Exception {
        Figures figures = new Figures(name);
        figures.put("loadavg_before", loadAverage(), "load");
        Topics topics = Topics.unprefixed();
        try (StartedThings started = new StartedThings()) {
            log("%s: starting the cluster in %s", name, dir);
            ClusterUnderTest cluster = started.add(start(name, dir, classpath, topics, options.partitions()));
            log("%s: brokers %s, topics with replication %d", name, cluster.brokerPids(),
                    cluster.registry().replicationFactor());

            log("%s: rating %d events over %d customers", name, options.ratingEvents(), options.customers());
            List<String> ratingJvm = new ArrayList<>(options.ratingJvm());
            cluster.registry().ratingStreamsProperties().forEach((k, v) -> ratingJvm.add("-D" + k + "=" + v));
            RatingRun.Result rating = RatingRun.measure(new RatingRun.Settings(options.repoRoot(), dir,
                    cluster.benchClient(), cluster.serviceEnv(RATING), ratingJvm, topics, options.ratingEvents(),
                    options.customers(), options.timeout()), cluster.brokerPids());
            figures.put("rating", rating.eventsPerSecond(), "events/s");
            figures.put("rating_cpu_per_event", rating.ratingCpuPerEvent(), "us");
            figures.put("rating_broker_cpu_per_event", rating.brokerCpuPerEvent(), "us");
            figures.put("rating_preload_producer", rating.preloadPerSecond(), "events/s");

            int port = Loopback.freePort();
            ServiceProcess gateway = started.add(ServiceProcess.start(ServiceSpec.quarkusApp(GATEWAY,
                    options.repoRoot().resolve(GATEWAY), port, cluster.serviceEnv(GATEWAY), options.gatewayJvm()),
                    dir.resolve("logs"), START_TIMEOUT));
            log("%s: ingest-gateway ready (pid %d); warm-up %d s x 2, then raw producer, batched, single, %d s each",
                    name, gateway.pid(), options.warmUp().toSeconds(), options.phase().toSeconds());
            IngestRun.Result ingest = IngestRun.measure(new IngestRun.Settings(URI.create(gateway.url()),
                    "valora-dev-key", cluster.gatewayClient(), topics.usageEvents(), options.phase(), options.warmUp(),
                    options.connections(), options.batch()), gateway.pid(), cluster.brokerPids());
            figures.put("ingest_raw_producer", ingest.rawProducer(), "events/s");
            figures.put("ingest_batched", ingest.batched(), "events/s");
            figures.put("ingest_batched_p99", ingest.batchedP99(), "ms");
            figures.put("ingest_batched_gateway_cpu_per_event", ingest.batchedGatewayCpu(), "us");
            figures.put("ingest_batched_broker_cpu_per_event", ingest.batchedBrokerCpu(), "us");
            figures.put("ingest_single", ingest.single(), "requests/s");
            figures.put("ingest_single_p99", ingest.singleP99(), "ms");
            figures.put("ingest_single_gateway_cpu_per_request", ingest.singleGatewayCpu(), "us");
            figures.put("ingest_single_broker_cpu_per_request", ingest.singleBrokerCpu(), "us");
            figures.put("ingest_errors", ingest.errors(), "requests");
            figures.put("loadavg_after", loadAverage(), "load");
            log("%s: stopping", name);
        }
        return figures;
    }

    private static ClusterUnderTest start(String name, Path dir, RuntimeClasspath classpath, Topics topics,
            int partitions) {
        return switch (name) {
            case "plain1" -> SingleBroker.start(dir, classpath, topics, partitions, START_TIMEOUT);
            case "plain3" -> ThreeBrokers.start(dir, classpath, topics, partitions, START_TIMEOUT);
            case "secure3" -> SecuredThreeBrokers.start(dir, classpath, topics, partitions, START_TIMEOUT);
            default -> throw new IllegalArgumentException("unknown cluster " + name);
        };
    }

    /** One-minute load average: other work on the same cores changes every figure, so it is printed with them. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void log(String format, Object... args) {
        System.err.println("[cluster-bench] " + String.format(Locale.ROOT, format, args));
    }
}
