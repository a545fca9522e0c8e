package io.valora.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the local Kafka broker runs.
 *
 * @param dataDir        broker data (KRaft metadata log and topic partitions), {@code server.properties}, cluster id;
 *                       delete it to start from an empty cluster
 * @param logDir         where the broker's log files go
 * @param port           client listener on 127.0.0.1
 * @param controllerPort KRaft controller listener on 127.0.0.1
 * @param jvmOptions     options for the broker JVM, e.g. {@code -Xmx512m}
 */
public record KafkaConfig(Path dataDir, Path logDir, int port, int controllerPort, List<String> jvmOptions) {

    public static final int DEFAULT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC");

    public KafkaConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        dataDir = dataDir.toAbsolutePath().normalize();
        logDir = logDir == null ? dataDir.resolve("logs") : logDir.toAbsolutePath().normalize();
        jvmOptions = jvmOptions == null ? DEFAULT_JVM_OPTIONS : List.copyOf(jvmOptions);
        if (port == controllerPort) {
            throw new IllegalArgumentException("broker port and controller port must differ: " + port);
        }
    }

    /** Default ports and JVM options, logs under {@code <dataDir>/logs}. */
    public static KafkaConfig of(Path dataDir) {
        return new KafkaConfig(dataDir, null, DEFAULT_PORT, DEFAULT_CONTROLLER_PORT, null);
    }

    public KafkaConfig withPorts(int port, int controllerPort) {
        return new KafkaConfig(dataDir, logDir, port, controllerPort, jvmOptions);
    }

    public KafkaConfig withLogDir(Path logDir) {
        return new KafkaConfig(dataDir, logDir, port, controllerPort, jvmOptions);
    }

    /** Partition data and the KRaft metadata log. */
    public Path storageDir() {
        return dataDir.resolve("kraft-logs");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }
}
