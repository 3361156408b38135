package io.complaintskpi.streams;

import io.complaintskpi.kpi.KpiKey;
import io.complaintskpi.kpi.RollupGrain;
import io.complaintskpi.kpi.RollupGrain.Part;
import io.complaintskpi.kpi.SeriesReader;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads the KPI sums of this instance's stores. A period sum reads the one partition that holds the metric
 * ({@link SeriesPartitioner}) and splits the period into whole financial years and months, read from the
 * roll-ups as one short range each over every dimension, and the days left at its ends, read from the daily
 * buckets; so its cost follows the period's shape, not how many years of history the store holds. The
 * authority list reads the authority index, nothing else.
 */
final class StoreSeriesReader implements SeriesReader {

    /** The stores of one partition of the KPI sums. */
    record Partition(ReadOnlyKeyValueStore<String, Long> totals, ReadOnlyKeyValueStore<String, Long> rollups,
                     ReadOnlyKeyValueStore<String, Long> authorities) {
    }

    /** This instance's partitions as they are when a query starts. */
    interface Local {

        Collection<Partition> all();

        /**
         * The local partition holding a metric of an authority: none when another instance holds it, every local
         * one when where it lives cannot be told now.
         */
        Collection<Partition> holding(String authority, String metric);
    }

    private final Supplier<Local> stores;

    StoreSeriesReader(Supplier<Local> stores) {
        this.stores = stores;
    }

    @Override
    public Map<String, Long> sumByDimension(String authority, String metric, LocalDate from, LocalDate to) {
        return sum(stores.get(), authority, metric, from, to);
    }

    /** Every span from the same view of the stores, found once. */
    @Override
    public Map<Span, Map<String, Long>> sumsByDimension(String authority, Collection<Span> spans) {
        Local local = stores.get();
        Map<Span, Map<String, Long>> sums = new LinkedHashMap<>();
        for (Span span : spans) {
            sums.computeIfAbsent(span, s -> sum(local, authority, s.metric(), s.from(), s.to()));
        }
        return sums;
    }

    private static Map<String, Long> sum(Local local, String authority, String metric, LocalDate from, LocalDate to) {
        Map<String, Long> sums = new HashMap<>();
        for (Partition partition : local.holding(authority, metric)) {
            for (Part part : RollupGrain.split(from, to)) {
                if (part.grain() == RollupGrain.DAY) {
                    addDays(partition.totals(), authority, metric, part.from(), part.to(), sums);
                } else {
                    addRollups(partition.rollups(), authority, metric, part, sums);
                }
            }
        }
        // As the in-memory reader: a dimension whose buckets cancel out is not there.
        sums.values().removeIf(sum -> sum == 0L);
        return sums;
    }

    /** Whole buckets of every dimension: one range, the bucket's first day before the dimension in each key. */
    private static void addRollups(ReadOnlyKeyValueStore<String, Long> rollups, String authority, String metric,
                                   Part part, Map<String, Long> sums) {
        String first = KpiKey.rollupPrefix(authority, metric, part.grain(), part.from());
        String last = KpiKey.rollupPrefix(authority, metric, part.grain(), part.grain().start(part.to()));
        try (KeyValueIterator<String, Long> it = rollups.range(first, KpiKey.pastPrefix(last))) {
            it.forEachRemaining(kv -> sums.merge(KpiKey.rollupDimension(kv.key), kv.value, Long::sum));
        }
    }

    /** Days of every dimension, seeking over each dimension's days outside them. */
    private static void addDays(ReadOnlyKeyValueStore<String, Long> totals, String authority, String metric,
                                LocalDate from, LocalDate to, Map<String, Long> sums) {
        String prefix = KpiKey.prefix(authority, metric);
        String start = prefix;
        boolean more = true;
        while (more) {
            more = false;
            try (KeyValueIterator<String, Long> it = totals.range(start, KpiKey.pastPrefix(prefix))) {
                while (it.hasNext()) {
                    KeyValue<String, Long> kv = it.next();
                    KpiKey key = KpiKey.decode(kv.key);
                    String series = KpiKey.prefix(authority, metric, key.dimension());
                    // Each seek lands past the key just read, so the scan always moves on.
                    if (key.date().isBefore(from) || key.date().isAfter(to)) {
                        start = key.date().isBefore(from) ? series + from : KpiKey.pastPrefix(series);
                        more = true;
                        break;
                    }
                    sums.merge(key.dimension(), kv.value, Long::sum);
                }
            }
        }
    }

    @Override
    public NavigableMap<LocalDate, Long> daily(String authority, String metric, String dimension, LocalDate from,
                                               LocalDate to) {
        NavigableMap<LocalDate, Long> days = new TreeMap<>();
        String prefix = KpiKey.prefix(authority, metric, dimension);
        for (Partition partition : stores.get().holding(authority, metric)) {
            try (KeyValueIterator<String, Long> it = partition.totals().range(prefix + from, prefix + to)) {
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
        for (Partition partition : stores.get().all()) {
            try (KeyValueIterator<String, Long> it = partition.authorities().all()) {
                it.forEachRemaining(kv -> authorities.add(kv.key));
            }
        }
        return authorities;
    }

    @Override
    public boolean holds(String authority) {
        return stores.get().all().stream().anyMatch(partition -> partition.authorities().get(authority) != null);
    }
}
