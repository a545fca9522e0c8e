package io.valora.rating.store;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Puts every RocksDB instance of the process under one memory bound.
 *
 * <p>Why: by default each RocksDB instance has its own block cache (50 MB) and up to three
 * 16 MB memtables, and a rating task opens many instances (the segmented de-duplication and
 * hourly-usage stores add one per segment, plus aggregates, charges, pending and the global
 * catalog stores). Their sum is not bounded by any setting and is reached only as the stores
 * fill, so resident memory kept growing under a steady load (issue #7's soak). Here all
 * instances share one LRU block cache, memtables are charged to that same cache through a
 * {@link WriteBufferManager}, and index and filter blocks live in the cache too, so the process's
 * RocksDB memory stays within {@value #MEMORY_BYTES_CONFIG} (default {@value #DEFAULT_MEMORY_BYTES} bytes)
 * whatever the number of stores.
 *
 * <p>The cache and the write buffer manager are process-wide, created with the size of the first
 * store opened, and never closed by a store: they outlive every store that uses them.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Streams config key of the bound (bytes); set as {@code kafka-streams.valora.rocksdb.memory-bytes}. */
    public static final String MEMORY_BYTES_CONFIG = "valora.rocksdb.memory-bytes";
    /** 128 MiB: half for memtables, half for blocks; small beside the heap, large enough that flushes stay rare. */
    public static final long DEFAULT_MEMORY_BYTES = 128L * 1024 * 1024;
    /** Share of the bound memtables may take before RocksDB flushes them. */
    static final double WRITE_BUFFER_SHARE = 0.5;
    /** Share of the cache kept for index and filter blocks, so data blocks cannot evict them. */
    static final double HIGH_PRIORITY_SHARE = 0.1;
    /**
     * The cache is split into 2^this shards, each with its own capacity. RocksDB's automatic choice for 128 MiB is
     * 64 shards of 2 MiB, whose high-priority pools (200 KiB) are smaller than one filter block of a de-duplication
     * file (about 1.3 MiB per million ids): filter blocks were evicted at once and read from the file again on most
     * point reads of a new id. Four shards of 32 MiB hold them; a process has few threads reading at once.
     */
    static final int SHARD_BITS = 2;

    private static SharedMemory shared;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        SharedMemory memory = sharedMemory(memoryBytes(configs));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        // Level-0 files are where fresh keys live; without pinning, their filter blocks were evicted by the
        // memtable reservations and data blocks and read again from the file on most point reads of an absent key
        // (every de-duplication check of a new event).
        table.setPinL0FilterAndIndexBlocksInCache(true);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and write buffer manager are shared by every store of the process: nothing to free per store
    }

    /** The bound that applies, from the Streams configs or the default. */
    static long memoryBytes(Map<String, Object> configs) {
        Object value = configs.get(MEMORY_BYTES_CONFIG);
        if (value == null || value.toString().isBlank()) {
            return DEFAULT_MEMORY_BYTES;
        }
        long bytes;
        try {
            bytes = Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MEMORY_BYTES_CONFIG + " must be a number of bytes, not '" + value + "'", e);
        }
        if (bytes < 8L * 1024 * 1024) {
            throw new IllegalArgumentException(MEMORY_BYTES_CONFIG + " must be at least 8 MiB (8388608), not " + bytes);
        }
        return bytes;
    }

    /** The process's shared cache and write buffer manager, sized by the first caller. */
    static synchronized SharedMemory sharedMemory(long memoryBytes) {
        if (shared == null) {
            Cache cache = new LRUCache(memoryBytes, SHARD_BITS, false, HIGH_PRIORITY_SHARE);
            shared = new SharedMemory(memoryBytes, cache,
                    new WriteBufferManager((long) (memoryBytes * WRITE_BUFFER_SHARE), cache));
        }
        return shared;
    }

    /** One process-wide memory budget for RocksDB. */
    record SharedMemory(long bytes, Cache cache, WriteBufferManager writeBuffers) {
    }
}
