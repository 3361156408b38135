package io.complaintskpi.streams;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Puts every daily bucket of one series ({@code authority|metric|dimension}) on one partition, so a
 * period or rolling-window sum is answered by a single instance with one range scan.
 */
public final class SeriesPartitioner implements StreamPartitioner<String, Object> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Object value, int numPartitions) {
        return Optional.of(Set.of(partition(key, numPartitions)));
    }

    public static int partition(String kpiKey, int numPartitions) {
        String series = kpiKey.substring(0, kpiKey.lastIndexOf('|') + 1);
        return Utils.toPositive(Utils.murmur2(series.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
