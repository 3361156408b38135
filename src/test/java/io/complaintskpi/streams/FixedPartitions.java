package io.complaintskpi.streams;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.Collection;
import java.util.List;

/** Every partition of {@code kpi-totals} held here, in partition order, as a test driver or a test builds them. */
record FixedPartitions(List<ReadOnlyKeyValueStore<String, Long>> partitions) implements StoreSeriesReader.Local {

    @Override
    public Collection<ReadOnlyKeyValueStore<String, Long>> all() {
        return partitions;
    }

    @Override
    public Collection<ReadOnlyKeyValueStore<String, Long>> holding(String authority) {
        return List.of(partitions.get(SeriesPartitioner.partitionOf(authority, partitions.size())));
    }
}
