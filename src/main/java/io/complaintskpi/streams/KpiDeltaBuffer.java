package io.complaintskpi.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combines the KPI deltas of a task that is working through a backlog before they cross the repartition: a
 * replay sends each daily bucket's deltas of a commit interval as one record, so the repartition topic, the
 * sums' reads and their store writes carry what changed rather than every event's share of it. A task that
 * keeps pace with its input ({@link CatchUp}) forwards each delta at once, so live figures wait for no drain.
 *
 * <p>The buffer is a logged, cached store ({@code kpi-delta-buffer}): a delta is in it, or forwarded, in the
 * same exactly-once transaction as the event that caused it, and a crash restores what was buffered at the
 * last commit. A wall-clock punctuation drains it every {@link #DRAIN_INTERVAL}, the exactly-once commit
 * interval: wall clock, not stream time, because stream time stops with the input, and a buffer drained only
 * when the next event arrives would hold the last events' figures back indefinitely.
 */
final class KpiDeltaBuffer implements Processor<String, Long, String, Long> {

    /** Kafka Streams' commit interval under exactly-once: a drained delta waits for at most one more commit. */
    static final Duration DRAIN_INTERVAL = Duration.ofMillis(100);

    /** The processor with its store: logged (exactly-once covers it) and cached (a bucket's writes merge per commit). */
    static ProcessorSupplier<String, Long, String, Long> supplier(CatchUp catchUp) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Long, String, Long> get() {
                return new KpiDeltaBuffer(catchUp);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(Names.KPI_DELTA_BUFFER_STORE),
                        Serdes.String(), Serdes.Long()).withCachingEnabled().withLoggingEnabled(Map.of()));
            }
        };
    }

    private final CatchUp catchUp;
    private ProcessorContext<String, Long> context;
    private KeyValueStore<String, Long> buffer;

    private KpiDeltaBuffer(CatchUp catchUp) {
        this.catchUp = catchUp;
    }

    @Override
    public void init(ProcessorContext<String, Long> context) {
        this.context = context;
        this.buffer = context.getStateStore(Names.KPI_DELTA_BUFFER_STORE);
        context.schedule(DRAIN_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::drain);
    }

    @Override
    public void process(Record<String, Long> record) {
        if (catchUp.caughtUp(context.taskId().partition())) {
            context.forward(record);
            return;
        }
        Long sum = buffer.get(record.key());
        buffer.put(record.key(), sum == null ? record.value() : sum + record.value());
    }

    /** Forwards each bucket's combined delta (none where they cancelled out) and empties the buffer. */
    private void drain(long wallClockMs) {
        List<KeyValue<String, Long>> buffered = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = buffer.all()) {
            it.forEachRemaining(buffered::add);
        }
        for (KeyValue<String, Long> entry : buffered) {
            buffer.delete(entry.key);
            if (entry.value != 0) {
                context.forward(new Record<>(entry.key, entry.value, wallClockMs));
            }
        }
    }
}
