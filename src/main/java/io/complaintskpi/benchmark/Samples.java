package io.complaintskpi.benchmark;

import java.util.Arrays;

/** Latencies in nanoseconds, summarised as percentiles in milliseconds. */
record Samples(long[] nanos) {

    static Samples of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Samples(sorted);
    }

    int count() {
        return nanos.length;
    }

    /** The nearest-rank percentile, in ms; NaN with no samples. */
    double percentileMs(double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * nanos.length);
        return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
    }
}
