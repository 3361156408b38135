package io.complaintskpi.streams;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.http.DeadLetter;
import io.complaintskpi.http.PeerClient;
import io.complaintskpi.http.QueryService;
import io.complaintskpi.kpi.SeriesReader;
import io.complaintskpi.lifecycle.CaseHistory;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Answers for the whole service when it runs as several instances: a complaint is read from the instance
 * that owns its partition, and KPI sums, authorities and alerts are gathered from every instance and
 * merged. Each KPI series lives on one partition (see {@link SeriesPartitioner}), so merging the
 * instances' local sums counts every bucket exactly once. With one instance nothing crosses the network.
 */
public final class RoutingQueryService implements QueryService {

    private final KafkaStreams streams;
    private final HostInfo self;
    private final QueryService local;
    private final PeerClient peers;
    private final SeriesReader series = new MergedSeries();

    public RoutingQueryService(KafkaStreams streams, HostInfo self, QueryService local, PeerClient peers) {
        this.streams = streams;
        this.self = self;
        this.local = local;
        this.peers = peers;
    }

    @Override
    public SeriesReader series() {
        return series;
    }

    @Override
    public List<Alert> openAlerts() {
        List<Alert> alerts = new ArrayList<>(local.openAlerts());
        others().forEach(peer -> alerts.addAll(peers.openAlerts(peer)));
        return alerts;
    }

    @Override
    public Optional<CaseHistory> caseHistory(String complaintId) {
        KeyQueryMetadata owner = streams.queryMetadataForKey(Names.CASE_HISTORY_STORE, complaintId,
                Serdes.String().serializer());
        if (owner.equals(KeyQueryMetadata.NOT_AVAILABLE) || owner.activeHost().equals(self)) {
            return local.caseHistory(complaintId);
        }
        return peers.caseHistory(address(owner.activeHost()), complaintId);
    }

    @Override
    public List<CaseHistory> allCaseHistories() {
        List<CaseHistory> histories = new ArrayList<>(local.allCaseHistories());
        others().forEach(peer -> histories.addAll(peers.allCaseHistories(peer)));
        return histories;
    }

    /** Every instance reads the whole dead-letter topic, so this instance's count is the service's. */
    @Override
    public long deadLetterCount() {
        return local.deadLetterCount();
    }

    @Override
    public List<DeadLetter> recentRejections() {
        return local.recentRejections();
    }

    @Override
    public String streamsState() {
        return local.streamsState();
    }

    private List<String> others() {
        return streams.metadataForAllStreamsClients().stream()
                .map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self))
                .distinct()
                .map(RoutingQueryService::address)
                .toList();
    }

    private static String address(HostInfo host) {
        return host.host() + ":" + host.port();
    }

    private final class MergedSeries implements SeriesReader {

        @Override
        public Map<String, Long> sumByDimension(String authority, String metric, LocalDate from, LocalDate to) {
            Map<String, Long> sums = new HashMap<>(local.series().sumByDimension(authority, metric, from, to));
            for (String peer : others()) {
                peers.sumByDimension(peer, authority, metric, from, to).forEach((d, n) -> sums.merge(d, n, Long::sum));
            }
            return sums;
        }

        @Override
        public NavigableMap<LocalDate, Long> daily(String authority, String metric, String dimension, LocalDate from,
                                                   LocalDate to) {
            NavigableMap<LocalDate, Long> days = new TreeMap<>(local.series().daily(authority, metric, dimension,
                    from, to));
            for (String peer : others()) {
                peers.daily(peer, authority, metric, dimension, from, to).forEach((d, n) -> days.merge(d, n, Long::sum));
            }
            return days;
        }

        @Override
        public Set<String> authorities() {
            Set<String> all = new TreeSet<>(local.series().authorities());
            others().forEach(peer -> all.addAll(peers.authorities(peer)));
            return all;
        }
    }
}
