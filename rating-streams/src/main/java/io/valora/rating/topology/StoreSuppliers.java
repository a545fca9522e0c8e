package io.valora.rating.topology;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * Chooses RocksDB or in-memory stores for the topology's hand-built stores the way Kafka Streams
 * chooses them for DSL stores: by {@code dsl.store.suppliers.class}. Production keeps the
 * default (RocksDB, persistent); a test may ask for in-memory stores, because
 * {@code TopologyTestDriver} commits, flushes and checkpoints RocksDB after every record.
 */
final class StoreSuppliers {

    private final boolean inMemory;

    StoreSuppliers(Properties streamsProperties) {
        Object suppliers = streamsProperties.get(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG);
        String name = suppliers instanceof Class<?> type ? type.getName() : String.valueOf(suppliers);
        this.inMemory = BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class.getName().equals(name);
    }

    KeyValueBytesStoreSupplier keyValue(String name) {
        return inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }

    WindowBytesStoreSupplier window(String name, Duration retention, Duration windowSize) {
        return inMemory
                ? Stores.inMemoryWindowStore(name, retention, windowSize, false)
                : Stores.persistentWindowStore(name, retention, windowSize, false);
    }
}
