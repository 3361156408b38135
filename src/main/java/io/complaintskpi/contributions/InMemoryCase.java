package io.complaintskpi.contributions;

import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * One key kept in memory as the topology keeps it in its two stores: its {@link CaseSnapshot} and its accepted
 * events in arrival order, each event taken through the {@link CaseStep}. For the offline replay and for tests
 * that fold arrivals through the production step.
 */
public final class InMemoryCase {

    private final String key;
    private final List<EventEnvelope> accepted = new ArrayList<>();
    private CaseSnapshot snapshot = CaseSnapshot.EMPTY;

    public InMemoryCase(String key) {
        this.key = key;
    }

    /** {@code event} through {@code step}; an accepted one is kept, anything else leaves the key as it was. */
    public CaseStep.Outcome apply(CaseStep step, EventEnvelope event) {
        CaseStep.Outcome outcome = step.apply(key, snapshot, event, this::history);
        if (outcome instanceof CaseStep.Applied applied) {
            snapshot = applied.snapshot();
            accepted.add(event);
        }
        return outcome;
    }

    public CaseSnapshot snapshot() {
        return snapshot;
    }

    /** The accepted events in business-time order. */
    public CaseHistory history() {
        return CaseHistory.of(accepted);
    }
}
