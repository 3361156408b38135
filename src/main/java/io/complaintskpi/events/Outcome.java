package io.complaintskpi.events;

/** The finding of a stage response. Withdrawal is an event of its own, not an outcome. */
public enum Outcome {
    TOTALLY_UPHELD, PARTLY_UPHELD, NOT_UPHELD, NO_FINDING;

    public boolean upheld() {
        return this == TOTALLY_UPHELD || this == PARTLY_UPHELD;
    }
}
