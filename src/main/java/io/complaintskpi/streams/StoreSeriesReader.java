package io.complaintskpi.streams;

import io.complaintskpi.series.KpiKey;
import io.complaintskpi.series.RollupGrain;
import io.complaintskpi.series.RollupGrain.Part;
import io.complaintskpi.series.SeriesReader;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads the KPI sums of this instance's stores. A query reads the one partition that holds the authority
 * ({@link SeriesPartitioner}), resolved once for the whole query, and splits each period into whole financial
 * years and months, read from the roll-ups as one short range each over every dimension, and the days left at
 * its ends, read from the daily buckets; so its cost follows the period's shape, not how many years of history
 * the store holds. Short runs of whole years (a financial year and the year before) are read for every metric
 * at once from the authority's year sheets: one range. The authority list reads the authority index, nothing
 * else.
 */
final class StoreSeriesReader implements SeriesReader {

    /**
     * A metric whose runs of whole financial years are all this long or shorter reads them from the year sheets
     * with every other such metric; a longer run (an all-time balance) reads the metric's own roll-ups, so its
     * cost does not grow with the other metrics' history.
     */
    static final int SHEET_YEARS = 3;

    /** This instance's partitions of {@code kpi-totals}, resolved once when a query starts. */
    interface Local {

        Collection<ReadOnlyKeyValueStore<String, Long>> all();

        /**
         * The local partition holding an authority: none when another instance holds it, every local one when
         * where it lives cannot be told now.
         */
        Collection<ReadOnlyKeyValueStore<String, Long>> holding(String authority);
    }

    private final Supplier<Local> stores;

    StoreSeriesReader(Supplier<Local> stores) {
        this.stores = stores;
    }

    @Override
    public Map<String, Long> sumByDimension(String authority, String metric, LocalDate from, LocalDate to) {
        Span span = new Span(metric, from, to);
        return sumsByDimension(authority, List.of(span)).get(span);
    }

    /**
     * Every span from the same view of the stores. The spans of one metric are read together: their whole
     * buckets and days, merged where they overlap or touch, are read once, then each span adds up its own.
     * The short year runs of every metric are one range over the year sheets.
     */
    @Override
    public Map<Span, Map<String, Long>> sumsByDimension(String authority, Collection<Span> spans) {
        Map<String, Map<Span, List<Part>>> byMetric = new LinkedHashMap<>();
        for (Span span : spans) {
            byMetric.computeIfAbsent(span.metric(), m -> new LinkedHashMap<>())
                    .computeIfAbsent(span, s -> RollupGrain.split(s.from(), s.to()));
        }
        Map<String, List<Part>> runs = new LinkedHashMap<>();
        Set<String> sheetMetrics = new HashSet<>();
        TreeSet<LocalDate> sheetYears = new TreeSet<>();
        byMetric.forEach((metric, parts) -> {
            List<Part> metricRuns = runs(parts.values());
            runs.put(metric, metricRuns);
            if (readsSheets(metricRuns)) {
                sheetMetrics.add(metric);
                for (Part run : metricRuns) {
                    for (LocalDate year = run.from(); run.grain() == RollupGrain.FINANCIAL_YEAR
                            && year.isBefore(run.to()); year = year.plusYears(1)) {
                        sheetYears.add(year);
                    }
                }
            }
        });
        Map<String, List<Bucket>> buckets = new HashMap<>();
        for (ReadOnlyKeyValueStore<String, Long> partition : stores.get().holding(authority)) {
            for (Part years : yearRuns(sheetYears)) {
                readSheets(partition, authority, years, sheetMetrics, buckets);
            }
            runs.forEach((metric, metricRuns) -> {
                List<Bucket> read = buckets.computeIfAbsent(metric, m -> new ArrayList<>());
                for (Part run : metricRuns) {
                    if (run.grain() == RollupGrain.DAY) {
                        readDays(partition, authority, metric, run.from(), run.to(), read);
                    } else if (run.grain() != RollupGrain.FINANCIAL_YEAR || !sheetMetrics.contains(metric)) {
                        readRollups(partition, authority, metric, run, read);
                    }
                }
            });
        }
        Map<Span, Map<String, Long>> sums = new LinkedHashMap<>();
        byMetric.forEach((metric, parts) -> parts.forEach((span, spanParts) ->
                sums.put(span, sum(buckets.getOrDefault(metric, List.of()), spanParts))));
        return sums;
    }

    /** Whether a metric's runs of whole years are read from the year sheets: it has some, none of them long. */
    private static boolean readsSheets(List<Part> metricRuns) {
        boolean years = false;
        for (Part run : metricRuns) {
            if (run.grain() == RollupGrain.FINANCIAL_YEAR) {
                if (yearsIn(run) > SHEET_YEARS) {
                    return false;
                }
                years = true;
            }
        }
        return years;
    }

    private static long yearsIn(Part yearRun) {
        return yearRun.to().getYear() - yearRun.from().getYear();
    }

    /** The first days of financial years as runs of consecutive years. */
    private static List<Part> yearRuns(TreeSet<LocalDate> yearStarts) {
        List<Part> runs = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (LocalDate start : yearStarts) {
            if (first != null && !start.equals(last.plusYears(1))) {
                runs.add(new Part(RollupGrain.FINANCIAL_YEAR, first, last.plusYears(1).minusDays(1)));
                first = null;
            }
            first = first == null ? start : first;
            last = start;
        }
        if (first != null) {
            runs.add(new Part(RollupGrain.FINANCIAL_YEAR, first, last.plusYears(1).minusDays(1)));
        }
        return runs;
    }

