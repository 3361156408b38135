package io.complaintskpi.streams;

import io.complaintskpi.domain.DomainRules;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lifecycle processor with the stores it reads and writes: declaring them here connects them wherever
 * the processor is added, so the topology cannot forget or misname one.
 */
final class LifecycleProcessorSupplier implements ProcessorSupplier<String, byte[], String, LifecycleOutput> {

    private final DomainRules rules;
    private final Duration scanInterval;
    private final CatchUp catchUp;
    /** One for the instance: every task's processor reports to it and reads it. */
    private final HistoryArrivals historyArrivals = new HistoryArrivals();

    LifecycleProcessorSupplier(DomainRules rules, Duration scanInterval, CatchUp catchUp) {
        this.rules = rules;
        this.scanInterval = scanInterval;
        this.catchUp = catchUp;
    }

    @Override
    public Processor<String, byte[], String, LifecycleOutput> get() {
        return new LifecycleProcessor(rules, scanInterval, catchUp, historyArrivals);
    }

    /** In a fixed order (the topology's description lists them as added, and is kept in review). */
    @Override
    public Set<StoreBuilder<?>> stores() {
        return new LinkedHashSet<>(List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.CASE_STATE_STORE),
                        Serdes.String(), Serdes.ByteArray()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.CASE_EVENTS_STORE),
                        Serdes.Bytes(), Serdes.ByteArray()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.DEADLINE_INDEX_STORE),
                        Serdes.Bytes(), Serdes.ByteArray()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.OPEN_ALERTS_STORE),
                        Serdes.Bytes(), new AlertSerde()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.OPEN_COMPLAINTS_STORE),
                        Serdes.String(), new CaseloadEntrySerde()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.OPEN_CASELOAD_STORE),
                        Serdes.Bytes(), Serdes.ByteArray()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.KPI_CONTRIBUTORS_STORE),
                        Serdes.String(), Serdes.Long())));
    }
}
