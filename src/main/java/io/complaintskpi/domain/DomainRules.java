package io.complaintskpi.domain;

import io.complaintskpi.alerts.DeadlineWatch;
import io.complaintskpi.config.RuleSettings;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.SchemaValidator;
import io.complaintskpi.kpi.Contributions;
import io.complaintskpi.lifecycle.DueDates;
import io.complaintskpi.lifecycle.LifecycleMachine;
import io.complaintskpi.rules.Timescales;

/** The pure domain pieces the topology runs, built once from configuration. */
public record DomainRules(EventCodec codec, LifecycleMachine machine, DueDates dueDates,
                          Contributions contributions, DeadlineWatch deadlineWatch) {

    public static DomainRules from(ServiceConfig config) {
        RuleSettings rules = config.rules();
        Timescales timescales = Timescales.withAdultsResponseMonths(rules.adultsResponseMonths());
        DueDates dueDates = new DueDates(rules.calendar(), timescales, rules.stage2ClockStart());
        return new DomainRules(
                new EventCodec(config.defaultAuthority(), new SchemaValidator()),
                new LifecycleMachine(timescales),
                dueDates,
                new Contributions(dueDates),
                new DeadlineWatch(dueDates, rules.atRiskWorkingDays()));
    }
}
