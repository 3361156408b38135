package io.complaintskpi.lifecycle;

/** How a stage ended. */
public enum Closure {
    RESPONDED,
    WITHDRAWN,
    /** The complainant moved on to the next stage before this one was answered (e.g. stage 1 left late). */
    ESCALATED_UNRESPONDED
}
