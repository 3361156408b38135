package io.complaintskpi.streams;

import io.complaintskpi.series.KpiKey;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Puts every bucket of one metric of one authority (all its dimensions: {@link KpiKey#partitionPart}) on one
 * partition, so a period sum of the metric is answered by a single partition of a single instance, and the
 * roll-ups of every dimension kept there are one range.
 */
public final class SeriesPartitioner implements StreamPartitioner<String, Object> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Object value, int numPartitions) {
        return Optional.of(Set.of(partition(key, numPartitions)));
    }

    /** The partition of a KPI key, or of any prefix of one that names its authority and metric. */
    public static int partition(String kpiKey, int numPartitions) {
        byte[] metric = KpiKey.partitionPart(kpiKey).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(metric)) % numPartitions;
    }

    /** The partition holding every bucket of {@code metric} of {@code authority}. */
    public static int partition(String authority, String metric, int numPartitions) {
        return partition(KpiKey.prefix(authority, metric), numPartitions);
    }
}
