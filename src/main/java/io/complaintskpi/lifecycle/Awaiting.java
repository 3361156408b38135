package io.complaintskpi.lifecycle;

import io.complaintskpi.events.EventEnvelope;

/** An accepted event that waits for an earlier step still to arrive (e.g. a stage 2 step before the request). */
public record Awaiting(EventEnvelope event, String reason) {
}
