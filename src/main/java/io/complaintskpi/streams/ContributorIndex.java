package io.complaintskpi.streams;

import io.complaintskpi.series.ContributorKey;
import io.complaintskpi.series.KpiKey;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Map;

/**
 * The {@code kpi-contributors} index, written in the same step as the case history from the same difference
 * the figures add up: for each bucket an event moved, what the key counts there now (deleted at 0). So the
 * keys listed behind a bucket always add up to the bucket.
 */
final class ContributorIndex {

    private final KeyValueStore<String, Long> store;

    ContributorIndex(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    void follow(String reference, Map<KpiKey, Long> delta, Map<KpiKey, Long> counted) {
        for (KpiKey bucket : delta.keySet()) {
            String key = new ContributorKey(bucket, reference).encode();
            Long now = counted.get(bucket);
            if (now == null || now == 0L) {
                store.delete(key);
            } else {
                store.put(key, now);
            }
        }
    }
}
