package io.complaintskpi.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * One validated event. {@code complaintId} is the record key: a pseudonymous complaint reference (or the
 * compliment, Ombudsman case or context-figure reference for events that are not about one complaint).
 */
public record EventEnvelope(UUID eventId, OffsetDateTime occurredAt, String complaintId, String authority,
                            int schemaVersion, ComplaintEvent event) {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(event, "event");
    }

    public String eventType() {
        return event.eventType();
    }

    /** The business date: the calendar date in Europe/London on which the event happened. */
    public LocalDate businessDate() {
        return occurredAt.atZoneSameInstant(LONDON).toLocalDate();
    }
}
