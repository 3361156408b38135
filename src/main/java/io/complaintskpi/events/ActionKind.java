package io.complaintskpi.events;

/** What was done in response to an upheld complaint (seed report, table 9). */
public enum ActionKind {
    APOLOGY, REIMBURSEMENT, AMENDED_RECORDS, OTHER_REMEDY, SERVICE_CHANGE
}
