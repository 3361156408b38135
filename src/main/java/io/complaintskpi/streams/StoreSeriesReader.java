package io.complaintskpi.streams;

import io.complaintskpi.kpi.KpiKey;
import io.complaintskpi.kpi.SeriesReader;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Reads the daily buckets of {@code kpi-totals} with range scans on this instance's stores. */
final class StoreSeriesReader implements SeriesReader {

    private final Supplier<ReadOnlyKeyValueStore<String, Long>> store;

    StoreSeriesReader(Supplier<ReadOnlyKeyValueStore<String, Long>> store) {
        this.store = store;
    }

    @Override
    public Map<String, Long> sumByDimension(String authority, String metric, LocalDate from, LocalDate to) {
        Map<String, Long> sums = new HashMap<>();
        String prefix = KpiKey.prefix(authority, metric);
        try (KeyValueIterator<String, Long> it = store.get().range(prefix, prefix + '\uffff')) {
            while (it.hasNext()) {
                KeyValue<String, Long> kv = it.next();
                KpiKey key = KpiKey.decode(kv.key);
                if (!key.date().isBefore(from) && !key.date().isAfter(to) && kv.value != 0) {
                    sums.merge(key.dimension(), kv.value, Long::sum);
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
        try (KeyValueIterator<String, Long> it = store.get().range(prefix + from, prefix + to)) {
            it.forEachRemaining(kv -> {
                if (kv.value != 0) {
                    days.put(KpiKey.decode(kv.key).date(), kv.value);
                }
            });
        }
        return days;
    }

    @Override
    public Set<String> authorities() {
        Set<String> authorities = new TreeSet<>();
        try (KeyValueIterator<String, Long> it = store.get().all()) {
            it.forEachRemaining(kv -> authorities.add(KpiKey.decode(kv.key).authority()));
        }
        return authorities;
    }
}
