package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.http.QueryService;
import io.complaintskpi.kpi.SeriesReader;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseState;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Answers queries from this instance's Kafka Streams stores (interactive queries). */
public final class StreamsQueryService implements QueryService {

    private final KafkaStreams streams;
    private final Admin admin;
    private final DomainRules rules;
    private final SeriesReader series;

    public StreamsQueryService(KafkaStreams streams, Admin admin, DomainRules rules) {
        this.streams = streams;
        this.admin = admin;
        this.rules = rules;
        this.series = new StoreSeriesReader(() -> store(Names.KPI_TOTALS_STORE));
    }

    @Override
    public SeriesReader series() {
        return series;
    }

    @Override
    public List<Alert> openAlerts() {
        List<Alert> alerts = new ArrayList<>();
        ReadOnlyKeyValueStore<String, Alert> store = store(Names.OPEN_ALERTS_STORE);
        try (KeyValueIterator<String, Alert> it = store.all()) {
            it.forEachRemaining(kv -> alerts.add(kv.value));
        }
        return alerts;
    }

    @Override
    public Optional<CaseState> caseState(String complaintId) {
        ReadOnlyKeyValueStore<String, CaseHistory> store = store(Names.CASE_HISTORY_STORE);
        return Optional.ofNullable(store.get(complaintId))
                .map(history -> rules.machine().replay(complaintId, history));
    }

    @Override
    public long deadLetterCount() {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(Names.DLQ_TOPIC)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(Names.DLQ_TOPIC).partitions().stream()
                    .map(p -> new TopicPartition(Names.DLQ_TOPIC, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
            Map<TopicPartition, OffsetSpec> earliest = partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.earliest()));
            long end = sum(admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS));
            long start = sum(admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS));
            // Transaction markers take offsets too; the count is exact for committed records only
            // up to those markers, so it is an upper bound reported as such in the README.
            return end - start;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the dead-letter topic", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the dead-letter topic offsets: " + e.getMessage(), e);
        }
    }

    private static long sum(Map<TopicPartition, ? extends org.apache.kafka.clients.admin.ListOffsetsResult
            .ListOffsetsResultInfo> offsets) {
        return offsets.values().stream().mapToLong(o -> o.offset()).sum();
    }

    @Override
    public String streamsState() {
        return streams.state().name();
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
