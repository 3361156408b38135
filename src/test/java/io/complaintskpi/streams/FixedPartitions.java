package io.complaintskpi.streams;

import java.util.Collection;
import java.util.List;

/** Every partition of the KPI stores held here, in partition order, as a test driver or a test builds them. */
record FixedPartitions(List<StoreSeriesReader.Partition> partitions) implements StoreSeriesReader.Local {

    @Override
    public Collection<StoreSeriesReader.Partition> all() {
        return partitions;
    }

    @Override
    public Collection<StoreSeriesReader.Partition> holding(String authority, String metric) {
        return List.of(partitions.get(SeriesPartitioner.partition(authority, metric, partitions.size())));
    }
}
