package io.complaintskpi.streams;

import io.complaintskpi.config.ServiceConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedRocksDbMemoryTest {

    @Test
    void the_service_registers_the_setter_with_the_configured_bound() {
        Properties props = ComplaintsTopology.properties(ServiceConfig.load(Map.of(), new Properties(),
                Map.of("streams.rocksdb-memory-mb", "48")));
        assertThat(props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedRocksDbMemory.class);
        assertThat(props.get(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG)).isEqualTo(48L * 1024 * 1024);
        assertThat(ComplaintsTopology.properties(ServiceConfig.defaults()).get(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG))
                .isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void a_bound_below_one_megabyte_is_refused() {
        assertThatThrownBy(() -> ServiceConfig.load(Map.of(), new Properties(), Map.of("streams.rocksdb-memory-mb", "0")))
                .hasMessageContaining("streams.rocksdb-memory-mb");
    }

    @Test
    void every_store_gets_the_shared_cache_for_data_index_and_filter_blocks_and_lz4_blocks() {
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, 16L * 1024 * 1024,
                StreamsConfig.STATE_DIR_CONFIG, "/state/one");
        for (String store : new String[] {"case-events", "kpi-totals"}) {
            BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
            try (Options options = new Options()) {
                options.setTableFormatConfig(new BlockBasedTableConfig());
                setter.setConfig(store, options, configs);
                BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.blockSize()).isEqualTo(16L * 1024);
                assertThat(options.compressionType()).isEqualTo(CompressionType.LZ4_COMPRESSION);
                assertThat(options.manifestPreallocationSize()).isEqualTo(256L * 1024);
                // One arena block per memtable of every store (8) and partition (6) must sit well inside the
                // memtables' half of the default 64 MiB: RocksDB's default block (2 MiB here) overran it and
                // made the write-buffer manager flush at nearly every write.
                long arenaBlock = options.arenaBlockSize() == 0 ? options.writeBufferSize() / 8 // RocksDB's default
                        : options.arenaBlockSize();
                assertThat(arenaBlock * 8 * 6).isLessThan(64L * 1024 * 1024 / 2 / 10);
                setter.close(store, options);
            }
        }
    }

    /** Two instances in one JVM (tests, bench) each get their own bound, released with their last store. */
    @Test
    void each_instance_has_its_own_bound_until_its_last_store_closes() {
        int before = BoundedRocksDbMemory.instancesOpen();
        Map<String, BoundedRocksDbMemory> setters = new LinkedHashMap<>();
        List<Options> options = new ArrayList<>();
        for (String store : new String[] {"a1", "a2", "b1"}) {
            BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
            Options opened = new Options();
            opened.setTableFormatConfig(new BlockBasedTableConfig());
            setter.setConfig(store, opened, Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, 8L * 1024 * 1024,
                    StreamsConfig.STATE_DIR_CONFIG, "/state/" + store.charAt(0)));
            setters.put(store, setter);
            options.add(opened);
        }
        assertThat(BoundedRocksDbMemory.instancesOpen()).isEqualTo(before + 2);

        setters.get("a1").close("a1", options.get(0));
        assertThat(BoundedRocksDbMemory.instancesOpen()).as("a2 still uses a's").isEqualTo(before + 2);
        setters.get("a2").close("a2", options.get(1));
        assertThat(BoundedRocksDbMemory.instancesOpen()).isEqualTo(before + 1);
        setters.get("b1").close("b1", options.get(2));
        assertThat(BoundedRocksDbMemory.instancesOpen()).isEqualTo(before);
        options.forEach(Options::close);
    }
}
