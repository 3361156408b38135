package io.complaintskpi.streams;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

import java.util.List;
import java.util.Optional;

/**
 * A key-value store partition resolved once: the store itself, not Kafka Streams' usual view, which looks the
 * store up among the thread's tasks again at every {@code get} and {@code range}. A query takes it when it
 * starts and reads it throughout; a rebalance that moves the partition meanwhile fails the query's reads with
 * Kafka Streams' own {@code InvalidStateStoreException}, as the usual view does.
 */
final class ResolvedKeyValueStore<V> implements QueryableStoreType<Optional<ReadOnlyKeyValueStore<String, V>>> {

    private final QueryableStoreType<ReadOnlyKeyValueStore<String, V>> keyValue = QueryableStoreTypes.keyValueStore();

    @Override
    public boolean accepts(StateStore stateStore) {
        return keyValue.accepts(stateStore);
    }

    /**
     * The provider lists the partition's stores for this type as they are (the service's key-value stores are
     * plain, not timestamped, so no facade is wanted), at most one when a partition is asked for.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Optional<ReadOnlyKeyValueStore<String, V>> create(StateStoreProvider provider, String storeName) {
        List<?> found = provider.stores(storeName, this);
        return found.stream().findFirst().map(store -> (ReadOnlyKeyValueStore<String, V>) store);
    }
}
