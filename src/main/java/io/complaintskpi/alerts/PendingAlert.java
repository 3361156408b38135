package io.complaintskpi.alerts;

import io.complaintskpi.lifecycle.Deadline;
import io.complaintskpi.rules.Timescale.Milestone;

import java.time.LocalDate;
import java.util.Optional;

/** An alert about one deadline that will fire on {@code firesOn} unless the deadline is met or moves first. */
public record PendingAlert(AlertKind kind, String complaintId, int stage, Milestone milestone, LocalDate firesOn,
                           LocalDate dueDate) {

    static PendingAlert of(AlertKind kind, String complaintId, Deadline deadline, LocalDate firesOn) {
        return new PendingAlert(kind, complaintId, deadline.stage(), deadline.milestone(), firesOn, deadline.due());
    }

    public AlertId alertId() {
        return alertId(kind);
    }

    /** The identity of the alert of {@code other} kind about the same deadline. */
    public AlertId alertId(AlertKind other) {
        return new AlertId(complaintId, deadline(), other);
    }

    /** The alert of the same deadline that this one replaces when raised, if any. */
    public Optional<AlertId> supersedes() {
        return kind.supersedes().map(this::alertId);
    }

    public Deadline deadline() {
        return new Deadline(stage, milestone, dueDate);
    }

    /** An AT_RISK found after its due date says nothing the BREACHED of the same deadline does not. */
    public boolean expired(LocalDate today) {
        return kind == AlertKind.AT_RISK && today.isAfter(dueDate);
    }
}
