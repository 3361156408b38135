package io.complaintskpi.testing;

import io.complaintskpi.series.InMemorySeriesReader;
import io.complaintskpi.series.KpiKey;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Hand-made daily buckets for one authority. */
public final class Buckets {

    private final String authority;
    private final Map<KpiKey, Long> buckets = new HashMap<>();

    public Buckets(String authority) {
        this.authority = authority;
    }

    public Buckets add(String metric, String dimension, String date, long amount) {
        buckets.merge(new KpiKey(authority, metric, dimension, LocalDate.parse(date)), amount, Long::sum);
        return this;
    }

    public InMemorySeriesReader reader() {
        return new InMemorySeriesReader(buckets);
    }
}
