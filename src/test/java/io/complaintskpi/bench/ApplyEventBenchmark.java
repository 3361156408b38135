package io.complaintskpi.bench;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.contributions.CaseStep;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;

/**
 * The pure domain work the lifecycle processor does for one event on a case that already has
 * {@code historyLength} events: {@link CaseStep#apply} from the case's snapshot, as the processor runs it between
 * decode and the stores. The event applied is one more cost, later than every stored event and legal on any case,
 * so it takes one machine step from the snapshot and never asks for the history: the cost should not grow with the
 * case. Store reads and writes are in {@link HistoryStoreBenchmark}.
 */
@State(Scope.Thread)
public class ApplyEventBenchmark extends BenchmarkSettings {

    @Param({"1", "8", "32"})
    public int historyLength;

    private CaseStep step;
    private String key;
    private CaseSnapshot snapshot;
    private CaseHistory history;
    private EventEnvelope event;

    @Setup
    public void buildCase() {
        DomainRules rules = DomainWiring.rules(ServiceConfig.defaults());
        step = new CaseStep(rules.machine(), rules.contributions());
        history = SeedEvents.historyOf(historyLength);
        List<EventEnvelope> events = history.events();
        EventEnvelope last = events.get(events.size() - 1);
        key = last.complaintId();
        snapshot = CaseSnapshot.of(key, history, rules.machine());
        event = SeedEvents.costAfter(last);
        // A case the machine would reject would measure the refusal path instead.
        if (!(step.apply(key, snapshot, event, () -> history) instanceof CaseStep.Applied)) {
            throw new IllegalStateException("the step does not apply the event");
        }
    }

    @Benchmark
    public CaseStep.Outcome applyEvent() {
        return step.apply(key, snapshot, event, () -> history);
    }
}
