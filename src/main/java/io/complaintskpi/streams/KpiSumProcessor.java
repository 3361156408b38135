package io.complaintskpi.streams;

import io.complaintskpi.series.KpiKey;
import io.complaintskpi.series.RollupGrain;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds each KPI delta of a record (one event's, of one authority) to its day, to the month and financial-year roll-ups
 * of the same series and to its authority's year sheet, and notes its authority in the index, all in
 * {@code kpi-totals} (one store, one changelog: {@link KpiKey} keeps the key families apart) in the task
 * that owns the authority: roll-ups, sheets and days stay equal by construction, and exactly-once commits
 * them together.
 */
final class KpiSumProcessor implements Processor<String, Map<KpiKey, Long>, Void, Void> {

    /** The processor with the store it writes (cached: repeated writes to a bucket merge per commit). */
    static ProcessorSupplier<String, Map<KpiKey, Long>, Void, Void> supplier() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Map<KpiKey, Long>, Void, Void> get() {
                return new KpiSumProcessor();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.KPI_TOTALS_STORE),
                        Serdes.String(), Serdes.Long()).withCachingEnabled());
            }
        };
    }

    private static final List<RollupGrain> ROLLUPS = List.of(RollupGrain.MONTH, RollupGrain.FINANCIAL_YEAR);

    private KeyValueStore<String, Long> sums;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        sums = context.getStateStore(Names.KPI_TOTALS_STORE);
    }

    @Override
    public void process(Record<String, Map<KpiKey, Long>> record) {
        String authority = null;
        for (Map.Entry<KpiKey, Long> bucket : record.value().entrySet()) {
            KpiKey day = bucket.getKey();
            long delta = bucket.getValue();
            add(day.encode(), delta);
            for (RollupGrain grain : ROLLUPS) {
                add(KpiKey.rollup(day.authority(), day.metric(), grain, grain.start(day.date()), day.dimension()),
                        delta);
            }
            add(KpiKey.yearSheet(day.authority(), RollupGrain.FINANCIAL_YEAR.start(day.date()), day.metric(),
                    day.dimension()), delta);
            authority = day.authority();
        }
        if (authority != null && sums.get(KpiKey.authorityIndex(authority)) == null) {
            sums.put(KpiKey.authorityIndex(authority), 1L);
        }
    }

    private void add(String key, long delta) {
        Long sum = sums.get(key);
        sums.put(key, sum == null ? delta : sum + delta);
    }
}
