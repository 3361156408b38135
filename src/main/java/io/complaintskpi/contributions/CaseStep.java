package io.complaintskpi.contributions;

import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.IllegalTransitionException;
import io.complaintskpi.lifecycle.LifecycleMachine;
import io.complaintskpi.series.KpiKey;

import java.util.Map;

/**
 * One event applied to its key: dropped if its eventId is already there, otherwise placed in the history
 * by business time, the state worked out before and after, and the KPI contributions' difference taken.
 * The topology and {@link OfflineReplay} both run this step, so they accept, reject and count alike. It is
 * the seam for a cheaper step that keeps derived state instead of replaying the history.
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
     * The event was accepted: the key's new history, its state before and after, the KPI change and what the
     * key now counts in every bucket ({@code counted}: absent where it counts nothing).
     */
    public record Applied(CaseHistory history, CaseState before, CaseState after, Map<KpiKey, Long> delta,
                          Map<KpiKey, Long> counted) implements Outcome {
    }

    public Outcome apply(String key, CaseHistory history, EventEnvelope event) {
        if (history.contains(event.eventId())) {
            return new Duplicate();
        }
        CaseHistory next = history.with(event);
        CaseState after;
        Map<KpiKey, Long> counted;
        try {
            after = machine.replay(key, next);
            counted = contributions.of(after);
        } catch (InvalidEventException | IllegalTransitionException e) {
            // The contract's and the rules' own refusals: the topology dead-letters the event with this reason.
            return new Rejected(e);
        } catch (RuntimeException e) {
            // Anything else is a bug: still dead-lettered so processing goes on, but as an internal error.
            return new Failed(new InternalErrorException(e));
        }
        CaseState before = state(key, history);
        Map<KpiKey, Long> delta = Contributions.delta(contributions.of(before), counted);
        return new Applied(next, before, after, delta, counted);
    }

    /** The key's state from its accepted history (null for an empty history). */
    public CaseState state(String key, CaseHistory history) {
        return machine.replay(key, history);
    }
}
