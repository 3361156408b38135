package io.complaintskpi.kpi;

import java.time.LocalDate;
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

    /** The daily values of one series in the period; days with no bucket are absent. */
    NavigableMap<LocalDate, Long> daily(String authority, String metric, String dimension, LocalDate from,
                                        LocalDate to);

    /** Every authority with at least one bucket. */
    Set<String> authorities();

    default long sum(String authority, String metric, LocalDate from, LocalDate to) {
        return sumByDimension(authority, metric, from, to).values().stream().mapToLong(Long::longValue).sum();
    }
}
