package io.complaintskpi.streams;

import io.complaintskpi.config.ServiceConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

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
    void every_store_gets_the_shared_cache_for_data_index_and_filter_blocks() {
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, 16L * 1024 * 1024);
        for (String store : new String[] {"case-history", "kpi-totals"}) {
            try (Options options = new Options()) {
                options.setTableFormatConfig(new BlockBasedTableConfig());
                setter.setConfig(store, options, configs);
                BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.blockSize()).isEqualTo(16L * 1024);
                setter.close(store, options);
            }
        }
    }
}
