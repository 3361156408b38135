package io.complaintskpi.alerts;

import io.complaintskpi.lifecycle.Deadline;

/**
 * The identity that makes an alert happen once per deadline and kind: the complaint, the deadline (stage,
 * milestone, due date) and the kind. How it is written as a store key is the store's key schema's business.
 */
public record AlertId(String complaintId, Deadline deadline, AlertKind kind) {
}
