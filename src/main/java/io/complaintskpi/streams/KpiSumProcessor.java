package io.complaintskpi.streams;

import io.complaintskpi.kpi.KpiKey;
import io.complaintskpi.kpi.RollupGrain;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.Set;

/**
 * Adds each KPI delta (keyed by its daily bucket) to the daily sum in {@code kpi-totals}, to the month and
 * financial-year roll-ups of the same series in {@code kpi-rollups}, and notes its authority in
 * {@code kpi-authorities}, all in the task that owns the series: roll-ups and days stay equal by
 * construction, and exactly-once commits them together.
 */
final class KpiSumProcessor implements Processor<String, Long, Void, Void> {

    /** The processor with the three stores it writes (cached: repeated writes to a bucket merge per commit). */
    static ProcessorSupplier<String, Long, Void, Void> supplier() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Long, Void, Void> get() {
                return new KpiSumProcessor();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store(Names.KPI_TOTALS_STORE), store(Names.KPI_ROLLUPS_STORE),
                        store(Names.KPI_AUTHORITIES_STORE));
            }
        };
    }

    private static StoreBuilder<KeyValueStore<String, Long>> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long())
                .withCachingEnabled();
    }

    private KeyValueStore<String, Long> totals;
    private KeyValueStore<String, Long> rollups;
    private KeyValueStore<String, Long> authorities;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        totals = context.getStateStore(Names.KPI_TOTALS_STORE);
        rollups = context.getStateStore(Names.KPI_ROLLUPS_STORE);
        authorities = context.getStateStore(Names.KPI_AUTHORITIES_STORE);
    }

    @Override
    public void process(Record<String, Long> record) {
        KpiKey day = KpiKey.decode(record.key());
        long delta = record.value();
        add(totals, record.key(), delta);
        for (RollupGrain grain : new RollupGrain[] {RollupGrain.MONTH, RollupGrain.FINANCIAL_YEAR}) {
            add(rollups, KpiKey.rollup(day.authority(), day.metric(), grain, grain.start(day.date()), day.dimension()),
                    delta);
        }
        if (authorities.get(day.authority()) == null) {
            authorities.put(day.authority(), 1L);
        }
    }

    private static void add(KeyValueStore<String, Long> store, String key, long delta) {
        Long sum = store.get(key);
        store.put(key, sum == null ? delta : sum + delta);
    }
}
