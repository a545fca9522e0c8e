package io.valora.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the secured local cluster runs: three (or more) KRaft nodes, each broker and controller, each its
 * own {@code kafka.Kafka} process.
 *
 * @param dataDir         one sub-folder per node ({@code node-1}, ...), the TLS files ({@code tls/}) and the
 *                        generated passwords ({@code secrets.properties}); delete it to start from scratch
 * @param logDir          where the nodes' logs go
 * @param ports           each node's SASL_SSL listener on 127.0.0.1 (clients and inter-broker traffic)
 * @param controllerPorts each node's mutual-TLS controller listener on 127.0.0.1
 * @param jvmOptions      options for every node's JVM
 */
public record SecureClusterConfig(Path dataDir, Path logDir, List<Integer> ports, List<Integer> controllerPorts,
        List<String> jvmOptions) {

    public static final int NODES = 3;
    public static final List<Integer> DEFAULT_PORTS = List.of(9192, 9194, 9196);
    public static final List<Integer> DEFAULT_CONTROLLER_PORTS = List.of(9193, 9195, 9197);
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms96m", "-Xmx384m", "-XX:+UseG1GC");

    public SecureClusterConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        dataDir = dataDir.toAbsolutePath().normalize();
        logDir = logDir == null ? dataDir.resolve("logs") : logDir.toAbsolutePath().normalize();
        ports = List.copyOf(ports);
        controllerPorts = List.copyOf(controllerPorts);
        jvmOptions = jvmOptions == null ? DEFAULT_JVM_OPTIONS : List.copyOf(jvmOptions);
        if (ports.size() != controllerPorts.size() || ports.isEmpty()) {
            throw new IllegalArgumentException("one client port and one controller port per node, got " + ports
                    + " and " + controllerPorts);
        }
        List<Integer> all = new ArrayList<>(ports);
        all.addAll(controllerPorts);
        if (new HashSet<>(all).size() != all.size()) {
            throw new IllegalArgumentException("every port must differ: " + all);
        }
    }

    /** Three nodes on free ports. */
    public static SecureClusterConfig onFreePorts(Path dataDir, Path logDir) {
        List<Integer> ports = new ArrayList<>();
        List<Integer> controllers = new ArrayList<>();
        HashSet<Integer> taken = new HashSet<>();
        while (ports.size() < NODES || controllers.size() < NODES) {
            int port = Loopback.freePort();
            if (taken.add(port)) {
                (ports.size() < NODES ? ports : controllers).add(port);
            }
        }
        return new SecureClusterConfig(dataDir, logDir, ports, controllers, null);
    }

    public int nodes() {
        return ports.size();
    }

    /** Node ids are 1..n. */
    public Path nodeDir(int nodeId) {
        return dataDir.resolve("node-" + nodeId);
    }

    public String bootstrapServers() {
        return String.join(",", ports.stream().map(p -> "127.0.0.1:" + p).toList());
    }

    /** {@code 1@127.0.0.1:<c1>,2@...}: the static KRaft quorum. */
    public String quorumVoters() {
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < nodes(); i++) {
            voters.add((i + 1) + "@127.0.0.1:" + controllerPorts.get(i));
        }
        return String.join(",", voters);
    }
}
