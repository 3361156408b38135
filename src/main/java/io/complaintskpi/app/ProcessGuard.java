package io.complaintskpi.app;

import io.complaintskpi.query.Liveness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Makes a running service fail well: a dead part or an {@link VirtualMachineError} ends the process (a
 * supervisor restarts it in seconds) instead of leaving it half alive, and a stop always ends, however
 * stuck a part is (a broker wedged after an OutOfMemoryError once held SIGTERM for good).
 */
public final class ProcessGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessGuard.class);
    /** Exit status when a part of the service died (EX_SOFTWARE). */
    public static final int DEAD_PART = 70;
    /** Exit status when a stop did not finish in time. */
    public static final int STUCK_STOP = 71;
    /** How long a stop may take: Kafka Streams gets 30 s of it, the broker and the rest what is left. */
    public static final Duration STOP_BOUND = Duration.ofSeconds(60);
    /** How often the parts are checked. */
    public static final Duration CHECK_INTERVAL = Duration.ofSeconds(5);

    private ProcessGuard() {
    }

    /**
     * Closes {@code running} on the JVM's shutdown (SIGTERM, Ctrl-C, exit), halting if that takes longer than
     * {@link #STOP_BOUND}; ends the process on an {@link VirtualMachineError} in any thread; then blocks until
     * a part of {@code liveness} dies and exits with {@link #DEAD_PART}.
     */
    public static void runUntilShutdown(AutoCloseable running, Liveness liveness) throws InterruptedException {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            LOG.error("thread {} died", thread.getName(), e);
            if (e instanceof VirtualMachineError) {
                // The heap or the stack is gone: nothing can be trusted to run, not even an orderly stop.
                Runtime.getRuntime().halt(DEAD_PART);
            }
        });
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            if (!closeWithin(running, STOP_BOUND)) {
                LOG.error("the service did not stop within {}; halting", STOP_BOUND);
                Runtime.getRuntime().halt(STUCK_STOP);
            }
        }, "shutdown"));
        List<String> dead = awaitUnexpectedDeath(liveness, CHECK_INTERVAL, stopping::get);
        if (dead.isEmpty()) {
            return; // an orderly stop closed the parts; the shutdown hook finishes it
        }
        LOG.error("{} no longer running: stopping so that the service can be restarted", String.join(", ", dead));
        System.exit(DEAD_PART);
    }

    /**
     * {@link #awaitDeath}, but parts that die because the service is {@code stopping} (a SIGTERM closes them) are
     * no failure: then the list is empty, and nothing is logged as an error on an ordinary stop.
     */
    static List<String> awaitUnexpectedDeath(Liveness liveness, Duration interval, BooleanSupplier stopping)
            throws InterruptedException {
        List<String> dead = awaitDeath(liveness, interval);
        return stopping.getAsBoolean() ? List.of() : dead;
    }

    /** Blocks until a part is dead, checking every {@code interval}; returns the dead parts' names. */
    static List<String> awaitDeath(Liveness liveness, Duration interval) throws InterruptedException {
        while (true) {
            List<String> dead = liveness.dead();
            if (!dead.isEmpty()) {
                return dead;
            }
            Thread.sleep(interval.toMillis());
        }
    }

    /** Closes {@code running} on a thread of its own; true if it finished within {@code bound}. */
    static boolean closeWithin(AutoCloseable running, Duration bound) {
        Thread closing = new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                LOG.warn("error while stopping", e);
            }
        }, "closing");
        closing.setDaemon(true);
        closing.start();
        try {
            closing.join(bound.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !closing.isAlive();
    }
}
