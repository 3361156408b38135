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
 *
 * <p>A history made by {@link #with} also knows which event just arrived, so the replay can tell an
 * arriving event that does not fit (rejected) from a stored one that a late arrival overtook (kept, set
 * aside). Equality and the stored form are the events alone.
 */
public final class CaseHistory {

    private static final Comparator<EventEnvelope> BUSINESS_TIME =
            Comparator.comparing((EventEnvelope e) -> e.occurredAt().toInstant())
                    .thenComparingInt(e -> LifecycleMachine.sameInstantRank(e.event()))
                    .thenComparing(EventEnvelope::eventId);

    private final List<EventEnvelope> events;
    private final UUID arriving;

    public CaseHistory(List<EventEnvelope> events) {
        this(events, null);
    }

    private CaseHistory(List<EventEnvelope> events, UUID arriving) {
        this.events = List.copyOf(events);
        this.arriving = arriving;
    }

    public static CaseHistory empty() {
        return new CaseHistory(List.of());
    }

    public List<EventEnvelope> events() {
        return events;
    }

    public boolean contains(UUID eventId) {
        return events.stream().anyMatch(e -> e.eventId().equals(eventId));
    }

    /** This history with {@code event} placed where it happened, as the event that just arrived. */
    public CaseHistory with(EventEnvelope event) {
        List<EventEnvelope> next = new ArrayList<>(events);
        int at = next.size();
        while (at > 0 && BUSINESS_TIME.compare(next.get(at - 1), event) > 0) {
            at--;
        }
        next.add(at, event);
        return new CaseHistory(next, event.eventId());
    }

    /** Whether {@link #with} would place {@code event} after every event already here: the common, in-order case. */
    public boolean appends(EventEnvelope event) {
        return events.isEmpty() || BUSINESS_TIME.compare(events.get(events.size() - 1), event) <= 0;
    }

    /** Whether {@code event} is the one that just arrived (never true for a history read back from a store). */
    boolean arriving(EventEnvelope event) {
        return event.eventId().equals(arriving);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CaseHistory history && history.events.equals(events);
    }

    @Override
    public int hashCode() {
        return events.hashCode();
    }

    @Override
    public String toString() {
        return "CaseHistory" + events;
    }
}
