package io.valora.schemas;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One topic with the serdes of its keys and values, so a client states a topic once and cannot
 * read or write it with the wrong codec. Get them from {@link Topics} (e.g.
 * {@link Topics#usageEventsTopic()}), which stays the one source of the names.
 *
 * @param name the full name, prefix included
 * @param keySerde how keys are written and read
 * @param valueSerde how values are written and read
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /**
     * The same topic as raw bytes: for copying records unchanged, or for decoding each value by
     * itself so one unreadable record can be handled instead of failing the whole poll.
     */
    public Topic<byte[], byte[]> raw() {
        return new Topic<>(name, Serdes.ByteArray(), Serdes.ByteArray());
    }
}
