package io.complaintskpi.query;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The parts of the running service that must be alive for its figures to move: stream threads, the embedded
 * broker's threads, the watchers beside the topology. One dead part makes {@code /health} fail and ends the
 * process ({@code serve}, {@code demo}), so a supervisor restarts it: a restart takes seconds, while a
 * service with a dead part can look ready for ever.
 */
public record Liveness(List<Part> parts) {

    /** One part and how to tell it is alive. */
    public record Part(String name, BooleanSupplier alive) {
    }

    /** Nothing watched (a service assembled by hand in a test). */
    public static final Liveness NONE = new Liveness(List.of());

    public Liveness {
        parts = List.copyOf(parts);
    }

    /** The names of the parts that are not alive, in the order given; empty when all are. */
    public List<String> dead() {
        return parts.stream().filter(p -> !p.alive().getAsBoolean()).map(Part::name).toList();
    }
}
