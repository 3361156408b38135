package io.complaintskpi.alerts;

import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.DueDates;
import io.complaintskpi.lifecycle.LifecycleMachine;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the service shows of one complaint, worked out from its accepted history by the same state machine
 * and rules as the topology: today its deadlines ({@link ComplaintDeadlines}). The query seam answers with
 * these views, so the web layer only serialises them; another view of one complaint belongs beside them.
 */
public final class ComplaintViews {

    private final LifecycleMachine machine;
    private final DueDates dueDates;

    public ComplaintViews(LifecycleMachine machine, DueDates dueDates) {
        this.machine = machine;
        this.dueDates = dueDates;
    }

    /** The complaint's state, if the key holds a complaint (not a compliment, cost or other reference). */
    public Optional<CaseState> complaint(String key, CaseHistory history) {
        return Optional.ofNullable(machine.replay(key, history)).filter(state -> state.complaint() != null);
    }

    /** The complaint's stages with their statutory clocks on {@code today}, if the key holds a complaint. */
    public Optional<ComplaintDeadlines> deadlines(String key, CaseHistory history, LocalDate today) {
        return complaint(key, history).map(state -> ComplaintDeadlines.of(state, dueDates, today));
    }
}
