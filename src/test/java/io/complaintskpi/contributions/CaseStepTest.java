package io.complaintskpi.contributions;

import io.complaintskpi.series.KpiKey;

import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.Cases;
import io.complaintskpi.lifecycle.IllegalTransitionException;
import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.lifecycle.CaseState;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static io.complaintskpi.lifecycle.Cases.children;
import static io.complaintskpi.lifecycle.Cases.history;
import static io.complaintskpi.lifecycle.Cases.on;
import static io.complaintskpi.lifecycle.Cases.responded;
import static org.assertj.core.api.Assertions.assertThat;

class CaseStepTest {

    private final Contributions contributions = new Contributions(Cases.DUE_DATES);
    private final CaseStep step = new CaseStep(Cases.MACHINE, contributions);
    private final EventEnvelope received = on("2015-06-01", children());
    private final EventEnvelope answered = on("2015-06-10", responded(1, Outcome.NOT_UPHELD));

    @Test
    void theFirstEventOfAKeyCountsFromNothing() {
        CaseStep.Applied applied = (CaseStep.Applied) step.apply(Cases.KEY, CaseHistory.empty(), received);

        assertThat(applied.before()).isNull();
        assertThat(applied.after().complaint().current().isOpen()).isTrue();
        assertThat(applied.history().events()).containsExactly(received);
        assertThat(applied.delta()).isEqualTo(contributions.of(applied.after()));
    }

    @Test
    void aLateEventLandsWhereItHappenedAndOnlyWhatMovedIsCounted() {
        EventEnvelope escalated = on("2015-06-15", new EscalationRequested(2));
        CaseStep.Applied applied = (CaseStep.Applied) step.apply(Cases.KEY, history(received, escalated), answered);

        assertThat(applied.history().events()).containsExactly(received, answered, escalated);
        assertThat(applied.before().complaint().stages().get(0).isOpen()).isFalse();
        assertThat(applied.after().complaint().stages().get(0).responded()).isTrue();
        Map<KpiKey, Long> expected = Contributions.delta(contributions.of(applied.before()),
                contributions.of(applied.after()));
        assertThat(applied.delta()).isEqualTo(expected).isNotEmpty();
        assertThat(applied.delta()).containsEntry(new KpiKey(Cases.AUTHORITY, Metric.timeliness(
                io.complaintskpi.events.Regime.CHILDREN, 1), "within10", LocalDate.parse("2015-06-10")), 1L);
        assertThat(applied.delta().values()).doesNotContain(0L);
    }

    @Test
    void aRedeliveredEventIsADuplicate() {
        assertThat(step.apply(Cases.KEY, history(received, answered), answered)).isInstanceOf(CaseStep.Duplicate.class);
    }

    @Test
    void aBugInTheStepIsAnInternalErrorNotARejection() {
        // Contributions built without their due dates: closing a stage dereferences them, as a bug would.
        CaseStep buggy = new CaseStep(Cases.MACHINE, new Contributions(null));

        CaseStep.Outcome outcome = buggy.apply(Cases.KEY, history(received), answered);

        assertThat(outcome).isInstanceOf(CaseStep.Failed.class);
        InternalErrorException error = ((CaseStep.Failed) outcome).error();
        assertThat(error).hasCauseInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("internal error, not a fault of the event: please report it");
    }

    @Test
    void anImpossibleEventIsRejectedWithTheRuleItBreaks() {
        CaseStep.Outcome outcome = step.apply(Cases.KEY, CaseHistory.empty(), answered);

        assertThat(outcome).isInstanceOf(CaseStep.Rejected.class);
        RuntimeException reason = ((CaseStep.Rejected) outcome).reason();
        assertThat(reason).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("no complaint received under this reference");
    }

    @Test
    void theStateOfAHistory() {
        assertThat(step.state(Cases.KEY, history(received, answered)).complaint().current().responded()).isTrue();
        assertThat(step.state(Cases.KEY, CaseHistory.empty())).isNull();
    }

    @Test
    void everySeedEventGivesTheStateAndDeltaAFullReplayOfItsHistoryGives() {
        DomainRules rules = DomainWiring.rules(ServiceConfig.defaults());
        CaseStep seedStep = new CaseStep(rules.machine(), rules.contributions());
        Map<String, CaseHistory> histories = new HashMap<>();
        int inOrder = 0;
        int applied = 0;
        for (EventEnvelope event : FixtureReader.withSchemas().seedFixture()) {
            String key = event.complaintId();
            CaseHistory history = histories.getOrDefault(key, CaseHistory.empty());
            inOrder += history.appends(event) && !history.events().isEmpty() ? 1 : 0;
            CaseStep.Outcome outcome = seedStep.apply(key, history, event);
            assertThat(outcome).as("%s", event).isInstanceOf(CaseStep.Applied.class);
            CaseStep.Applied step = (CaseStep.Applied) outcome;
            CaseState replayed = rules.machine().replay(key, new CaseHistory(step.history().events()));
            assertThat(step.after()).as("%s", event).isEqualTo(replayed);
            assertThat(step.delta()).isEqualTo(Contributions.delta(
                    rules.contributions().of(rules.machine().replay(key, history)), rules.contributions().of(replayed)));
            histories.put(key, step.history());
            applied++;
        }
        // The one-step path was taken, and most seed events take it.
        assertThat(applied).isEqualTo(1019);
        assertThat(inOrder).isGreaterThan(applied / 2);
    }
}
