package io.complaintskpi.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * What a randomised test draws from, printed so that a failure can be run again with the same draw:
 * {@code -D<name>.seed=...} (and {@code -D<name>.now=...} for a test that builds its data around the clock)
 * replay the printed values; without them each run draws afresh.
 */
public final class Reproducible {

    private Reproducible() {
    }

    /** The seed given as {@code -D<name>.seed}, or a new one; printed either way with how to rerun. */
    public static long seed(String name) {
        String given = System.getProperty(name + ".seed");
        long seed = given == null ? new Random().nextLong() : Long.parseLong(given);
        System.out.println(name + " seed " + seed + " (rerun with -D" + name + ".seed=" + seed + ")");
        return seed;
    }

    /** The instant given as {@code -D<name>.now}, or the wall clock to the second; printed either way. */
    public static Instant now(String name) {
        String given = System.getProperty(name + ".now");
        Instant now = given == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : Instant.parse(given);
        System.out.println(name + " built around " + now + " (rerun with -D" + name + ".now=" + now + ")");
        return now;
    }
}
