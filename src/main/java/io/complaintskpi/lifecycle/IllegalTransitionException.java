package io.complaintskpi.lifecycle;

/** An event that cannot happen in its complaint's current state; the message is the dead-letter reason. */
public class IllegalTransitionException extends RuntimeException {
    public IllegalTransitionException(String reason) {
        super(reason);
    }
}
