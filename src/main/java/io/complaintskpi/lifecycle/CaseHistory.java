package io.complaintskpi.lifecycle;

import io.complaintskpi.events.EventEnvelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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

    private static final Comparator<EventEnvelope> BUSINESS_TIME = Comparator.comparing(Place::of);

    /**
     * Where an event goes in business-time order: its instant, its rank among events of the same instant, its
     * eventId. What a case's snapshot keeps of its latest event, to tell whether the next one comes after it.
     */
    public record Place(Instant at, int rank, UUID eventId) implements Comparable<Place> {

        private static final Comparator<Place> ORDER = Comparator.comparing(Place::at)
                .thenComparingInt(Place::rank).thenComparing(Place::eventId);

        public static Place of(EventEnvelope event) {
            return new Place(event.occurredAt().toInstant(), LifecycleMachine.sameInstantRank(event.event()),
                    event.eventId());
        }

        /** Whether {@code event} goes after this place (ties cannot happen: eventIds differ). */
        public boolean followedBy(EventEnvelope event) {
            return compareTo(of(event)) <= 0;
        }

        @Override
        public int compareTo(Place other) {
            return ORDER.compare(this, other);
        }
    }

    private final List<EventEnvelope> events;
    private final UUID arriving;

    public CaseHistory(List<EventEnvelope> events) {
        this(events, null);
    }

    private CaseHistory(List<EventEnvelope> events, UUID arriving) {
        this.events = List.copyOf(events);
        this.arriving = arriving;
    }

    /** A key's accepted events as a store holds them, in any order: placed in business-time order. */
    public static CaseHistory of(Collection<EventEnvelope> accepted) {
        List<EventEnvelope> events = new ArrayList<>(accepted);
        events.sort(BUSINESS_TIME);
        return new CaseHistory(events);
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
        return events.isEmpty() || Place.of(events.get(events.size() - 1)).followedBy(event);
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
