package io.complaintskpi.bench;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.contributions.Contributions;
import io.complaintskpi.series.KpiKey;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.Map;

/**
 * The pure domain work the lifecycle processor does for one event on a case that already has
 * {@code historyLength} events: both states are replayed from the start and both contribution maps
 * rebuilt, so this shows what the replay-whole-history design costs as a case grows. The event applied
 * is one more cost, which is legal on any case. Store reads and writes are in {@link HistoryStoreBenchmark}.
 */
@State(Scope.Thread)
public class ApplyEventBenchmark extends BenchmarkSettings {

    @Param({"1", "8", "32"})
    public int historyLength;

    private DomainRules rules;
    private String key;
    private CaseHistory history;
    private EventEnvelope event;

    @Setup
    public void buildCase() {
        rules = DomainWiring.rules(ServiceConfig.defaults());
        history = SeedEvents.historyOf(historyLength);
        List<EventEnvelope> events = history.events();
        EventEnvelope last = events.get(events.size() - 1);
        key = last.complaintId();
        event = SeedEvents.costAfter(last);
        // A case the machine would reject would measure the exception path instead.
        rules.machine().replay(key, history.with(event));
    }

    /** The same steps, in the same order, as LifecycleProcessor.process between decode and the stores. */
    @Benchmark
    public Map<KpiKey, Long> applyEvent(Blackhole bh) {
        bh.consume(history.contains(event.eventId()));
        CaseHistory next = history.with(event);
        CaseState after = rules.machine().replay(key, next);
        CaseState before = rules.machine().replay(key, history);
        return Contributions.delta(rules.contributions().of(before), rules.contributions().of(after));
    }
}
