package io.complaintskpi.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** A value recomputed at most once per interval, so one scrape of many gauges reads the stores once. */
final class Cached<T> implements Supplier<T> {

    private final Supplier<T> source;
    private final Duration ttl;
    private final Clock clock;
    private T value;
    private Instant expires = Instant.MIN;

    Cached(Supplier<T> source, Duration ttl, Clock clock) {
        this.source = source;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public synchronized T get() {
        Instant now = clock.instant();
        if (now.isAfter(expires)) {
            value = source.get();
            expires = now.plus(ttl);
        }
        return value;
    }
}
