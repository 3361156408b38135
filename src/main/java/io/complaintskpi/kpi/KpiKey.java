package io.complaintskpi.kpi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The address of one daily bucket: {@code authority|metric|dimension|yyyy-MM-dd}. Keys sort by authority,
 * metric, dimension, then date, so any period or rolling window is one range scan over daily buckets.
 */
public record KpiKey(String authority, String metric, String dimension, LocalDate date) {

    static final char SEPARATOR = '|';

    public KpiKey {
        Objects.requireNonNull(date, "date");
        authority = clean(authority);
        metric = clean(metric);
        dimension = clean(dimension);
    }

    public String encode() {
        return prefix(authority, metric, dimension) + date;
    }

    public static KpiKey decode(String key) {
        String[] parts = key.split("\\|", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a KPI key: " + key);
        }
        return new KpiKey(parts[0], parts[1], parts[2], LocalDate.parse(parts[3]));
    }

    /** Everything before the date: the fixed part of a range scan over one series. */
    public static String prefix(String authority, String metric, String dimension) {
        return clean(authority) + SEPARATOR + clean(metric) + SEPARATOR + clean(dimension) + SEPARATOR;
    }

    /** The part shared by every series of one authority. */
    public static String prefix(String authority) {
        return clean(authority) + SEPARATOR;
    }

    /** The part shared by every dimension of one metric. */
    public static String prefix(String authority, String metric) {
        return clean(authority) + SEPARATOR + clean(metric) + SEPARATOR;
    }

    // A separator inside a value would shift every field after it.
    private static String clean(String value) {
        return Objects.requireNonNull(value).replace(SEPARATOR, '/');
    }
}
