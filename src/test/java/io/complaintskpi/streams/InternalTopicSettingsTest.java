package io.complaintskpi.streams;

import io.complaintskpi.config.ServiceConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every internal topic (each store's changelog, the repartition topic) gets the same compaction-friendly
 * settings from one place, and Streams' producer compresses: docs/kafka.md, "Disk".
 */
class InternalTopicSettingsTest {

    @Test
    void everyInternalTopicGetsSmallSegmentsAndEagerCleaningAndTheProducerCompresses() {
        Properties props = ComplaintsTopology.properties(ServiceConfig.defaults());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092"); // empty by default: the embedded broker's
        StreamsConfig config = new StreamsConfig(props);

        Map<String, Object> topics = config.originalsWithPrefix(StreamsConfig.TOPIC_PREFIX);
        assertThat(topics).containsEntry(TopicConfig.SEGMENT_BYTES_CONFIG, String.valueOf(2 * 1024 * 1024))
                .containsEntry(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.2")
                .doesNotContainKey(TopicConfig.CLEANUP_POLICY_CONFIG); // compact for changelogs, delete for repartition
        assertThat(config.getProducerConfigs("client").get(ProducerConfig.COMPRESSION_TYPE_CONFIG)).isEqualTo("zstd");
    }
}
