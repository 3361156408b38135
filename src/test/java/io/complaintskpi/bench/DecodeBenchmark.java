package io.complaintskpi.bench;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;

/** What every record costs before the domain sees it: JSON parse, JSON Schema validation, mapping. */
@State(Scope.Thread)
public class DecodeBenchmark extends BenchmarkSettings {

    private EventCodec codec;
    private List<byte[]> values;
    private int next;

    @Setup
    public void load() {
        codec = DomainWiring.rules(ServiceConfig.defaults()).codec();
        values = SeedEvents.recordValues();
    }

    /** Walks the whole fixture, so the figure is the average over its real mix of event types. */
    @Benchmark
    public EventEnvelope decode() {
        byte[] value = values.get(next);
        next = (next + 1) % values.size();
        return codec.decode(value);
    }
}
