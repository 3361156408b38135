package io.complaintskpi.bench;

import io.complaintskpi.app.DomainWiring;
import io.complaintskpi.config.ServiceConfig;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseHistoryCodec;
import io.complaintskpi.lifecycle.CaseSnapshot;
import io.complaintskpi.lifecycle.CaseSnapshotCodec;
import io.complaintskpi.streams.Names;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;

/**
 * The lifecycle processor's store work per in-order event on a case that already has {@code historyLength}
 * events: the case's snapshot read from the real {@code case-state} store and decoded, then the next event
 * written to {@code case-events} and the snapshot written back (RocksDB, changelog). No history is read: what
 * grew with the case when the whole history was read and rewritten at every event. The stores are fresh each
 * iteration because the test driver keeps every changelog record it is sent; the warm-up is longer for the same
 * reason as the topology's.
 */
@State(Scope.Thread)
@Warmup(iterations = 5, time = 2)
public class HistoryStoreBenchmark extends BenchmarkSettings {

    @Param({"1", "8", "32"})
    public int historyLength;

    private TestDriverTopology topology;
    private KeyValueStore<String, byte[]> states;
    private KeyValueStore<Bytes, byte[]> events;
    private CaseSnapshotCodec snapshots;
    private CaseHistoryCodec eventCodec;
    private EventEnvelope next;
    private Bytes nextKey;
    private String key;

    @Setup(Level.Iteration)
    public void storeCase() {
        DomainRules rules = DomainWiring.rules(ServiceConfig.defaults());
        snapshots = new CaseSnapshotCodec(rules.codec());
        eventCodec = new CaseHistoryCodec(rules.codec());
        CaseHistory history = SeedEvents.historyOf(historyLength);
        key = history.events().get(0).complaintId();
        next = SeedEvents.costAfter(history.events().get(historyLength - 1));
        // A key as long as the topology's (its layout class belongs to the streams package).
        nextKey = Bytes.wrap((key + "/" + next.eventId()).getBytes(StandardCharsets.UTF_8));
        topology = new TestDriverTopology();
        states = topology.driver.getKeyValueStore(Names.CASE_STATE_STORE);
        events = topology.driver.getKeyValueStore(Names.CASE_EVENTS_STORE);
        states.put(key, snapshots.encode(CaseSnapshot.of(key, history, rules.machine())));
        if (snapshots.decode(key, states.get(key)).eventIds().size() != historyLength) {
            throw new IllegalStateException("the store did not keep the case");
        }
    }

    @Benchmark
    public CaseSnapshot snapshotReadAndWrite() {
        CaseSnapshot snapshot = snapshots.decode(key, states.get(key));
        events.put(nextKey, eventCodec.encodeEvent(next));
        states.put(key, snapshots.encode(snapshot));
        return snapshot;
    }

    @TearDown(Level.Iteration)
    public void close() {
        topology.close();
    }
}
