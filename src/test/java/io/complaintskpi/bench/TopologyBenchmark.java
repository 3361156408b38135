package io.complaintskpi.bench;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.events.EventCodec;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.streams.Names;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;

/**
 * The whole seed fixture through the real topology: decode, dedupe, lifecycle, deadline index, KPI
 * deltas, repartition and sums, with RocksDB state and a commit after every record. Each invocation
 * starts from empty state (replaying into full state would only measure the duplicate check), and the
 * score is per event. Kafka's and RocksDB's code paths take longer to compile than the domain's, hence
 * the longer warm-up.
 */
@State(Scope.Thread)
@Warmup(iterations = 8, time = 2)
public class TopologyBenchmark extends BenchmarkSettings {

    /** Events in the seed fixture; checked at setup because the annotation needs a constant. */
    static final int FIXTURE_EVENTS = 1019;

    private List<TestRecord<String, byte[]>> records;
    private TestDriverTopology topology;
    private TestInputTopic<String, byte[]> events;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @Setup(Level.Trial)
    public void load() {
        EventCodec codec = DomainWiring.rules(ServiceConfig.defaults()).codec();
        // Keyed and timestamped as the demo publisher sends them.
        records = SeedEvents.recordValues().stream().map(value -> {
            EventEnvelope event = codec.decode(value);
            return new TestRecord<>(event.complaintId(), value, event.occurredAt().toInstant());
        }).toList();
        if (records.size() != FIXTURE_EVENTS) {
            throw new IllegalStateException("seed fixture has " + records.size() + " events, not " + FIXTURE_EVENTS);
        }
    }

    @Setup(Level.Invocation)
    public void emptyState() {
        topology = new TestDriverTopology();
        events = topology.driver.createInputTopic(Names.EVENTS_TOPIC, new StringSerializer(),
                new ByteArraySerializer());
        deadLetters = topology.driver.createOutputTopic(Names.DLQ_TOPIC, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @Benchmark
    @OperationsPerInvocation(FIXTURE_EVENTS)
    public void topologyPerEvent() {
        events.pipeRecordList(records);
    }

    /** A run that rejected events or counted nothing would have measured the wrong thing. */
    @TearDown(Level.Invocation)
    public void checkAndClose() {
        try {
            if (!deadLetters.isEmpty()) {
                throw new IllegalStateException("seed events were dead-lettered: "
                        + deadLetters.getQueueSize());
            }
            KeyValueStore<String, Long> totals = topology.driver.getKeyValueStore(Names.KPI_TOTALS_STORE);
            try (KeyValueIterator<String, Long> all = totals.all()) {
                if (!all.hasNext()) {
                    throw new IllegalStateException("no KPI totals after the seed fixture");
                }
            }
        } finally {
            topology.close();
        }
    }
}
