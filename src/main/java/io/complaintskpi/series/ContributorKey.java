package io.complaintskpi.series;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The key layout of the {@code kpi-contributors} index: which key (complaint, compliment, Ombudsman case)
 * puts how much in which daily bucket, {@code authority|metric|dimension|yyyy-MM-dd|reference}. It sorts as
 * the buckets do, then by reference, so the contributors of one dimension over a period are one range scan
 * and a page of them costs what it lists. A key's {@link #position} (everything after {@code authority|metric|})
 * orders the contributors of one metric across dimensions and is the cursor a list pages on.
 */
public record ContributorKey(KpiKey bucket, String reference) {

    /** Above every character a reference can hold: closes a range at a day's last reference. */
    private static final char TOP = '\uffff';

    public ContributorKey {
        Objects.requireNonNull(bucket, "bucket");
        reference = KpiKey.clean(reference);
    }

    public String encode() {
        return bucket.encode() + KpiKey.SEPARATOR + reference;
    }

    public static ContributorKey decode(String key) {
        int last = key.lastIndexOf(KpiKey.SEPARATOR);
        if (last < 0) {
            throw new IllegalArgumentException("not a contributor key: " + key);
        }
        return new ContributorKey(KpiKey.decode(key.substring(0, last)), key.substring(last + 1));
    }

    /** The lowest key of a dimension's contributors from {@code from}. */
    public static String from(String authority, String metric, String dimension, LocalDate from) {
        return KpiKey.prefix(authority, metric, dimension) + from;
    }

    /** The highest key of a dimension's contributors up to {@code to} (inclusive). */
    public static String upTo(String authority, String metric, String dimension, LocalDate to) {
        return KpiKey.prefix(authority, metric, dimension) + to + KpiKey.SEPARATOR + TOP;
    }

    /** The key's place among its metric's contributors: {@code dimension|yyyy-MM-dd|reference}. */
    public String position() {
        return KpiKey.clean(bucket.dimension()) + KpiKey.SEPARATOR + bucket.date() + KpiKey.SEPARATOR + reference;
    }

    /** The full key of a {@link #position} within an authority's metric. */
    public static String at(String authority, String metric, String position) {
        return KpiKey.prefix(authority, metric) + position;
    }
}
