package io.complaintskpi.streams;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When this instance last processed an event from before today, on any of its tasks: a load spreads over
 * every partition, so it has settled only when all of them have been quiet. Kept in memory: a task that
 * starts counts as an arrival, so after a restart or rebalance the overdue alerts of a load wait a full
 * settle time again rather than trust a clock that was lost.
 */
final class HistoryArrivals {

    private final AtomicLong lastMs = new AtomicLong(Long.MIN_VALUE);

    void arrived(long wallClockMs) {
        lastMs.accumulateAndGet(wallClockMs, Math::max);
    }

    Instant last() {
        return Instant.ofEpochMilli(lastMs.get());
    }
}
