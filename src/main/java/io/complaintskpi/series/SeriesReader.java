package io.complaintskpi.series;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * Read access to the daily KPI buckets, wherever they live (a local state store, every instance of the
 * service, or memory in tests and offline reports). Dates are inclusive business dates.
 */
public interface SeriesReader {

    /** The total of each dimension of a metric over the period; dimensions with no bucket are absent. */
    Map<String, Long> sumByDimension(String authority, String metric, LocalDate from, LocalDate to);

    /** One sum of a metric's dimensions over inclusive dates, as one of several read at once. */
    record Span(String metric, LocalDate from, LocalDate to) {
    }

    /**
     * {@link #sumByDimension} for several spans at once: what a query needs is read in one go, so where the
     * buckets are on other instances that is one call to each, not one per metric.
     */
    default Map<Span, Map<String, Long>> sumsByDimension(String authority, Collection<Span> spans) {
        Map<Span, Map<String, Long>> sums = new LinkedHashMap<>();
        for (Span span : spans) {
            sums.computeIfAbsent(span, s -> sumByDimension(authority, s.metric(), s.from(), s.to()));
        }
        return sums;
    }

    /** The daily values of one series in the period; days with no bucket are absent. */
    NavigableMap<LocalDate, Long> daily(String authority, String metric, String dimension, LocalDate from,
                                        LocalDate to);

    /** Every authority with at least one bucket. */
    Set<String> authorities();

    /** Whether the authority has at least one bucket: one of {@link #authorities()}, without listing them all. */
    default boolean holds(String authority) {
        return authorities().contains(authority);
    }

    default long sum(String authority, String metric, LocalDate from, LocalDate to) {
        return sumByDimension(authority, metric, from, to).values().stream().mapToLong(Long::longValue).sum();
    }
}
