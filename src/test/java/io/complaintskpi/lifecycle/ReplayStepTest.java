package io.complaintskpi.lifecycle;

import io.complaintskpi.demo.FixtureReader;
import io.complaintskpi.events.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A walk through a stored history one {@link LifecycleMachine#replayStep} at a time sees, after each event,
 * the state a replay of the history up to that event gives: what lets a complaint's story work out its past
 * alerts in one pass. Checked on every case of the seed fixture, after each of its 1,019 events.
 */
class ReplayStepTest {

    @Test
    void eachStepIsTheReplayOfTheHistoryUpToIt() {
        Map<String, List<EventEnvelope>> byCase = FixtureReader.withSchemas().seedFixture().stream()
                .collect(Collectors.groupingBy(EventEnvelope::complaintId));
        int checked = 0;
        for (Map.Entry<String, List<EventEnvelope>> entry : byCase.entrySet()) {
            CaseHistory history = CaseHistory.empty();
            for (EventEnvelope event : entry.getValue()) {
                history = history.with(event);
            }
            List<EventEnvelope> stored = new CaseHistory(history.events()).events();
            CaseState state = null;
            for (int i = 0; i < stored.size(); i++) {
                state = Cases.MACHINE.replayStep(entry.getKey(), state, stored.get(i));
                assertThat(state).isEqualTo(Cases.MACHINE.replay(entry.getKey(),
                        new CaseHistory(stored.subList(0, i + 1))));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(1_019);
    }
}
