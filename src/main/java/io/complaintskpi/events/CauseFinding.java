package io.complaintskpi.events;

import java.util.Objects;

/** One cause of a complaint and whether the response upheld it. */
public record CauseFinding(Cause cause, boolean upheld) {
    public CauseFinding {
        Objects.requireNonNull(cause, "cause");
    }
}
