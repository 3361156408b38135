package io.complaintskpi.streams;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every RocksDB store of the instance shares one LRU block cache and one write-buffer manager charged to
 * that cache, so their off-heap memory is bounded by {@value #MEMORY_BYTES_CONFIG} whatever the number of
 * tasks and stores (Kafka Streams' memory-management guide). Without it each store keeps its own 50 MB
 * cache and up to three 16 MB memtables: some 2 GB for this topology's 24 stores.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** The bound in bytes, passed through the Streams properties. */
    public static final String MEMORY_BYTES_CONFIG = "complaints.rocksdb.memory.bytes";
    /** Memtables may take this share of the bound; index and filter blocks get a high-priority share. */
    private static final double WRITE_BUFFER_SHARE = 0.5;
    private static final double INDEX_FILTER_SHARE = 0.1;
    private static final long BLOCK_BYTES = 16L * 1024;

    /** Shared by all stores of all instances in the JVM with the same bound; never closed while the JVM runs. */
    private record Shared(Cache cache, WriteBufferManager writeBuffers) {
    }

    private static final Map<Long, Shared> SHARED = new ConcurrentHashMap<>();

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long bytes = Long.parseLong(String.valueOf(configs.get(MEMORY_BYTES_CONFIG)));
        Shared shared = SHARED.computeIfAbsent(bytes, total -> {
            Cache cache = new LRUCache(total, -1, false, INDEX_FILTER_SHARE);
            return new Shared(cache, new WriteBufferManager((long) (total * WRITE_BUFFER_SHARE), cache));
        });
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_BYTES);
        options.setWriteBufferManager(shared.writeBuffers());
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared by every store: closing one store keeps them.
    }
}