    /** Whole years of every metric: one range over the authority's year sheets, kept for the metrics asked. */
    private static void readSheets(ReadOnlyKeyValueStore<String, Long> sheets, String authority, Part years,
                                   Set<String> metrics, Map<String, List<Bucket>> buckets) {
        String first = KpiKey.yearSheetPrefix(authority, years.from());
        String last = KpiKey.yearSheetPrefix(authority, RollupGrain.FINANCIAL_YEAR.start(years.to()));
        try (KeyValueIterator<String, Long> it = sheets.range(first, KpiKey.pastPrefix(last))) {
            it.forEachRemaining(kv -> {
                KpiKey.SheetEntry entry = KpiKey.SheetEntry.of(kv.key);
                if (metrics.contains(entry.metric())) {
                    buckets.computeIfAbsent(entry.metric(), m -> new ArrayList<>()).add(new Bucket(
                            RollupGrain.FINANCIAL_YEAR, entry.yearStart(), entry.dimension(), kv.value));
                }
            });
        }
    }

    /** One bucket read: a roll-up (its first day) or a day, of one dimension. */
    private record Bucket(RollupGrain grain, LocalDate start, String dimension, long amount) {
    }

    private static final Comparator<Part> RUN_ORDER = Comparator.comparing(Part::grain).thenComparing(Part::from);

    /** The parts of every span, merged per grain where they overlap or touch: each is then one read. */
    private static List<Part> runs(Collection<List<Part>> parts) {
        List<Part> sorted = new ArrayList<>();
        parts.forEach(sorted::addAll);
        sorted.sort(RUN_ORDER);
        List<Part> runs = new ArrayList<>();
        for (Part part : sorted) {
            Part last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.grain() == part.grain() && !part.from().isAfter(last.to().plusDays(1))) {
                runs.set(runs.size() - 1, new Part(last.grain(), last.from(),
                        part.to().isAfter(last.to()) ? part.to() : last.to()));
            } else {
                runs.add(part);
            }
        }
        return runs;
    }

    private static Map<String, Long> sum(List<Bucket> buckets, List<Part> parts) {
        Map<String, Long> sums = new HashMap<>();
        for (Bucket bucket : buckets) {
            for (Part part : parts) {
                if (part.grain() == bucket.grain() && !bucket.start().isBefore(part.from())
                        && !bucket.start().isAfter(part.to())) {
                    sums.merge(bucket.dimension(), bucket.amount(), Long::sum);
                }
            }
        }
        // As the in-memory reader: a dimension whose buckets cancel out is not there.
        sums.values().removeIf(sum -> sum == 0L);
        return sums;
    }

    /** Whole buckets of every dimension: one range, the bucket's first day before the dimension in each key. */
    private static void readRollups(ReadOnlyKeyValueStore<String, Long> rollups, String authority, String metric,
                                    Part run, List<Bucket> buckets) {
        String first = KpiKey.rollupPrefix(authority, metric, run.grain(), run.from());
        String last = KpiKey.rollupPrefix(authority, metric, run.grain(), run.grain().start(run.to()));
        try (KeyValueIterator<String, Long> it = rollups.range(first, KpiKey.pastPrefix(last))) {
            it.forEachRemaining(kv -> buckets.add(new Bucket(run.grain(),
                    KpiKey.rollupStart(kv.key), KpiKey.rollupDimension(kv.key), kv.value)));
        }
    }

    /** Days of every dimension, seeking over each dimension's days outside them. */
    private static void readDays(ReadOnlyKeyValueStore<String, Long> totals, String authority, String metric,
                                 LocalDate from, LocalDate to, List<Bucket> buckets) {
        String prefix = KpiKey.prefix(authority, metric);
        String start = KpiKey.daysFrom(authority, metric);
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
                        start = key.date().isBefore(from) ? new KpiKey(authority, metric, key.dimension(), from).encode()
                                : KpiKey.pastPrefix(series);
                        more = true;
                        break;
                    }
                    buckets.add(new Bucket(RollupGrain.DAY, key.date(), key.dimension(), kv.value));
                }
            }
        }
    }

    @Override
    public NavigableMap<LocalDate, Long> daily(String authority, String metric, String dimension, LocalDate from,
                                               LocalDate to) {
        NavigableMap<LocalDate, Long> days = new TreeMap<>();
        String first = new KpiKey(authority, metric, dimension, from).encode();
        String last = new KpiKey(authority, metric, dimension, to).encode();
        for (ReadOnlyKeyValueStore<String, Long> partition : stores.get().holding(authority)) {
            try (KeyValueIterator<String, Long> it = partition.range(first, last)) {
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
        for (ReadOnlyKeyValueStore<String, Long> partition : stores.get().all()) {
            try (KeyValueIterator<String, Long> it = partition.range(KpiKey.AUTHORITY_INDEX,
                    KpiKey.pastPrefix(KpiKey.AUTHORITY_INDEX))) {
                it.forEachRemaining(kv -> authorities.add(KpiKey.indexedAuthority(kv.key)));
            }
        }
        return authorities;
    }

    @Override
    public boolean holds(String authority) {
        String indexed = KpiKey.authorityIndex(authority);
        return stores.get().all().stream().anyMatch(partition -> partition.get(indexed) != null);
    }
}
