package io.complaintskpi.streams;

import io.complaintskpi.monitoring.DeadLetterWatcher;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.authorities.Authorities;
import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.alerts.ComplaintDeadlines;
import io.complaintskpi.alerts.ComplaintStory;
import io.complaintskpi.alerts.ComplaintViews;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.drilldown.DrillDown;
import io.complaintskpi.series.KpiKey;
import io.complaintskpi.series.SeriesReader;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.query.DeadLetter;
import io.complaintskpi.query.QueryService;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Answers from this instance's own Kafka Streams stores (interactive queries), nothing else. */
public final class StreamsQueryService implements QueryService {

    private final KafkaStreams streams;
    private final DeadLetterWatcher deadLetters;
    private final SeriesReader series;
    private final StoreCaseload caseload;
    private final ComplaintViews views;
    private final DomainRules rules;
    private final StoreContributors contributors;
    private final AtomicInteger kpiPartitionCount = new AtomicInteger();
    private final Authorities authorities = new GlobalAuthorities(() -> store(Names.AUTHORITIES_STORE));

    public StreamsQueryService(KafkaStreams streams, DeadLetterWatcher deadLetters, DomainRules rules) {
        this.streams = streams;
        this.deadLetters = deadLetters;
        this.series = new StoreSeriesReader(this::kpiPartitions);
        this.views = rules.complaintViews();
        this.rules = rules;
        this.caseload = StoreCaseload.indexed(
                () -> List.copyOf(this.<Bytes, byte[]>localPartitions(Names.OPEN_CASELOAD_STORE,
                        Names.EVENTS_TOPIC::equals).values()),
                () -> List.copyOf(casePartitions().values()), rules);
        this.contributors = new StoreContributors(this::lifecyclePartitions);
    }

    @Override
    public SeriesReader series() {
        return series;
    }

    @Override
    public Authorities authorities() {
        return authorities;
    }

    @Override
    public List<Alert> openAlerts() {
        return all(Names.OPEN_ALERTS_STORE);
    }

    @Override
    public Optional<CaseHistory> caseHistory(String complaintId) {
        CaseHistory history = new CaseStore(store(Names.CASE_STATE_STORE),
                this.<Bytes, byte[]>store(Names.CASE_EVENTS_STORE), rules).history(complaintId);
        return history.events().isEmpty() ? Optional.empty() : Optional.of(history);
    }

    @Override
    public Optional<ComplaintDeadlines> complaintDeadlines(String complaintId, LocalDate today) {
        return caseHistory(complaintId).flatMap(history -> views.deadlines(complaintId, history, today));
    }

    @Override
    public Caseload.Page caseload(Caseload.Query query) {
        return caseload.read(query);
    }

    @Override
    public Optional<ComplaintStory> complaintStory(String complaintId, LocalDate today) {
        return caseHistory(complaintId).flatMap(history -> views.story(complaintId, history, today));
    }

    @Override
    public DrillDown.Page contributors(DrillDown.Query query) {
        return contributors.read(query);
    }

    /** Each local partition of the lifecycle's contributor index with its cases. */
    private List<StoreContributors.Partition> lifecyclePartitions() {
        Map<Integer, ReadOnlyKeyValueStore<String, Long>> index =
                localPartitions(Names.KPI_CONTRIBUTORS_STORE, Names.EVENTS_TOPIC::equals);
        Map<Integer, CaseStore> cases = casePartitions();
        return index.entrySet().stream()
                .map(e -> new StoreContributors.Partition(e.getValue(), cases.get(e.getKey()))).toList();
    }

    /** Each local partition of the cases' two stores, by partition number. */
    private Map<Integer, CaseStore> casePartitions() {
        Map<Integer, ReadOnlyKeyValueStore<String, byte[]>> states =
                localPartitions(Names.CASE_STATE_STORE, Names.EVENTS_TOPIC::equals);
        Map<Integer, ReadOnlyKeyValueStore<Bytes, byte[]>> events =
                localPartitions(Names.CASE_EVENTS_STORE, Names.EVENTS_TOPIC::equals);
        Map<Integer, CaseStore> cases = new TreeMap<>();
        states.forEach((partition, store) -> cases.put(partition, new CaseStore(store, events.get(partition), rules)));
        return cases;
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
        try (KeyValueIterator<Object, V> it = this.<Object, V>store(storeName).all()) {
            it.forEachRemaining(kv -> values.add(kv.value));
        }
        return values;
    }

    /**
     * Each local partition of {@code kpi-totals} on its own, resolved once for the query that asks, so a read goes
     * to the one partition that holds an authority (found as the repartition placed it) without looking the
     * store up again, and seeks stay in order within it.
     */
    private StoreSeriesReader.Local kpiPartitions() {
        Map<Integer, ReadOnlyKeyValueStore<String, Long>> local = new TreeMap<>();
        localTopicPartitions(Names::isKpiContributionsTopic).forEach(partition ->
                streams.store(StoreQueryParameters.fromNameAndType(Names.KPI_TOTALS_STORE,
                                new ResolvedKeyValueStore<Long>()).withPartition(partition))
                        .ifPresent(store -> local.put(partition, store)));
        return new StoreSeriesReader.Local() {
            @Override
            public Collection<ReadOnlyKeyValueStore<String, Long>> all() {
                return local.values();
            }

            @Override
            public Collection<ReadOnlyKeyValueStore<String, Long>> holding(String authority) {
                int partition = kpiPartition(authority);
                if (partition < 0) {
                    return local.values();
                }
                ReadOnlyKeyValueStore<String, Long> holder = local.get(partition);
                return holder == null ? List.of() : List.of(holder);
            }
        };
    }

    /**
     * The partition holding an authority's KPIs, as the repartition placed them; -1 while that cannot be told.
     * The partition count is learnt once from Kafka Streams' metadata: it changes only with a replay.
     */
    private int kpiPartition(String authority) {
        int count = kpiPartitionCount.get();
        if (count == 0) {
            AtomicInteger seen = new AtomicInteger();
            int partition = streams.queryMetadataForKey(Names.KPI_TOTALS_STORE, KpiKey.prefix(authority),
                    (String topic, String key, Object value, int partitions) -> {
                        seen.set(partitions);
                        return Optional.of(Set.of(SeriesPartitioner.partition(key, partitions)));
                    }).partition();
            count = seen.get();
            if (partition < 0 || count == 0) {
                return -1;
            }
            kpiPartitionCount.set(count);
        }
        return SeriesPartitioner.partitionOf(authority, count);
    }

    /**
     * Each local partition of a store on its own (its tasks read {@code source}), by partition number, so a
     * reader keeps each in key order.
     */
    private <K, V> Map<Integer, ReadOnlyKeyValueStore<K, V>> localPartitions(String name, Predicate<String> source) {
        Map<Integer, ReadOnlyKeyValueStore<K, V>> stores = new TreeMap<>();
        localTopicPartitions(source).forEach(partition -> stores.put(partition, streams.store(
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore())
                        .withPartition(partition))));
        return stores;
    }

    /** The partitions of the topics {@code source} accepts that this instance's active tasks read. */
    private List<Integer> localTopicPartitions(Predicate<String> source) {
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(tp -> source.test(tp.topic()))
                .map(tp -> tp.partition())
                .toList();
    }

    private <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
    }
}
