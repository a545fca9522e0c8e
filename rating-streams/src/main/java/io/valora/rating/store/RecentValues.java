package io.valora.rating.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The values a processor last wrote to its own store, kept decoded for its next read of the same
 * key: a bounded least-recently-used map in front of the store.
 *
 * <p>Why it is safe: rating reads a period state or an hourly bucket right before writing it again,
 * and the task is the only writer of its stores while it runs (restoration finishes before a
 * processor's {@code init}). So a remembered value is the store's value, and a hit saves a RocksDB
 * read and the decoding of the value. A miss reads the store. The owner clears it in {@code init},
 * so a task that is revived after an aborted transaction or moved to another thread starts empty
 * and reads the restored store.
 *
 * <p>Bounded by entries, not bytes: a period state with its charge is well under a kilobyte and an
 * hourly bucket a few dozen bytes, so {@link #DEFAULT_CAPACITY} costs at most a few MB of heap per
 * task and store. Keys beyond it (a task with more active charges than that) simply miss.
 *
 * @param <K> store key
 * @param <V> decoded value
 */
public final class RecentValues<K, V> {

    /** Entries kept per store and task. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Map<K, V> values;

    public RecentValues(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.values = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The remembered value of {@code key}, or else what {@code store} holds (which is then remembered, unless absent). */
    public V read(K key, Function<K, V> store) {
        V value = values.get(key);
        if (value == null) {
            value = store.apply(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return value;
    }

    /** Remembers what was just written to the store under {@code key}. */
    public void wrote(K key, V value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    public void clear() {
        values.clear();
    }

    int size() {
        return values.size();
    }
}
