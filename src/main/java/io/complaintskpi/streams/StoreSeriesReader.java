package io.complaintskpi.streams;

import io.complaintskpi.kpi.KpiKey;
import io.complaintskpi.kpi.SeriesReader;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads the daily buckets of {@code kpi-totals} with range scans on this instance's stores, one per
 * partition. Scans skip what they do not need by seeking (a dimension's days before or after the period,
 * every key of an authority once it is listed), so their cost follows what is asked, not how many years
 * of history the store holds.
 */
final class StoreSeriesReader implements SeriesReader {

    private static final char LAST = '\uffff';

    private final Supplier<List<ReadOnlyKeyValueStore<String, Long>>> stores;

    /** {@code stores}: this instance's partitions of the store, each sorted on its own. */
    StoreSeriesReader(Supplier<List<ReadOnlyKeyValueStore<String, Long>>> stores) {
        this.stores = stores;
    }

    @Override
    public Map<String, Long> sumByDimension(String authority, String metric, LocalDate from, LocalDate to) {
        Map<String, Long> sums = new HashMap<>();
        String prefix = KpiKey.prefix(authority, metric);
        for (ReadOnlyKeyValueStore<String, Long> store : stores.get()) {
            String start = prefix;
            boolean more = true;
            while (more) {
                more = false;
                try (KeyValueIterator<String, Long> it = store.range(start, prefix + LAST)) {
                    while (it.hasNext()) {
                        KeyValue<String, Long> kv = it.next();
                        KpiKey key = KpiKey.decode(kv.key);
                        String series = KpiKey.prefix(authority, metric, key.dimension());
                        // Each seek lands past the key just read, so the scan always moves on.
                        if (key.date().isBefore(from) || key.date().isAfter(to)) {
                            start = key.date().isBefore(from) ? series + from : series + LAST;
                            more = true;
                            break;
                        }
                        if (kv.value != 0) {
                            sums.merge(key.dimension(), kv.value, Long::sum);
                        }
                    }
                }
            }
        }
        return sums;
    }

    @Override
    public NavigableMap<LocalDate, Long> daily(String authority, String metric, String dimension, LocalDate from,
                                               LocalDate to) {
        NavigableMap<LocalDate, Long> days = new TreeMap<>();
        String prefix = KpiKey.prefix(authority, metric, dimension);
        for (ReadOnlyKeyValueStore<String, Long> store : stores.get()) {
            try (KeyValueIterator<String, Long> it = store.range(prefix + from, prefix + to)) {
                it.forEachRemaining(kv -> {
                    if (kv.value != 0) {
                        days.put(KpiKey.decode(kv.key).date(), kv.value);
                    }
                });
            }
        }
        return days;
    }

    @Override
    public Set<String> authorities() {
        Set<String> authorities = new TreeSet<>();
        for (ReadOnlyKeyValueStore<String, Long> store : stores.get()) {
            String start = null;
            while (true) {
                try (KeyValueIterator<String, Long> it = store.range(start, null)) {
                    if (!it.hasNext()) {
                        break;
                    }
                    String authority = KpiKey.decode(it.next().key).authority();
                    authorities.add(authority);
                    start = KpiKey.prefix(authority) + LAST; // past every key of this authority
                }
            }
        }
        return authorities;
    }
}
