package io.complaintskpi.lifecycle;

import io.complaintskpi.events.EventEnvelope;

/**
 * An accepted event that does not take effect, with why: it waits for an earlier step still to arrive (a
 * stage 2 step before the request), or it is a withdrawal that an earlier-dated answer, arriving after it,
 * left with nothing to withdraw. It counts nowhere; a later arrival may still give it its place.
 */
public record Awaiting(EventEnvelope event, String reason) {
}
