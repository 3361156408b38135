package io.complaintskpi.bench;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.contributions.CaseStep;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.contributions.InMemoryCase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle step alone ({@link CaseStep}, as the topology and the offline replay run it: duplicate check,
 * one machine step from the case's snapshot, or a replay of its history for an event placed earlier, the KPI
 * difference) over every event of the seed fixture in the order it is sent, from empty cases kept in memory, beside a bare decode of the
 * same events in the same run: {@code caseStep} minus nothing is the step's own cost per event, and its ratio
 * to {@code decode} the overhead the case step adds to reading an event at all. No store, no Kafka.
 */
@State(Scope.Thread)
public class CaseStepBenchmark extends BenchmarkSettings {

    private EventCodec codec;
    private CaseStep step;
    private List<byte[]> values;
    private List<EventEnvelope> events;
    private Map<String, InMemoryCase> cases;
    private int applied;

    @Setup(Level.Trial)
    public void load() {
        DomainRules rules = DomainWiring.rules(ServiceConfig.defaults());
        codec = rules.codec();
        step = new CaseStep(rules.machine(), rules.contributions());
        values = SeedEvents.recordValues();
        events = values.stream().map(codec::decode).toList();
        if (values.size() != TopologyBenchmark.FIXTURE_EVENTS) {
            throw new IllegalStateException("seed fixture has " + values.size() + " events, not "
                    + TopologyBenchmark.FIXTURE_EVENTS);
        }
    }

    @Setup(Level.Invocation)
    public void emptyHistories() {
        cases = new HashMap<>();
        applied = 0;
    }

    /** Every event of the fixture decoded from its record value: the baseline any event pays. */
    @Benchmark
    @OperationsPerInvocation(TopologyBenchmark.FIXTURE_EVENTS)
    public void decode(Blackhole bh) {
        for (byte[] value : values) {
            bh.consume(codec.decode(value));
        }
    }

    /** The case step on every (already decoded) event of the fixture, each case kept as the stores keep it. */
    @Benchmark
    @OperationsPerInvocation(TopologyBenchmark.FIXTURE_EVENTS)
    public void caseStep(Blackhole bh) {
        for (EventEnvelope event : events) {
            CaseStep.Outcome outcome = cases.computeIfAbsent(event.complaintId(), InMemoryCase::new).apply(step, event);
            if (outcome instanceof CaseStep.Applied) {
                applied++;
            }
            bh.consume(outcome);
        }
    }

    /** A pass that rejected events measured the refusal path, not the step (the decode pass applies none). */
    @TearDown(Level.Invocation)
    public void check() {
        if (applied != 0 && applied != events.size()) {
            throw new IllegalStateException("the case step applied " + applied + " of " + events.size()
                    + " seed events");
        }
    }
}
