package io.complaintskpi.alerts;

import io.complaintskpi.lifecycle.Deadline;

/**
 * The identity that makes an alert happen once per deadline and kind: the complaint, the deadline (stage,
 * milestone, due date) and the kind. How it is written as a store key is the store's key schema's business
 * ({@code streams.OpenAlertKeySchema}); {@link #toString} is for messages only.
 */
public record AlertId(String complaintId, Deadline deadline, AlertKind kind) {

    /** {@code C-1|1|RESPONSE|2015-06-15|BREACHED}: short enough for a log line or a test failure. */
    @Override
    public String toString() {
        return String.join("|", complaintId, String.valueOf(deadline.stage()), String.valueOf(deadline.milestone()),
                String.valueOf(deadline.due()), String.valueOf(kind));
    }
}
