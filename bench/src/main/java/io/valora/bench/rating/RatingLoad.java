package io.valora.bench.rating;

import io.valora.bench.ClientProperties;
import static io.valora.bench.rating.BenchOutput.bench;
import static io.valora.bench.rating.BenchOutput.log;

import io.valora.deploy.KafkaConfig;
import io.valora.deploy.KafkaProcess;
import io.valora.deploy.LocalStackSettings;
import io.valora.deploy.Loopback;
import io.valora.deploy.RuntimeClasspath;
import io.valora.deploy.ServiceProcess;
import io.valora.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * Rating throughput and latency on a real broker (issue 5, "Benchmark"). In one run, on one broker
 * it starts itself, over the same pre-produced input:
 *
 * <ol>
 *   <li>a pass-through Kafka Streams topology (exactly_once_v2, same serdes) — what the ratio goal compares with;</li>
 *   <li>the {@link StateFloorTopology} — the state rating must keep, without its logic;</li>
 *   <li>the packaged rating-streams service as its own process — the real topology — after which
 *       its charges are checked against the input and the plan;</li>
 *   <li>events paced at half the measured rating rate, for produce-to-charge latency.</li>
 * </ol>
 *
 * Prints {@code BENCH} lines (see {@link BenchOutput}) and stops everything it started, also on
 * failure or Ctrl-C. Options: {@link RunOptions}.
 */
public final class RatingLoad {

    private static final String PASSTHROUGH_OUTPUT = "bench.passthrough-out";
    private static final String STATE_FLOOR_OUTPUT = "bench.state-floor-out";
    private static final Duration LATENCY_DRAIN = Duration.ofSeconds(30);

    private RatingLoad() {
    }

    public static void main(String[] args) throws Exception {
        RunOptions options = RunOptions.parse(args, LocalStackSettings.findRepoRoot(Path.of("")));
        Path workDir = options.workDir() != null ? Files.createDirectories(options.workDir())
                : Files.createTempDirectory("valora-rating-bench-");
        boolean success = false;
        try (StartedThings started = new StartedThings()) {
            run(options, workDir, started);
            success = true;
        } catch (Exception | Error e) {
            log("FAILED: %s", e);
            e.printStackTrace();
        } finally {
            if (success && !options.keep()) {
                deleteTree(workDir);
            } else {
                log("broker data, state and logs kept in %s", workDir);
            }
        }
        // Leftover non-daemon client threads must not keep a finished benchmark alive.
        System.exit(success ? 0 : 1);
    }

