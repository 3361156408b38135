package io.complaintskpi.streams;

import io.complaintskpi.series.KpiKey;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Puts every bucket of one authority (all its metrics and dimensions: {@link KpiKey#partitionPart}) on one
 * partition, so the authority's figures are answered by a single partition of a single instance, the
 * roll-ups of every dimension kept there are one range, and so is a year sheet of every metric.
 */
public final class SeriesPartitioner implements StreamPartitioner<String, Object> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Object value, int numPartitions) {
        return Optional.of(Set.of(partition(key, numPartitions)));
    }

    /** The partition of a KPI key, or of any prefix of one that names its authority. */
    public static int partition(String kpiKey, int numPartitions) {
        byte[] authority = KpiKey.partitionPart(kpiKey).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(authority)) % numPartitions;
    }

    /** The partition holding every bucket of {@code authority}. */
    public static int partitionOf(String authority, int numPartitions) {
        return partition(KpiKey.prefix(authority), numPartitions);
    }
}
