package io.valora.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code valora.*} system properties {@link LocalStack#main} and {@code ./valora} are configured with (listed in
 * {@code deploy/README.md}), read onto a {@link LocalStackSettings.Builder}: a property that is absent keeps the
 * builder's value. Apart from the builder so the settings' shape and their command-line names are read separately.
 */
final class SettingsFromSystemProperties {

    private SettingsFromSystemProperties() {
    }

    static void applyTo(LocalStackSettings.Builder b) {
        b.dataDir = path("valora.data.dir", b.dataDir);
        LocalStackSettings.Ports ports = b.ports;
        b.ports = new LocalStackSettings.Ports(
                Integer.getInteger("valora.kafka.port", ports.kafka()),
                Integer.getInteger("valora.kafka.controller.port", ports.kafkaController()),
                Integer.getInteger("valora.postgres.port", ports.postgres()),
                Integer.getInteger("valora.gateway.port", ports.ingestGateway()),
                Integer.getInteger("valora.rating.port", ports.ratingStreams()),
                Integer.getInteger("valora.invoice.port", ports.invoiceService()));
        b.topicPrefix = System.getProperty("valora.topics.prefix", b.topicPrefix);
        b.topicPartitions = Integer.getInteger("valora.topics.partitions", b.topicPartitions);
        b.withServices = Boolean.parseBoolean(System.getProperty("valora.services", Boolean.toString(b.withServices)));
        b.startTimeout = Duration.ofSeconds(Long.getLong("valora.start.timeout.seconds", b.startTimeout.toSeconds()));
        b.jvm = new LocalStackSettings.JvmOptions(
                options("valora.kafka.jvm.options", b.jvm.kafka()),
                options("valora.postgres.jvm.options", b.jvm.postgres()),
                options("valora.services.jvm.options", b.jvm.services()));
        b.runtimeClasspathFile = path(RuntimeClasspath.FILE_PROPERTY, b.runtimeClasspathFile);
        b.ratingInstances = Integer.getInteger("valora.rating.instances", b.ratingInstances);
        String extra = System.getProperty("valora.rating.extra.ports");
        if (extra != null && !extra.isBlank()) {
            b.extraRatingPorts = java.util.Arrays.stream(extra.split(",")).map(String::trim).map(Integer::valueOf).toList();
        }
    }

    private static Path path(String property, Path fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    private static List<String> options(String property, List<String> fallback) {
        String value = System.getProperty(property);
        return value == null ? fallback : List.of(value.trim().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList();
    }
}
