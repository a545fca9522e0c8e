package io.valora.rating.catalog;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the catalog updates an instance has applied to its global stores, so that stream threads
 * may keep resolved lookups in memory (RocksDB prefix scans and Avro decoding per event cost more
 * than the rest of resolution) and drop them as soon as the catalog changed.
 *
 * <p>The global-store updaters bump the count <em>after</em> writing the store; a reader takes the
 * count <em>before</em> looking up, so a lookup cached under a count is never older than the store
 * was when that count was current. One instance per topology (never static): several topologies in
 * one JVM, as in tests, each see only their own updates.
 */
public final class CatalogChanges {

    private final AtomicLong count = new AtomicLong();

    /** Called by an updater once its store writes for one catalog record are done. */
    void changed() {
        count.incrementAndGet();
    }

    /** The number of applied updates; a different value than before means cached lookups may be stale. */
    public long current() {
        return count.get();
    }
}
