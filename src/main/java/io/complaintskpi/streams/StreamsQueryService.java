package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.kpi.SeriesReader;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.query.DeadLetter;
import io.complaintskpi.query.QueryService;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers from this instance's own Kafka Streams stores (interactive queries), nothing else. */
public final class StreamsQueryService implements QueryService {

    private final KafkaStreams streams;
    private final DeadLetterWatcher deadLetters;
    private final SeriesReader series;

    public StreamsQueryService(KafkaStreams streams, DeadLetterWatcher deadLetters) {
        this.streams = streams;
        this.deadLetters = deadLetters;
        this.series = new StoreSeriesReader(this::kpiTotalsPartitions);
    }

    @Override
    public SeriesReader series() {
        return series;
    }

    @Override
    public List<Alert> openAlerts() {
        return all(Names.OPEN_ALERTS_STORE);
    }

    @Override
    public Optional<CaseHistory> caseHistory(String complaintId) {
        ReadOnlyKeyValueStore<String, CaseHistory> store = store(Names.CASE_HISTORY_STORE);
        return Optional.ofNullable(store.get(complaintId));
    }

    @Override
    public List<CaseHistory> allCaseHistories() {
        return all(Names.CASE_HISTORY_STORE);
    }

    @Override
    public long deadLetterCount() {
        return deadLetters.count();
    }

    @Override
    public List<DeadLetter> recentRejections() {
        return deadLetters.recent();
    }

    @Override
    public String streamsState() {
        return streams.state().name();
    }

    private <V> List<V> all(String storeName) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> it = this.<V>store(storeName).all()) {
            it.forEachRemaining(kv -> values.add(kv.value));
        }
        return values;
    }

    /** Each local partition of {@code kpi-totals} on its own, so the reader can seek within each. */
    private List<ReadOnlyKeyValueStore<String, Long>> kpiTotalsPartitions() {
        String sums = Names.KPI_CONTRIBUTIONS_REPARTITION + "-repartition";
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(tp -> tp.topic().endsWith(sums))
                .map(tp -> streams.store(StoreQueryParameters.fromNameAndType(Names.KPI_TOTALS_STORE,
                        QueryableStoreTypes.<String, Long>keyValueStore()).withPartition(tp.partition())))
                .toList();
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
