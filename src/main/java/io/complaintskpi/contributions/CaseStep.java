package io.complaintskpi.contributions;

import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseSnapshot;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.IllegalTransitionException;
import io.complaintskpi.lifecycle.LifecycleMachine;
import io.complaintskpi.series.KpiKey;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One event applied to its key: dropped if its eventId is already there, otherwise placed in the history
 * by business time, the state worked out before and after, and the KPI contributions' difference taken.
 * The topology and {@link OfflineReplay} both run this step, so they accept, reject and count alike. It works
 * from the key's {@link CaseSnapshot}: an event later than every stored one (the common case) takes one machine
 * step from the snapshot's state and needs no history; only an event placed earlier, which changes what follows
 * it, reads the stored history and replays it whole.
 */
public final class CaseStep {

    private final LifecycleMachine machine;
    private final Contributions contributions;

    public CaseStep(LifecycleMachine machine, Contributions contributions) {
        this.machine = machine;
        this.contributions = contributions;
    }

    /** What one event did to its key. */
    public sealed interface Outcome {
    }

    /** A redelivered or republished event (same eventId): counted once already. */
    public record Duplicate() implements Outcome {
    }

    /** The event breaks the contract or is impossible at its place in the history; nothing changes. */
    public record Rejected(RuntimeException reason) implements Outcome {
    }

    /** The step itself failed on the event (a bug, not the event's fault); nothing changes. */
    public record Failed(InternalErrorException error) implements Outcome {
    }

    /**
     * The event was accepted: the key's new snapshot (to keep beside its events, this one added), its state
     * before and after, the KPI change and what the key now counts in every bucket ({@code counted}: absent
     * where it counts nothing).
     */
    public record Applied(CaseSnapshot snapshot, CaseState before, CaseState after, Map<KpiKey, Long> delta,
                          Map<KpiKey, Long> counted) implements Outcome {
    }

    /**
     * {@code event} applied to the key whose snapshot is {@code snapshot} ({@link CaseSnapshot#EMPTY} for a new
     * key); {@code stored} gives the key's accepted history, asked for only when the event does not come after
     * every stored one.
     */
    public Outcome apply(String key, CaseSnapshot snapshot, EventEnvelope event, Supplier<CaseHistory> stored) {
        if (snapshot.contains(event.eventId())) {
            return new Duplicate();
        }
        CaseState before = snapshot.state();
        CaseState after;
        Map<KpiKey, Long> counted;
        try {
            // In order (the common case) the state after is one step from the state before; an event placed
            // earlier in the history changes what follows it, so the whole history is replayed.
            after = snapshot.appends(event) ? machine.next(key, before, event)
                    : machine.replay(key, stored.get().with(event));
            counted = contributions.of(after);
        } catch (InvalidEventException | IllegalTransitionException e) {
            // The contract's and the rules' own refusals: the topology dead-letters the event with this reason.
            return new Rejected(e);
        } catch (RuntimeException e) {
            // Anything else is a bug: still dead-lettered so processing goes on, but as an internal error.
            return new Failed(new InternalErrorException(e));
        }
        Map<KpiKey, Long> delta = Contributions.delta(contributions.of(before), counted);
        return new Applied(snapshot.with(event, after), before, after, delta, counted);
    }
}
