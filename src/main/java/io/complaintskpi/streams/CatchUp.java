package io.complaintskpi.streams;

/**
 * Whether the task reading one partition of the events topic has caught up with it. While it has not,
 * the deadline scan holds its alerts: the stores describe the past, and the backlog may still close what
 * they show overdue.
 */
@FunctionalInterface
public interface CatchUp {

    /** For a test driver, where every record piped in has been processed before the clock moves. */
    CatchUp ALWAYS = partition -> true;

    boolean caughtUp(int partition);
}
