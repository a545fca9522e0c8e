package io.valora.bench.rating;

import io.valora.deploy.ServiceProcess;
import io.valora.deploy.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged rating-streams service ({@code rating-streams/target/quarkus-app}) started as its
 * own process, the way the launcher runs it: what is measured is the shipped application with
 * its own configuration, not a copy of its topology.
 */
final class RatingService {

    /** Its Kafka Streams application id (rating-streams' application.properties). */
    static final String APPLICATION_ID = "valora-rating";
    static final String NAME = "rating-streams";

    private RatingService() {
    }

    /**
     * Starts it and returns once it answers its readiness check.
     *
     * @param jvmOptions e.g. {@code -Xmx512m}; the thread count and commit interval are added as
     *                   {@code kafka-streams.*} system properties so both topologies run alike
     */
    static ServiceProcess start(Path repoRoot, String bootstrapServers, Path workDir, int httpPort, List<String> jvmOptions,
            int threads, int commitIntervalMs) {
        return start(repoRoot, Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers), workDir, httpPort, jvmOptions,
                threads, commitIntervalMs);
    }

    /**
     * As {@link #start(Path, String, Path, int, List, int, int)}, connecting with {@code kafkaEnv}: the
     * {@code KAFKA_*} variables the service reads as {@code kafka.*} (bootstrap servers, and on a secured cluster
     * its principal's SASL and TLS settings).
     */
    static ServiceProcess start(Path repoRoot, Map<String, String> kafkaEnv, Path workDir, int httpPort,
            List<String> jvmOptions, int threads, int commitIntervalMs) {
        Path module = repoRoot.resolve(NAME);
        if (!Files.isRegularFile(ServiceSpec.quarkusRunJar(module))) {
            throw new IllegalStateException(ServiceSpec.quarkusRunJar(module) + " is missing: build it first ("
                    + "./mvnw -B -q -ntp install -DskipTests -pl deploy -am)");
        }
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dkafka-streams.num.stream.threads=" + threads);
        options.add("-Dkafka-streams.commit.interval.ms=" + commitIntervalMs);
        Map<String, String> env = new HashMap<>(kafkaEnv);
        env.put("VALORA_STATE_DIR", workDir.resolve("rating-state").toString());
        ServiceSpec spec = ServiceSpec.quarkusApp(NAME, module, httpPort, env, options);
        return ServiceProcess.start(spec, workDir.resolve("logs"), Duration.ofMinutes(3));
    }
}
