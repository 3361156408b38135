package io.complaintskpi.alerts;

import java.time.LocalDate;

/** An alert that will fire on {@code firesOn} unless its stage completes first. */
public record PendingAlert(AlertKind kind, String complaintId, int stage, LocalDate firesOn, LocalDate dueDate) {

    /** Index keys sort by firing date, so a scan up to today costs only what is due. */
    public String indexKey() {
        return firesOn + "|" + complaintId + "|" + stage + "|" + kind;
    }

    public String alertId() {
        return complaintId + "|" + stage + "|" + kind;
    }
}
