package io.complaintskpi.streams;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Every RocksDB store of one Kafka Streams instance shares one LRU block cache and one write-buffer manager
 * charged to that cache, so their off-heap memory is bounded by {@value #MEMORY_BYTES_CONFIG} whatever the
 * number of tasks and stores (Kafka Streams' memory-management guide). Without it each store keeps its own
 * 50 MB cache and up to three 16 MB memtables: some 2 GB for this topology's 24 stores.
 *
 * <p>The bound is per instance (its state folder), not per JVM: instances in one JVM (the tests, {@code bench})
 * would otherwise share one write-buffer budget, and each instance's writes would keep flushing the others'
 * memtables. The pair is closed when the instance's last store closes.
 *
 * <p>Disk: blocks are LZ4-compressed (Kafka Streams' default is none): the stores hold JSON-like values and
 * keys with long shared prefixes, which LZ4 shrinks for little CPU; and each store's manifest reserves
 * {@value #MANIFEST_PREALLOCATION_BYTES} bytes ahead, not RocksDB's 4 MiB.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** The bound in bytes, passed through the Streams properties. */
    public static final String MEMORY_BYTES_CONFIG = "complaints.rocksdb.memory.bytes";
    /** Memtables may take this share of the bound; index and filter blocks get a high-priority share. */
    private static final double WRITE_BUFFER_SHARE = 0.5;
    private static final double INDEX_FILTER_SHARE = 0.1;
    private static final long BLOCK_BYTES = 16L * 1024;
    /** RocksDB reserves 4 MiB of disk for each store's manifest by default: 96 MiB for 24 stores holding little. */
    private static final long MANIFEST_PREALLOCATION_BYTES = 256L * 1024;
    /**
     * A memtable takes memory in arena blocks of this size. RocksDB's default is an eighth of the write buffer
     * (Kafka Streams': 16 MiB, so 2 MiB): one block for each of 8 stores x 6 partitions is more than the
     * write-buffer manager's whole share of a 64 MiB bound, which then flushes at nearly every write, and
     * RocksDB's flushing and compacting took half of the JVM's CPU in a replay.
     */
    private static final long ARENA_BLOCK_BYTES = 64L * 1024;

    /** One instance's cache and write-buffer manager, with the number of its stores open on them. */
    private static final class Shared {
        final Cache cache;
        final WriteBufferManager writeBuffers;
        int stores;

        Shared(long bytes) {
            cache = new LRUCache(bytes, -1, false, INDEX_FILTER_SHARE);
            writeBuffers = new WriteBufferManager((long) (bytes * WRITE_BUFFER_SHARE), cache);
        }
    }

    private static final Map<Instance, Shared> SHARED = new HashMap<>();

    /** An instance: its state folder and memory bound. */
    private record Instance(Object stateDir, long bytes) {
    }

    /** Which instance a store belongs to; this setter's own field, as Kafka Streams makes one setter per store. */
    private Instance instance;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long bytes = Long.parseLong(String.valueOf(configs.get(MEMORY_BYTES_CONFIG)));
        instance = new Instance(configs.get(StreamsConfig.STATE_DIR_CONFIG), bytes);
        Shared shared;
        synchronized (SHARED) {
            shared = SHARED.computeIfAbsent(instance, key -> new Shared(bytes));
            shared.stores++;
        }
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_BYTES);
        options.setWriteBufferManager(shared.writeBuffers);
        options.setArenaBlockSize(ARENA_BLOCK_BYTES);
        options.setTableFormatConfig(table);
        options.setCompressionType(CompressionType.LZ4_COMPRESSION);
        options.setManifestPreallocationSize(MANIFEST_PREALLOCATION_BYTES);
    }

    /** How many instances have stores open (for tests). */
    static int instancesOpen() {
        synchronized (SHARED) {
            return SHARED.size();
        }
    }

    @Override
    public void close(String storeName, Options options) {
        synchronized (SHARED) {
            Shared shared = SHARED.get(instance);
            if (shared != null && --shared.stores == 0) {
                SHARED.remove(instance);
                shared.writeBuffers.close();
                shared.cache.close();
            }
        }
    }
}