    private static void run(RunOptions options, Path workDir, StartedThings started) throws Exception {
        bench("rating.loadavg_before", loadAverage(), "load");
        Topics topics = Topics.unprefixed();
        Workload workload = new Workload("bench-" + UUID.randomUUID().toString().substring(0, 8), options.customers(),
                options.latencyCustomers());

        RuntimeClasspath classpath = RuntimeClasspath.load(RuntimeClasspath.defaultFile(options.repoRoot()));
        int port = Loopback.freePort();
        int controllerPort = otherFreePort(port);
        KafkaProcess kafka = started.add(KafkaProcess.start(new KafkaConfig(workDir.resolve("kafka"),
                workDir.resolve("logs"), port, controllerPort, options.brokerJvm()), classpath, Duration.ofMinutes(2)));
        String bootstrap = kafka.bootstrapServers();
        ClientProperties client = ClientProperties.plaintext(bootstrap);
        log("broker %s (pid %d), work dir %s", bootstrap, kafka.pid(), workDir);

        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Admin admin = started.add(Admin.create(adminProps));
        createTopics(admin, topics, options.partitions());

        log("catalog: meter, plan, %d + %d customers with subscriptions", options.customers(), options.latencyCustomers());
        CatalogWriter.write(client, topics, workload, Instant.now());
        log("pre-producing %d usage events over %d customers", options.events(), options.customers());
        bench("rating.preload_producer", EventPreloader.preload(client, topics.usageEvents(), workload, options.events()),
                "events/s");
        CpuWindow passthroughCpu = new CpuWindow(ProcessHandle.current().pid(), kafka.pid());
        log("pass-through topology (in this JVM), %d thread(s), exactly_once_v2", options.threads());
        OutputWatch.Result passthrough = inThisJvm(options, started, bootstrap, passthroughCpu, PASSTHROUGH_OUTPUT,
                PassThroughTopology.build(topics.usageEvents(), PASSTHROUGH_OUTPUT),
                PassThroughTopology.settings(PassThroughTopology.APPLICATION_ID, bootstrap,
                        workDir.resolve("passthrough-state"), options.threads(), options.commitIntervalMs()));
        bench("rating.passthrough_eos", passthrough.perSecond(), "events/s");
        if (options.stateFloor()) {
            log("state floor topology (in this JVM): the stores rating must write, without its logic");
            CpuWindow floorCpu = new CpuWindow(ProcessHandle.current().pid(), kafka.pid());
            OutputWatch.Result floor = inThisJvm(options, started, bootstrap, floorCpu, STATE_FLOOR_OUTPUT,
                    StateFloorTopology.build(topics.usageEvents(), STATE_FLOOR_OUTPUT),
                    PassThroughTopology.settings(StateFloorTopology.APPLICATION_ID, bootstrap,
                            workDir.resolve("state-floor-state"), options.threads(), options.commitIntervalMs()));
            bench("rating.state_floor_eos", floor.perSecond(), "events/s");
            bench("rating.state_floor_ratio", floor.perSecond() / passthrough.perSecond(), "ratio");
            bench("rating.state_floor_cpu_per_event", floorCpu.microsPerEvent(options.events()), "us");
            bench("rating.state_floor_jit_cpu_per_event", floorCpu.jitMicrosPerEvent(options.events()), "us");
        }

        CpuWindow fullCpu = new CpuWindow(ProcessHandle.current().pid(), kafka.pid());
        OutputWatch.Result full = fullTopology(options, workDir, started, admin, bootstrap, topics, fullCpu);
        bench("rating.full_eos", full.perSecond(), "events/s");
        bench("rating.full_eos_wall", options.events() / (full.total().toNanos() / 1e9), "events/s");
        double ratio = full.perSecond() / passthrough.perSecond();
        bench("rating.ratio", ratio, "ratio");
        bench("rating.passthrough_eos_second_half", passthrough.secondHalfPerSecond(), "events/s");
        bench("rating.full_eos_second_half", full.secondHalfPerSecond(), "events/s");
        bench("rating.ratio_second_half", full.secondHalfPerSecond() / passthrough.secondHalfPerSecond(), "ratio");
        // CPU per event depends far less on what else runs on the cores than events/s does
        double passthroughMicros = passthroughCpu.microsPerEvent(options.events());
        double fullMicros = fullCpu.microsPerEvent(options.events());
        bench("rating.passthrough_cpu_per_event", passthroughMicros, "us");
        bench("rating.full_cpu_per_event", fullMicros, "us");
        bench("rating.cpu_ratio", passthroughMicros / fullMicros, "ratio");
        // rating-streams starts cold; the in-JVM topologies run in a JVM that has been producing for a while
        bench("rating.passthrough_jit_cpu_per_event", passthroughCpu.jitMicrosPerEvent(options.events()), "us");
        bench("rating.full_jit_cpu_per_event", fullCpu.jitMicrosPerEvent(options.events()), "us");

        int priced = ChargeCheck.verify(bootstrap, topics.ratedCharges(), workload, options.events(),
                EndOffsets.of(admin, topics.ratedCharges()));
        log("charges check: every customer's event count and quantity match the input; amounts checked against the "
                + "plan for %d customers%s", priced, priced == 0 ? " (the topology does not price with the catalog plan)" : "");
        bench("rating.charges_priced_by_plan", priced, "customers");

        double rate = full.perSecond() / 2;
        log("paced phase: %.0f events/s (half the rating rate) for %d s over %d customers", rate,
                options.latencySeconds(), options.latencyCustomers());
        PacedLatency.Result latency = PacedLatency.run(bootstrap, topics.usageEvents(), topics.ratedCharges(), workload,
                rate, Duration.ofSeconds(options.latencySeconds()), LATENCY_DRAIN);
        bench("rating.latency_rate", latency.sentRate(), "events/s");
        bench("rating.latency_p50", latency.latencies().percentileMillis(0.50), "ms");
        bench("rating.latency_p99", latency.latencies().percentileMillis(0.99), "ms");
        bench("rating.latency_max", latency.latencies().percentileMillis(1.0), "ms");
        bench("rating.latency_missing", latency.missing(), "events");
        if (latency.missing() > 0) {
            log("some paced events never showed up in a committed charge; offsets now:");
            LagReport.log(admin, RatingService.APPLICATION_ID, topics.ratedCharges());
        }
        bench("rating.loadavg_after", loadAverage(), "load");

        double p99 = latency.latencies().percentileMillis(0.99);
        log("goal ratio >= 0.5: %s (%.3f)", ratio >= 0.5 ? "met" : "NOT met", ratio);
        log("goal p99 < 1000 ms at half the maximum rate: %s (%.1f ms, %d events without a charge)",
                p99 < 1000 && latency.missing() == 0 ? "met" : "NOT met", p99, latency.missing());
    }

