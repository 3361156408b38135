package io.complaintskpi.streams;

import io.complaintskpi.drilldown.Balances;
import io.complaintskpi.series.ContributorKey;
import io.complaintskpi.series.KpiKey;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code kpi-contributors} index, written in the same step as the case history from the same difference
 * the figures add up: for each bucket an event moved, what the key counts there now (deleted at 0). So the
 * keys listed behind a bucket always add up to the bucket. Beside them, from the same contributions before and
 * after the event, each balance's spans ({@link Balances}): so the keys listed in a balance add up to it too.
 */
final class ContributorIndex {

    private final KeyValueStore<String, Long> store;

    ContributorIndex(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    /** {@code counted}: everything the key counts now, in every bucket; {@code delta}: what the event changed. */
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
        if (Balances.moves(delta.keySet())) {
            Map<KpiKey, Long> before = new HashMap<>(counted);
            delta.forEach((bucket, change) -> before.merge(bucket, -change, Long::sum));
            Map<ContributorKey, Long> was = Balances.spans(reference, before);
            Map<ContributorKey, Long> now = Balances.spans(reference, counted);
            was.keySet().stream().filter(span -> !now.containsKey(span)).forEach(span -> store.delete(span.encode()));
            now.forEach((span, net) -> {
                if (!net.equals(was.get(span))) {
                    store.put(span.encode(), net);
                }
            });
        }
    }
}
