package io.complaintskpi.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * A one-line progress bar on a terminal's stderr: the share of the file read, events handled and their rate,
 * redrawn at most ten times a second. Silent when stderr is not a terminal (a pipe, a log, a CI job) or asked to be.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream terminal;
    private final long size;
    private final Instant start = Instant.now();
    private Instant drawn = Instant.EPOCH;
    private long bytes;
    private long events;

    private ProgressBar(PrintStream terminal, long size) {
        this.terminal = terminal;
        this.size = Math.max(size, 1);
    }

    /** A bar over a file of {@code size} bytes, drawing only when stderr is a terminal and not {@code quiet}. */
    static ProgressBar of(long size, boolean quiet) {
        return new ProgressBar(quiet || System.console() == null ? null : System.err, size);
    }

    void update(long bytesRead, long handled) {
        bytes = bytesRead;
        events = handled;
        Instant now = Instant.now();
        if (terminal == null || Duration.between(drawn, now).toMillis() < 100) {
            return;
        }
        drawn = now;
        terminal.print("\r" + line(bytesRead, size, handled, Duration.between(start, now)));
        terminal.flush();
    }

    /** The last state drawn in full, then a new line, so the summary starts on its own line. */
    void finish() {
        if (terminal != null) {
            terminal.println("\r" + line(bytes, size, events, Duration.between(start, Instant.now())));
            terminal.flush();
        }
    }

    /** The bar's text: the share of {@code size} read, the events handled and their rate. */
    static String line(long bytesRead, long size, long handled, Duration elapsed) {
        double share = Math.min(1.0, (double) bytesRead / size);
        int filled = (int) Math.round(share * WIDTH);
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        return String.format("[%s%s] %3d%%  %,d events  %,.0f events/s", "#".repeat(filled), "-".repeat(WIDTH - filled),
                Math.round(share * 100), handled, handled / seconds);
    }
}
