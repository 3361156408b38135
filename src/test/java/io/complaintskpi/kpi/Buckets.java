package io.complaintskpi.kpi;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Hand-made daily buckets for one authority. */
final class Buckets {

    private final String authority;
    private final Map<KpiKey, Long> buckets = new HashMap<>();

    Buckets(String authority) {
        this.authority = authority;
    }

    Buckets add(String metric, String dimension, String date, long amount) {
        buckets.merge(new KpiKey(authority, metric, dimension, LocalDate.parse(date)), amount, Long::sum);
        return this;
    }

    InMemorySeriesReader reader() {
        return new InMemorySeriesReader(buckets);
    }
}
