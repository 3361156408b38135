package io.complaintskpi.simulate;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on a terminal stream: share done, items so far, rate and estimated time left,
 * redrawn at most twice a second and finished with a newline.
 */
public final class Progress {

    private static final long REDRAW_NANOS = 500_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String task;
    private final String unit;
    private final long total;
    private final LongSupplier nanoTime;
    private final long started;
    private long lastDrawn;

    /** {@code total} steps of {@code task}, counting {@code unit}s (e.g. days of "simulate", "events"). */
    public Progress(PrintStream out, String task, String unit, long total) {
        this(out, task, unit, total, System::nanoTime);
    }

    Progress(PrintStream out, String task, String unit, long total, LongSupplier nanoTime) {
        this.out = out;
        this.task = task;
        this.unit = unit;
        this.total = Math.max(1, total);
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.lastDrawn = started;
    }

    /** {@code steps} of {@code total} done, {@code items} produced so far. */
    public void update(long steps, long items) {
        long now = nanoTime.getAsLong();
        if (now - lastDrawn >= REDRAW_NANOS) {
            lastDrawn = now;
            out.print("\r" + line(steps, items, now));
            out.flush();
        }
    }

    public void finish(long items) {
        out.println("\r" + line(total, items, nanoTime.getAsLong()));
        out.flush();
    }

    String line(long steps, long items, long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double share = Math.min(1.0, (double) steps / total);
        int filled = (int) Math.round(share * WIDTH);
        long etaSeconds = steps == 0 ? 0 : Math.round(seconds * (total - steps) / steps);
        return String.format("%s [%s%s] %3.0f%% %,d %s, %,.0f/s, ETA %d:%02d", task, "#".repeat(filled),
                " ".repeat(WIDTH - filled), share * 100, items, unit, items / seconds, etaSeconds / 60,
                etaSeconds % 60);
    }
}
