package io.complaintskpi.bench;

import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.streams.Names;
import org.apache.kafka.streams.state.KeyValueStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The other per-event cost that grows with a case: the lifecycle processor reads the case history from
 * the real store and writes it back, through its serde (every stored event re-validated against the
 * schema on read), RocksDB and the changelog. The store is fresh each iteration because the test driver
 * keeps every changelog record it is sent; the warm-up is longer for the same reason as the topology's.
 */
@State(Scope.Thread)
@Warmup(iterations = 5, time = 2)
public class HistoryStoreBenchmark extends BenchmarkSettings {

    @Param({"1", "8", "32"})
    public int historyLength;

    private TestDriverTopology topology;
    private KeyValueStore<String, CaseHistory> histories;
    private String key;

    @Setup(Level.Iteration)
    public void storeCase() {
        CaseHistory history = SeedEvents.historyOf(historyLength);
        key = history.events().get(0).complaintId();
        topology = new TestDriverTopology();
        histories = topology.driver.getKeyValueStore(Names.CASE_HISTORY_STORE);
        histories.put(key, history);
        if (histories.get(key).events().size() != historyLength) {
            throw new IllegalStateException("the store did not keep the case");
        }
    }

    @Benchmark
    public CaseHistory historyReadAndWrite() {
        CaseHistory history = histories.get(key);
        histories.put(key, history);
        return history;
    }

    @TearDown(Level.Iteration)
    public void close() {
        topology.close();
    }
}
