package io.complaintskpi.domain;

import io.complaintskpi.alerts.ComplaintViews;
import io.complaintskpi.alerts.DeadlineWatch;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.contributions.Contributions;
import io.complaintskpi.lifecycle.DueDates;
import io.complaintskpi.lifecycle.LifecycleMachine;

/**
 * The pure domain pieces the service runs: the contract codec, the state machine, due dates, the KPI
 * contributions and the deadline watch. Built once, from configuration, by {@code app.DomainWiring}.
 */
public record DomainRules(EventCodec codec, LifecycleMachine machine, DueDates dueDates,
                          Contributions contributions, DeadlineWatch deadlineWatch) {

    /** The views of one complaint the query seam answers with, by the same machine and due dates. */
    public ComplaintViews complaintViews() {
        return new ComplaintViews(machine, dueDates);
    }
}
