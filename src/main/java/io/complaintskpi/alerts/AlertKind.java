package io.complaintskpi.alerts;

/** What an alert says about a stage's statutory deadline. */
public enum AlertKind {
    /** The deadline is a configured number of working days away and the stage is still open. */
    AT_RISK,
    /** The deadline passed with no response. */
    BREACHED,
    /** Children's stage 1 passed 20 working days with no agreed extension: stage 2 must be offered. */
    STAGE2_MUST_BE_OFFERED,
    /** Adult social care: no acknowledgement within the statutory working days. */
    ACKNOWLEDGEMENT_OVERDUE,
    /** The stage completed (responded, withdrawn or escalated); earlier alerts of the stage are over. */
    CLEARED
}
