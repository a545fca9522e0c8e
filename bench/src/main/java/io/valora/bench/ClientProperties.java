package io.valora.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How the load tools' own Kafka clients connect: the bootstrap servers and whatever else the cluster asks for
 * (security protocol, SASL mechanism, JAAS line, truststore), in Kafka's standard client keys — the same keys the
 * services take as {@code kafka.*} and Kafka's tools read from {@code --command-config}. Exists so one benchmark can
 * run against a plaintext broker and a secured cluster alike.
 *
 * @param values client configuration; always holds {@code bootstrap.servers}
 */
public record ClientProperties(Map<String, Object> values) {

    public ClientProperties {
        values = Map.copyOf(values);
        if (!values.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("client properties without " + CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        }
    }

    /** A plaintext cluster: nothing but the bootstrap servers. */
    public static ClientProperties plaintext(String bootstrapServers) {
        return new ClientProperties(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * A {@code --command-config} file (Java properties with Kafka's client keys) plus the bootstrap servers given
     * on the command line; a {@code bootstrap.servers} in the file wins, as it names the cluster the file is for.
     */
    public static ClientProperties load(Path commandConfig, String bootstrapServers) {
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(commandConfig, StandardCharsets.UTF_8)) {
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + commandConfig, e);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        file.stringPropertyNames().forEach(key -> values.put(key, file.getProperty(key)));
        return new ClientProperties(values);
    }

    public String bootstrapServers() {
        return values.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG).toString();
    }

    /** A mutable copy with {@code more} on top, for one client's own settings (serdes, acks, group id ...). */
    public Map<String, Object> with(Map<String, Object> more) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.putAll(more);
        return copy;
    }

    /** A mutable copy as {@link Properties}. */
    public Properties asProperties() {
        Properties p = new Properties();
        p.putAll(values);
        return p;
    }

    /** Writes them to {@code file} as a properties file (e.g. for Kafka's tools' {@code --producer.config}). */
    public Path writeTo(Path file) {
        Properties p = new Properties();
        values.forEach((k, v) -> p.setProperty(k, v.toString()));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "Kafka client properties written by the Valora benchmark");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
