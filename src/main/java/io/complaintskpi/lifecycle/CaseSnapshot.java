package io.complaintskpi.lifecycle;

import io.complaintskpi.events.EventEnvelope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * What the case step keeps of a key beside its accepted events, so that the common event needs neither the
 * history nor a replay: the state a replay of the history gives ({@code state}, null for a key with no
 * events), the eventIds accepted (the duplicate check; sorted, so a snapshot does not depend on the arrival
 * order) and the {@link CaseHistory.Place} of the latest event in business-time order (whether the next event
 * comes after everything stored).
 */
public record CaseSnapshot(CaseState state, List<UUID> eventIds, CaseHistory.Place last) {

    /** A key with no accepted event. */
    public static final CaseSnapshot EMPTY = new CaseSnapshot(null, List.of(), null);

    public CaseSnapshot {
        eventIds = eventIds.stream().sorted().toList();
    }

    /** The snapshot of a key's whole accepted history, by replaying it (a key whose snapshot cannot be read). */
    public static CaseSnapshot of(String key, CaseHistory history, LifecycleMachine machine) {
        List<EventEnvelope> events = history.events();
        return new CaseSnapshot(machine.replay(key, history), events.stream().map(EventEnvelope::eventId).toList(),
                events.isEmpty() ? null : CaseHistory.Place.of(events.get(events.size() - 1)));
    }

    public boolean contains(UUID eventId) {
        return Collections.binarySearch(eventIds, eventId) >= 0;
    }

    /** Whether {@code event} goes after every accepted event: {@link CaseHistory#appends}, without the history. */
    public boolean appends(EventEnvelope event) {
        return last == null || last.followedBy(event);
    }

    /** This snapshot once {@code event} is accepted and the key's state is {@code after}. */
    public CaseSnapshot with(EventEnvelope event, CaseState after) {
        List<UUID> ids = new ArrayList<>(eventIds.size() + 1);
        ids.addAll(eventIds);
        ids.add(event.eventId()); // sorted by the constructor
        return new CaseSnapshot(after, ids, appends(event) ? CaseHistory.Place.of(event) : last);
    }
}
