package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.domain.DomainRules;
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
import java.util.function.Predicate;

/** Answers from this instance's own Kafka Streams stores (interactive queries), nothing else. */
public final class StreamsQueryService implements QueryService {

    private final KafkaStreams streams;
    private final DeadLetterWatcher deadLetters;
    private final SeriesReader series;
    private final StoreCaseload caseload;

    public StreamsQueryService(KafkaStreams streams, DeadLetterWatcher deadLetters, DomainRules rules) {
        this.streams = streams;
        this.deadLetters = deadLetters;
        this.series = new StoreSeriesReader(this::kpiTotalsPartitions);
        this.caseload = new StoreCaseload(() -> store(Names.OPEN_COMPLAINTS_STORE),
                () -> localPartitions(Names.CASE_HISTORY_STORE, Names.EVENTS_TOPIC::equals), rules);
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
    public Caseload.Page caseload(Caseload.Query query) {
        return caseload.read(query);
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
        return localPartitions(Names.KPI_TOTALS_STORE, topic -> topic.endsWith(sums));
    }

    /** Each local partition of a store on its own (its tasks read {@code source}), so a reader keeps each in key order. */
    private <V> List<ReadOnlyKeyValueStore<String, V>> localPartitions(String name, Predicate<String> source) {
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(tp -> source.test(tp.topic()))
                .map(tp -> streams.store(StoreQueryParameters.fromNameAndType(name,
                        QueryableStoreTypes.<String, V>keyValueStore()).withPartition(tp.partition())))
                .toList();
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
