package io.complaintskpi.streams;

import io.complaintskpi.config.ServiceConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code streams.commit-interval} reaches Kafka Streams, whose own default under exactly-once it keeps unless set. */
class CommitIntervalTest {

    @Test
    void theDefaultIsKafkaStreamsOwnUnderExactlyOnce() {
        assertThat(commitIntervalMs(ServiceConfig.defaults())).isEqualTo(100L);
    }

    @Test
    void aSetIntervalReachesKafkaStreams() {
        ServiceConfig config = ServiceConfig.load(Map.of("COMPLAINTS_COMMIT_INTERVAL", "2s"), new Properties(), Map.of());
        assertThat(commitIntervalMs(config)).isEqualTo(2000L);
    }

    private static Long commitIntervalMs(ServiceConfig config) {
        Properties props = ComplaintsTopology.properties(config);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        return new StreamsConfig(props).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    }
}
