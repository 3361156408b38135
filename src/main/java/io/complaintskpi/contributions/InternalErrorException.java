package io.complaintskpi.contributions;

/**
 * The case step failed for a reason that is not the event's: a bug. The record is dead-lettered with this
 * as its reason so processing goes on, but unlike a rejection it is no fault of the sender, and it is
 * counted and logged with its stack trace for someone to report.
 */
public final class InternalErrorException extends RuntimeException {

    public InternalErrorException(Exception bug) {
        super("internal error, not a fault of the event: please report it (" + bug.getClass().getSimpleName()
                + (bug.getMessage() == null ? "" : ": " + bug.getMessage()) + ")", bug);
    }
}
