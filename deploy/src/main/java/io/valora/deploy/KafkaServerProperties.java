package io.valora.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code server.properties} for a single-node KRaft cluster: one process that is broker and controller,
 * listening on 127.0.0.1 only, every internal topic with one replica.
 *
 * <p>The quorum is static ({@code controller.quorum.voters}) rather than dynamic ({@code --standalone}): a
 * static voter list comes from this file on every start, so changing the controller port of an existing data
 * folder keeps working, while a dynamic quorum would remember the old endpoint in its metadata log.
 */
public final class KafkaServerProperties {

    /** The node id of the single broker/controller. */
    public static final int NODE_ID = 1;

    private KafkaServerProperties() {
    }

    /** The settings, in the order they are written. */
    public static Map<String, String> of(KafkaConfig config) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + config.controllerPort());
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + config.port() + ",CONTROLLER://127.0.0.1:" + config.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + config.port());
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", config.storageDir().toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        // Fewer partitions than the production default of 50: one machine, and quicker first use.
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "10");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Valora creates its topics explicitly; a typo must fail, not create a topic.
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    /** The file's text. */
    public static String render(KafkaConfig config) {
        return "# Written by io.valora.deploy.KafkaProcess on every start; edits are overwritten.\n"
                + of(config).entrySet().stream()
                        .map(e -> e.getKey() + "=" + escape(e.getValue()))
                        .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Properties-file escaping for values: backslashes (Windows paths) and leading blanks. */
    static String escape(String value) {
        String escaped = value.replace("\\", "\\\\");
        return escaped.startsWith(" ") ? "\\" + escaped : escaped;
    }
}
