package io.complaintskpi.series;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Daily buckets held in memory: for tests and offline reports. Buckets are indexed by authority, metric
 * and dimension, each a date-ordered map, so a period is a sub-map rather than a scan of everything.
 */
public final class InMemorySeriesReader implements SeriesReader {

    private final Map<String, Map<String, Map<String, TreeMap<LocalDate, Long>>>> index = new HashMap<>();
    private final Map<KpiKey, Long> buckets;

    /** Copies the buckets; zero amounts are dropped, as the stream's sums drop nothing but show none. */
    public InMemorySeriesReader(Map<KpiKey, Long> buckets) {
        Map<KpiKey, Long> copy = new HashMap<>();
        buckets.forEach((key, amount) -> {
            if (amount != null && amount != 0L) {
                copy.put(key, amount);
                index.computeIfAbsent(key.authority(), a -> new HashMap<>())
                        .computeIfAbsent(key.metric(), m -> new HashMap<>())
                        .computeIfAbsent(key.dimension(), d -> new TreeMap<>())
                        .merge(key.date(), amount, Long::sum);
            }
        });
        this.buckets = Collections.unmodifiableMap(copy);
    }

    /** Every non-zero bucket. */
    public Map<KpiKey, Long> buckets() {
        return buckets;
    }

    @Override
    public Map<String, Long> sumByDimension(String authority, String metric, LocalDate from, LocalDate to) {
        Map<String, Long> sums = new TreeMap<>();
        series(authority, metric).forEach((dimension, days) -> {
            long sum = days.subMap(from, true, to, true).values().stream().mapToLong(Long::longValue).sum();
            if (sum != 0L) {
                sums.put(dimension, sum);
            }
        });
        return sums;
    }

    @Override
    public NavigableMap<LocalDate, Long> daily(String authority, String metric, String dimension, LocalDate from,
                                               LocalDate to) {
        TreeMap<LocalDate, Long> days = series(authority, metric).get(dimension);
        return days == null ? new TreeMap<>() : new TreeMap<>(days.subMap(from, true, to, true));
    }

    @Override
    public Set<String> authorities() {
        return Collections.unmodifiableSet(new TreeSet<>(index.keySet()));
    }

    private Map<String, TreeMap<LocalDate, Long>> series(String authority, String metric) {
        return index.getOrDefault(authority, Map.of()).getOrDefault(metric, Map.of());
    }
}