    /** Runs a topology in this JVM over the pre-produced input until its output accounts for every event, then stops it. */
    private static OutputWatch.Result inThisJvm(RunOptions options, StartedThings started, String bootstrap, CpuWindow cpu,
            String output, Topology topology, Properties settings) {
        OutputWatch watch = started.add(new OutputWatch(ClientProperties.plaintext(bootstrap), output));
        KafkaStreams streams = new KafkaStreams(topology, settings);
        AutoCloseable stop = started.add(() -> streams.close(Duration.ofSeconds(30)));
        streams.start();
        cpu.start(watch.accountedFor());
        OutputWatch.Result result = watch.await(options.events(), new PassThroughProgress(), options.timeout(),
                () -> streams.state().isRunningOrRebalancing() || streams.state() == KafkaStreams.State.CREATED);
        cpu.stop();
        // Stopped before the next topology starts, so no two of them share the CPU.
        try {
            stop.close();
            watch.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the topology writing " + output, e);
        }
        return result;
    }

    private static OutputWatch.Result fullTopology(RunOptions options, Path workDir, StartedThings started, Admin admin,
            String bootstrap, Topics topics, CpuWindow cpu) throws Exception {
        log("rating-streams (packaged, own process), %d thread(s), %s", options.threads(), options.serviceJvm());
        OutputWatch watch = started.add(new OutputWatch(ClientProperties.plaintext(bootstrap), topics.ratedCharges()));
        AtomicReference<ServiceProcess> service = new AtomicReference<>();
        AtomicReference<RuntimeException> startFailure = new AtomicReference<>();
        // Watching starts before the process: it begins rating before it answers its readiness check.
        CompletableFuture<OutputWatch.Result> watching = CompletableFuture.supplyAsync(() -> watch.await(options.events(),
                new ChargeProgress(), options.timeout(), () -> startFailure.get() == null
                        && Optional.ofNullable(service.get()).map(ServiceProcess::isAlive).orElse(true),
                () -> "(" + GroupLag.summary(admin, RatingService.APPLICATION_ID) + ")"));
        try {
            ServiceProcess process = started.add(RatingService.start(options.repoRoot(), bootstrap, workDir,
                    Loopback.freePort(), options.serviceJvm(), options.threads(), options.commitIntervalMs()));
            service.set(process);
            cpu.add(process.pid());
            cpu.start(watch.accountedFor()); // after readiness: the service's own boot is not rating
            log("rating-streams ready in %d ms (pid %d), log %s", process.startupTime().toMillis(), process.pid(),
                    process.log());
        } catch (RuntimeException e) {
            startFailure.set(e);
            throw e;
        }
        try {
            OutputWatch.Result result = watching.get(options.timeout().toSeconds() + 60, TimeUnit.SECONDS);
            cpu.stop();
            return result;
        } catch (ExecutionException e) {
            throw new IllegalStateException("rating-streams did not rate every event (log " + service.get().log() + ")",
                    e.getCause());
        } finally {
            watch.close();
        }
    }

    private static void createTopics(Admin admin, Topics topics, int partitions) throws Exception {
        Stream<NewTopic> valora = topics.all().stream().map(name -> new NewTopic(name, Optional.of(partitions),
                Optional.of((short) 1)).configs(topics.compacted().contains(name) ? Map.of("cleanup.policy", "compact")
                : Map.of()));
        Stream<NewTopic> output = Stream.of(PASSTHROUGH_OUTPUT, STATE_FLOOR_OUTPUT)
                .map(name -> new NewTopic(name, Optional.of(partitions), Optional.of((short) 1)));
        admin.createTopics(Stream.concat(valora, output).toList()).all().get(60, TimeUnit.SECONDS);
    }

    private static int otherFreePort(int taken) {
        int port = Loopback.freePort();
        while (port == taken) {
            port = Loopback.freePort();
        }
        return port;
    }

    /** One-minute load average: other builds on the same cores change every figure, so it is printed with them. */
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
}
