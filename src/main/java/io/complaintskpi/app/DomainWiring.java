package io.complaintskpi.app;

import io.complaintskpi.alerts.DeadlineWatch;
import io.complaintskpi.alerts.LoadSettling;
import io.complaintskpi.config.RuleSettings;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.SchemaValidator;
import io.complaintskpi.contributions.Contributions;
import io.complaintskpi.lifecycle.DueDates;
import io.complaintskpi.lifecycle.LifecycleMachine;
import io.complaintskpi.rules.Timescales;

/** Where settings become rules: the one place the domain pieces are built from configuration ({@link RuleSettings}). */
public final class DomainWiring {

    private DomainWiring() {
    }

    public static DomainRules rules(ServiceConfig config) {
        RuleSettings rules = config.rules();
        Timescales timescales = rules.timescales();
        DueDates dueDates = new DueDates(rules.calendar(), timescales, rules.stage2ClockStart());
        return new DomainRules(
                new EventCodec(config.defaultAuthority(), new SchemaValidator()),
                new LifecycleMachine(timescales),
                dueDates,
                new Contributions(dueDates),
                new DeadlineWatch(dueDates, rules.atRiskWorkingDays()),
                new LoadSettling(rules.alertSettleTime()));
    }
}
