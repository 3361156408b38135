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

    /** Index keys sort by firing date, so a scan up to today costs only what is due. */
    public String indexKey() {
        return firesOn + "|" + alertId();
    }

    public String alertId() {
        return alertId(kind);
    }

    /** The identity of the alert of {@code other} kind about the same deadline. */
    public String alertId(AlertKind other) {
        return Alert.id(complaintId, stage, milestone, dueDate, other);
    }

    /** The alert of the same deadline that this one replaces when raised, if any. */
    public Optional<String> supersedes() {
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
