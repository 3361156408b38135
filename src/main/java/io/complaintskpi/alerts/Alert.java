package io.complaintskpi.alerts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One published alert. Carries no personal data: the complaint reference is pseudonymous. For CLEARED,
 * {@code clears} names the kind that is over.
 */
public record Alert(AlertKind kind, String complaintId, String authority, String regime, String serviceArea,
                    int stage, LocalDate dueDate, int workingDaysOverdue, Instant raisedAt, AlertKind clears) {

    /** The identity that makes an alert happen once per stage and kind. */
    public String id() {
        return complaintId + "|" + stage + "|" + (kind == AlertKind.CLEARED ? clears : kind);
    }
}
