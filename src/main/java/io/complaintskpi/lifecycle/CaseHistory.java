package io.complaintskpi.lifecycle;

import io.complaintskpi.events.EventEnvelope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The accepted events of one key in business-time order. Events may arrive out of order: each is placed
 * by {@code occurredAt} and the state is replayed from the start, so a late event lands where it happened
 * and every figure it touches is recomputed. Events of the same instant go in lifecycle order (receipt,
 * request, acknowledgement, ... response), then by eventId, so the order never depends on arrival.
 */
public record CaseHistory(List<EventEnvelope> events) {

    private static final Comparator<EventEnvelope> BUSINESS_TIME =
            Comparator.comparing((EventEnvelope e) -> e.occurredAt().toInstant())
                    .thenComparingInt(e -> LifecycleMachine.sameInstantRank(e.event()))
                    .thenComparing(EventEnvelope::eventId);

    public CaseHistory {
        events = List.copyOf(events);
    }

    public static CaseHistory empty() {
        return new CaseHistory(List.of());
    }

    public boolean contains(UUID eventId) {
        return events.stream().anyMatch(e -> e.eventId().equals(eventId));
    }

    public CaseHistory with(EventEnvelope event) {
        List<EventEnvelope> next = new ArrayList<>(events);
        int at = next.size();
        while (at > 0 && BUSINESS_TIME.compare(next.get(at - 1), event) > 0) {
            at--;
        }
        next.add(at, event);
        return new CaseHistory(next);
    }
}
