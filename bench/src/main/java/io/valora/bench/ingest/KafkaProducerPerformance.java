package io.valora.bench.ingest;

import io.valora.bench.ClientProperties;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own {@code org.apache.kafka.tools.ProducerPerformance} (kafka-tools at the platform's
 * Kafka version) against the same broker, with the gateway's producer settings and the size of
 * the gateway's Avro record, so the raw-producer figure has an independent, well-known reference.
 * It runs in a child JVM on this JVM's class path: its statistics thread and {@code System.out}
 * report stay out of the load tool, and its rate is read from its final summary line.
 *
 * <p>Differences that remain, by design of the tool: it sends one fixed payload of random letters
 * (compresses differently from real JSON-in-Avro) and no record key.
 */
final class KafkaProducerPerformance {

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");

    private KafkaProducerPerformance() {
    }

    /** Bytes of the gateway's Avro value for the benchmark's event shape. */
    static int recordSize(String runId) {
        UsageEvent event = EventPayloads.avro(runId);
        return RecordSerde.singleObject(UsageEvent.class).serializer().serialize("usage-events", event).length;
    }

    /** Records per second that ProducerPerformance reports for {@code records} records of {@code recordSize} bytes. */
    static double measure(ClientProperties client, String topic, long records, int recordSize)
            throws IOException, InterruptedException {
        // A file rather than --producer-props: a JAAS line holds blanks, quotes and '='.
        Path config = Files.createTempFile("valora-producer-performance-", ".properties");
        try {
            new ClientProperties(RawProducerRate.gatewaySettings(client)).writeTo(config);
            return measure(config, topic, records, recordSize);
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private static double measure(Path producerConfig, String topic, long records, int recordSize)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Long.toString(records), "--record-size", Integer.toString(recordSize),
                "--throughput", "-1", "--producer.config", producerConfig.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String summary = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.err.println("[producer-performance] " + line);
                Matcher m = SUMMARY.matcher(line);
                if (m.find() && Long.parseLong(m.group(1)) == records) {
                    summary = m.group(2);
                }
            }
        } finally {
            if (process.isAlive()) {
                process.destroy();
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || summary == null) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + exit + ", no summary line)");
        }
        return Double.parseDouble(summary);
    }
}
