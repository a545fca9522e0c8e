package io.valora.bench.rating;

import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The floor the rating topology is compared with: the same input read and written again with the
 * same serdes (every event decoded and re-encoded), exactly_once_v2 and the same commit interval
 * and thread count, and nothing else. Whatever the rating topology costs beyond this is its own.
 */
final class PassThroughTopology {

    static final String APPLICATION_ID = "valora-bench-passthrough";

    private PassThroughTopology() {
    }

    static Topology build(String input, String output) {
        Serde<String> keys = Serdes.String();
        Serde<UsageEvent> events = RecordSerde.singleObject(UsageEvent.class);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(keys, events).withName("passthrough-source"))
                .to(output, Produced.with(keys, events).withName("passthrough-sink"));
        return builder.build();
    }

    /** Streams settings matching what rating-streams runs with (see its application.properties). */
    static Properties settings(String applicationId, String bootstrapServers, Path stateDir, int threads,
            int commitIntervalMs) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 10 * 1024 * 1024L);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return props;
    }
}
