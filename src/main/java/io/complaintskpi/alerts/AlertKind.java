package io.complaintskpi.alerts;

import java.util.Optional;

/** What an alert says about a deadline. */
public enum AlertKind {
    /** The deadline is a configured number of working days away and not yet met. */
    AT_RISK,
    /** The deadline passed with its milestone not met. */
    BREACHED,
    /** Children's stage 1 passed 20 working days with no agreed extension: stage 2 must be offered. */
    STAGE2_MUST_BE_OFFERED,
    /** Adult social care: no acknowledgement within the statutory working days. */
    ACKNOWLEDGEMENT_OVERDUE,
    /** The deadline was met, moved or ended (or a breach replaced the warning); the alert named is over. */
    CLEARED;

    /** The kind this one replaces on the same deadline: once breached, a deadline is no longer at risk. */
    public Optional<AlertKind> supersedes() {
        return this == BREACHED ? Optional.of(AT_RISK) : Optional.empty();
    }
}
