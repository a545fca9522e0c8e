package io.valora.rating.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void everyStoreGetsTheSameCacheAndWriteBufferManager() {
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        try (Options first = new Options().setTableFormatConfig(new BlockBasedTableConfig());
                Options second = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
            setter.setConfig("usage-dedup-store.1", first, Map.of());
            setter.setConfig("period-aggregates-store", second, Map.of());

            BoundedRocksDbMemory.SharedMemory shared = BoundedRocksDbMemory.sharedMemory(BoundedRocksDbMemory.DEFAULT_MEMORY_BYTES);
            assertThat(shared.bytes()).isEqualTo(BoundedRocksDbMemory.DEFAULT_MEMORY_BYTES);
            BlockBasedTableConfig firstTable = (BlockBasedTableConfig) first.tableFormatConfig();
            BlockBasedTableConfig secondTable = (BlockBasedTableConfig) second.tableFormatConfig();
            assertThat(firstTable.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(secondTable.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(firstTable.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
            assertThat(firstTable.pinTopLevelIndexAndFilter()).isTrue();
            setter.close("usage-dedup-store.1", first);
        }
    }

    @Test
    void theBoundComesFromTheStreamsConfigs() {
        assertThat(BoundedRocksDbMemory.memoryBytes(Map.of())).isEqualTo(128L * 1024 * 1024);
        assertThat(BoundedRocksDbMemory.memoryBytes(Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, "134217728")))
                .isEqualTo(134_217_728L);
        assertThat(BoundedRocksDbMemory.memoryBytes(Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, 16_777_216L)))
                .isEqualTo(16_777_216L);
    }

    @Test
    void aBadBoundIsRefusedWithItsName() {
        assertThatThrownBy(() -> BoundedRocksDbMemory.memoryBytes(Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, "64MB")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("valora.rocksdb.memory-bytes");
        assertThatThrownBy(() -> BoundedRocksDbMemory.memoryBytes(Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, "1024")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8 MiB");
    }
}
