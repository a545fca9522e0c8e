package io.valora.bench.rating;

import static io.valora.bench.rating.BenchOutput.log;

import io.valora.bench.ClientProperties;
import io.valora.deploy.Loopback;
import io.valora.deploy.ServiceProcess;
import io.valora.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rating figures one cluster gives, for a run that compares clusters ({@code io.valora.bench.cluster}): the
 * packaged rating-streams works through pre-produced events on a cluster someone else started and provisioned, as
 * in {@link RatingLoad}'s full-topology phase; the rate and the CPU per event of rating-streams and of the brokers
 * are returned instead of printed. The service is stopped before this returns, also on failure.
 */
public final class RatingRun {

    /**
     * What to run.
     *
     * @param repoRoot   the checkout whose packaged rating-streams runs
     * @param workDir    its state and log folder
     * @param client     how this tool's producers and reader connect (a principal that may write the catalog
     *                   and usage-events topics and read rated-charges)
     * @param serviceEnv the {@code KAFKA_*} environment of rating-streams (its own principal on a secured cluster)
     * @param serviceJvm JVM options of rating-streams, e.g. {@code -Xmx512m} and {@code -Dkafka-streams.*} settings
     * @param topics     the topic names
     * @param events     events to pre-produce and rate
     * @param customers  throughput customers they are spread over
     * @param timeout    longest wait for rating-streams to account for every event
     */
    public record Settings(Path repoRoot, Path workDir, ClientProperties client, Map<String, String> serviceEnv,
            List<String> serviceJvm, Topics topics, long events, int customers, Duration timeout) {
    }

    /**
     * @param eventsPerSecond   events/s from the first charge to the last event accounted for
     * @param ratingCpuPerEvent rating-streams CPU microseconds per event, from its readiness to the end
     * @param brokerCpuPerEvent all brokers' CPU microseconds per event in the same window
     * @param preloadPerSecond  acknowledged events/s of the pre-producing producer (same client settings)
     */
    public record Result(double eventsPerSecond, double ratingCpuPerEvent, double brokerCpuPerEvent,
            double preloadPerSecond) {
    }

    private RatingRun() {
    }

    /** Writes the catalog and the events, starts rating-streams and waits until its charges account for them. */
    public static Result measure(Settings settings, List<Long> brokerPids) throws Exception {
        Workload workload = new Workload("cluster-" + UUID.randomUUID().toString().substring(0, 8), settings.customers(),
                0);
        CatalogWriter.write(settings.client(), settings.topics(), workload, Instant.now());
        double preload = EventPreloader.preload(settings.client(), settings.topics().usageEvents(), workload,
                settings.events());
        CpuWindow rating = new CpuWindow();
        CpuWindow brokers = new CpuWindow(brokerPids.stream().mapToLong(Long::longValue).toArray());
        try (StartedThings started = new StartedThings()) {
            OutputWatch watch = started.add(new OutputWatch(settings.client(), settings.topics().ratedCharges()));
            AtomicReference<ServiceProcess> service = new AtomicReference<>();
            AtomicReference<RuntimeException> startFailure = new AtomicReference<>();
            // Watching starts before the process: it begins rating before it answers its readiness check.
            CompletableFuture<OutputWatch.Result> watching = CompletableFuture.supplyAsync(() -> watch.await(
                    settings.events(), new ChargeProgress(), settings.timeout(), () -> startFailure.get() == null
                            && Optional.ofNullable(service.get()).map(ServiceProcess::isAlive).orElse(true)));
            try {
                ServiceProcess process = started.add(RatingService.start(settings.repoRoot(), settings.serviceEnv(),
                        settings.workDir(), Loopback.freePort(), settings.serviceJvm(), 1, 200));
                service.set(process);
                rating.add(process.pid());
                long soFar = watch.accountedFor();
                rating.start(soFar);
                brokers.start(soFar);
                log("rating-streams ready in %d ms (pid %d), log %s", process.startupTime().toMillis(), process.pid(),
                        process.log());
            } catch (RuntimeException e) {
                startFailure.set(e);
                throw e;
            }
            try {
                OutputWatch.Result result = watching.get(settings.timeout().toSeconds() + 60, TimeUnit.SECONDS);
                rating.stop();
                brokers.stop();
                return new Result(result.perSecond(), rating.microsPerEvent(settings.events()),
                        brokers.microsPerEvent(settings.events()), preload);
            } catch (ExecutionException e) {
                throw new IllegalStateException("rating-streams did not rate every event (log " + service.get().log()
                        + ")", e.getCause());
            }
        }
    }
}
