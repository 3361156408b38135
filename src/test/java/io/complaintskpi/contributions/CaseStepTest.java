package io.complaintskpi.contributions;

import io.complaintskpi.series.KpiKey;

import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.events.InvalidEventException;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseSnapshot;
import io.complaintskpi.lifecycle.Cases;
import io.complaintskpi.lifecycle.IllegalTransitionException;
import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.lifecycle.CaseState;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static io.complaintskpi.lifecycle.Cases.children;
import static io.complaintskpi.lifecycle.Cases.history;
import static io.complaintskpi.lifecycle.Cases.on;
import static io.complaintskpi.lifecycle.Cases.responded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class CaseStepTest {

    private final Contributions contributions = new Contributions(Cases.DUE_DATES);
    private final CaseStep step = new CaseStep(Cases.MACHINE, contributions);
    private final EventEnvelope received = on("2015-06-01", children());
    private final EventEnvelope answered = on("2015-06-10", responded(1, Outcome.NOT_UPHELD));
    /** The history of a key whose every event comes after what is stored: never asked for. */
    private static final Supplier<CaseHistory> NOT_READ = () -> fail("the history was read");

    @Test
    void theFirstEventOfAKeyCountsFromNothing() {
        CaseStep.Applied applied = (CaseStep.Applied) step.apply(Cases.KEY, CaseSnapshot.EMPTY, received, NOT_READ);

        assertThat(applied.before()).isNull();
        assertThat(applied.after().complaint().current().isOpen()).isTrue();
        assertThat(applied.snapshot()).isEqualTo(snapshot(received));
        assertThat(applied.delta()).isEqualTo(contributions.of(applied.after()));
    }

    @Test
    void anEventAfterEverythingStoredTakesOneStepFromTheSnapshotWithoutTheHistory() {
        CaseStep.Applied applied = (CaseStep.Applied) step.apply(Cases.KEY, snapshot(received), answered, NOT_READ);

        assertThat(applied.after()).isEqualTo(Cases.replay(received, answered));
        assertThat(applied.snapshot()).isEqualTo(snapshot(received, answered));
    }

    @Test
    void aLateEventLandsWhereItHappenedAndOnlyWhatMovedIsCounted() {
        EventEnvelope escalated = on("2015-06-15", new EscalationRequested(2));
        AtomicInteger reads = new AtomicInteger();
        CaseStep.Applied applied = (CaseStep.Applied) step.apply(Cases.KEY, snapshot(received, escalated), answered,
                () -> {
                    reads.incrementAndGet();
                    return history(received, escalated);
                });

        assertThat(reads).as("the history is read to place a late event").hasValue(1);
        assertThat(applied.snapshot()).isEqualTo(snapshot(received, answered, escalated));
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
        assertThat(step.apply(Cases.KEY, snapshot(received, answered), answered, NOT_READ))
                .isInstanceOf(CaseStep.Duplicate.class);
    }

    @Test
    void aBugInTheStepIsAnInternalErrorNotARejection() {
        // Contributions built without their due dates: closing a stage dereferences them, as a bug would.
        CaseStep buggy = new CaseStep(Cases.MACHINE, new Contributions(null));

        CaseStep.Outcome outcome = buggy.apply(Cases.KEY, snapshot(received), answered, NOT_READ);

        assertThat(outcome).isInstanceOf(CaseStep.Failed.class);
        InternalErrorException error = ((CaseStep.Failed) outcome).error();
        assertThat(error).hasCauseInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("internal error, not a fault of the event: please report it");
    }

    @Test
    void anImpossibleEventIsRejectedWithTheRuleItBreaks() {
        CaseStep.Outcome outcome = step.apply(Cases.KEY, CaseSnapshot.EMPTY, answered, NOT_READ);

        assertThat(outcome).isInstanceOf(CaseStep.Rejected.class);
        RuntimeException reason = ((CaseStep.Rejected) outcome).reason();
        assertThat(reason).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("no complaint received under this reference");
    }

    @Test
    void theSnapshotOfAHistoryIsItsReplayItsEventIdsAndItsLatestEvent() {
        CaseSnapshot snapshot = CaseSnapshot.of(Cases.KEY, history(answered, received), Cases.MACHINE);

        assertThat(snapshot.state().complaint().current().responded()).isTrue();
        assertThat(snapshot.eventIds()).containsExactlyInAnyOrder(received.eventId(), answered.eventId());
        assertThat(snapshot.last()).isEqualTo(CaseHistory.Place.of(answered));
        assertThat(CaseSnapshot.of(Cases.KEY, CaseHistory.empty(), Cases.MACHINE)).isEqualTo(CaseSnapshot.EMPTY);
    }

    @Test
    void everySeedEventGivesTheOutcomeAFullReplayOfItsHistoryGives() {
        DomainRules rules = DomainWiring.rules(ServiceConfig.defaults());
        List<EventEnvelope> seed = FixtureReader.withSchemas().seedFixture();

        Folded folded = foldBesideFullReplay(rules, seed);

        // Every seed event is accepted, and most take the one-step path from the snapshot.
        assertThat(folded.applied()).isEqualTo(1019);
        assertThat(folded.historyReads()).isLessThan(folded.applied() / 2);
    }

    /**
     * The seed's events of each case in a shuffled order, every fifth one sent again later: late events placed
     * earlier, events refused at their place in the arrival (a response before its receipt), duplicates. Each
     * outcome equals what a full replay of the stored history gives, and a refused event changes nothing.
     */
    @Test
    void seedEventsOutOfOrderDuplicatedAndRefusedGiveTheOutcomesAFullReplayGives() {
        DomainRules rules = DomainWiring.rules(ServiceConfig.defaults());
        List<EventEnvelope> seed = FixtureReader.withSchemas().seedFixture();
        for (long shuffle = 1; shuffle <= 3; shuffle++) {
            Folded folded = foldBesideFullReplay(rules, arrival(seed, new Random(shuffle)));

            assertThat(folded.duplicates()).as("resent events already accepted").isPositive();
            assertThat(folded.rejected()).as("some events arrive before what they need").isPositive();
            assertThat(folded.historyReads()).as("late events read the history").isPositive();
        }
    }

    private record Folded(int applied, int duplicates, int rejected, int historyReads) {
    }

    /**
     * The events through the step, each key kept as the topology keeps it ({@link InMemoryCase}), beside today's
     * reference: the whole stored history replayed before and after the event.
     */
    private static Folded foldBesideFullReplay(DomainRules rules, List<EventEnvelope> arrivals) {
        CaseStep seedStep = new CaseStep(rules.machine(), rules.contributions());
        Map<String, InMemoryCase> cases = new HashMap<>();
        int applied = 0;
        int duplicates = 0;
        int rejected = 0;
        AtomicInteger reads = new AtomicInteger();
        for (EventEnvelope event : arrivals) {
            String key = event.complaintId();
            InMemoryCase stored = cases.computeIfAbsent(key, InMemoryCase::new);
            CaseHistory history = stored.history();
            CaseSnapshot before = stored.snapshot();
            assertThat(before).isEqualTo(CaseSnapshot.of(key, history, rules.machine()));
            CaseStep.Outcome expected = fullReplay(rules, key, history, event);
            CaseStep.Outcome outcome = seedStep.apply(key, before, event, () -> {
                reads.incrementAndGet();
                return history;
            });
            assertThat(outcome.getClass()).as("%s", event).isEqualTo(expected.getClass());
            if (outcome instanceof CaseStep.Applied step) {
                CaseStep.Applied replayed = (CaseStep.Applied) expected;
                assertThat(step.before()).as("%s", event).isEqualTo(replayed.before());
                assertThat(step.after()).as("%s", event).isEqualTo(replayed.after());
                assertThat(step.delta()).as("%s", event).isEqualTo(replayed.delta());
                assertThat(step.counted()).as("%s", event).isEqualTo(replayed.counted());
                assertThat(step.snapshot()).isEqualTo(CaseSnapshot.of(key, history.with(event), rules.machine()));
                applied++;
            } else if (outcome instanceof CaseStep.Rejected refused) {
                assertThat(refused.reason()).hasMessage(((CaseStep.Rejected) expected).reason().getMessage());
                rejected++;
            } else {
                duplicates++;
            }
            stored.apply(seedStep, event);
            if (!(outcome instanceof CaseStep.Applied)) {
                assertThat(stored.snapshot()).as("a refused or repeated event changes nothing").isEqualTo(before);
                assertThat(stored.history()).isEqualTo(history);
            }
        }
        return new Folded(applied, duplicates, rejected, reads.get());
    }

    /** The step as it was before snapshots: the whole history replayed before and after the event. */
    private static CaseStep.Outcome fullReplay(DomainRules rules, String key, CaseHistory history,
                                               EventEnvelope event) {
        if (history.events().stream().anyMatch(e -> e.eventId().equals(event.eventId()))) {
            return new CaseStep.Duplicate();
        }
        try {
            CaseState before = rules.machine().replay(key, history);
            CaseState after = rules.machine().replay(key, history.with(event));
            Map<KpiKey, Long> counted = rules.contributions().of(after);
            return new CaseStep.Applied(null, before, after,
                    Contributions.delta(rules.contributions().of(before), counted), counted);
        } catch (InvalidEventException | IllegalTransitionException e) {
            return new CaseStep.Rejected(e);
        }
    }

    /** Each case's events shuffled in place (cases keep their slots in the stream), every fifth sent again at the end. */
    private static List<EventEnvelope> arrival(List<EventEnvelope> seed, Random random) {
        Map<String, List<EventEnvelope>> byCase = new LinkedHashMap<>();
        seed.forEach(e -> byCase.computeIfAbsent(e.complaintId(), k -> new ArrayList<>()).add(e));
        byCase.values().forEach(events -> Collections.shuffle(events, random));
        Map<String, Integer> taken = new HashMap<>();
        List<EventEnvelope> arrival = new ArrayList<>();
        for (EventEnvelope e : seed) {
            arrival.add(byCase.get(e.complaintId()).get(taken.merge(e.complaintId(), 1, Integer::sum) - 1));
        }
        for (int i = 0; i < seed.size(); i += 5) {
            arrival.add(seed.get(i));
        }
        return arrival;
    }

    private static CaseSnapshot snapshot(EventEnvelope... events) {
        return CaseSnapshot.of(Cases.KEY, CaseHistory.of(List.of(events)), Cases.MACHINE);
    }
}
