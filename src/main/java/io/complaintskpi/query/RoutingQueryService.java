package io.complaintskpi.query;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.authorities.Authorities;
import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.alerts.ComplaintDeadlines;
import io.complaintskpi.alerts.ComplaintStory;
import io.complaintskpi.alerts.ComplaintViews;
import io.complaintskpi.drilldown.DrillDown;
import io.complaintskpi.series.SeriesReader;
import io.complaintskpi.series.SeriesReader.Span;
import io.complaintskpi.lifecycle.CaseHistory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers for the whole service when it runs as several instances: a complaint is read from the instance
 * that owns it, and KPI sums, authorities, alerts and the caseload are gathered from every instance at once and merged.
 * Each KPI series lives on one partition, so merging the instances' local sums counts every bucket exactly
 * once. With one instance nothing crosses the network.
 */
public final class RoutingQueryService implements QueryService, AutoCloseable {

    private final QueryService local;
    private final Instances instances;
    private final PeerClient peers;
    private final ComplaintViews views;
    private final SeriesReader series = new MergedSeries();
    private final ExecutorService fanOut = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "peer-query");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code views} work out a complaint's views here from its history, wherever the history is stored. */
    public RoutingQueryService(QueryService local, Instances instances, PeerClient peers, ComplaintViews views) {
        this.local = local;
        this.instances = instances;
        this.peers = peers;
        this.views = views;
    }

    @Override
    public SeriesReader series() {
        return series;
    }

    @Override
    public Authorities authorities() {
        return local.authorities();
    }

    @Override
    public List<Alert> openAlerts() {
        return gather(new ArrayList<>(), local::openAlerts, peers::openAlerts, List::addAll);
    }

    @Override
    public Optional<CaseHistory> caseHistory(String complaintId) {
        Optional<String> owner = instances.ownerOf(complaintId);
        return owner.isEmpty() ? local.caseHistory(complaintId) : peers.caseHistory(owner.get(), complaintId);
    }

    @Override
    public Optional<ComplaintDeadlines> complaintDeadlines(String complaintId, LocalDate today) {
        return caseHistory(complaintId).flatMap(history -> views.deadlines(complaintId, history, today));
    }

    @Override
    public Optional<ComplaintStory> complaintStory(String complaintId, LocalDate today) {
        return caseHistory(complaintId).flatMap(history -> views.story(complaintId, history, today));
    }

    /** Each instance answers from its own complaints, already filtered and limited; the pages merge into one. */
    @Override
    public Caseload.Page caseload(Caseload.Query query) {
        List<Caseload.Page> pages = gather(new ArrayList<>(), () -> local.caseload(query),
                peer -> peers.caseload(peer, query), List::add);
        return Caseload.merge(query, pages);
    }

    /** Each instance lists its own keys' first page; the pages merge into the service's first page. */
    @Override
    public DrillDown.Page contributors(DrillDown.Query query) {
        List<DrillDown.Page> pages = gather(new ArrayList<>(), () -> local.contributors(query),
                peer -> peers.contributors(peer, query), List::add);
        return DrillDown.merge(query, pages);
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

    @Override
    public void close() {
        fanOut.shutdownNow();
    }

    /**
     * This instance's answer merged with every other instance's, the peers asked in parallel while the local
     * stores are read. A peer's failure is the query's failure: a partial sum would be a wrong figure.
     */
    private <R, T> R gather(R merged, Supplier<T> fromLocal, Function<String, T> fromPeer,
                            BiConsumer<R, T> merge) {
        List<CompletableFuture<T>> asked = instances.others().stream()
                .map(peer -> CompletableFuture.supplyAsync(() -> fromPeer.apply(peer), fanOut)).toList();
        merge.accept(merged, fromLocal.get());
        for (CompletableFuture<T> answer : asked) {
            try {
                merge.accept(merged, answer.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return merged;
    }

    private final class MergedSeries implements SeriesReader {

        @Override
        public Map<String, Long> sumByDimension(String authority, String metric, LocalDate from, LocalDate to) {
            return gather(new HashMap<>(), () -> local.series().sumByDimension(authority, metric, from, to),
                    peer -> peers.sumByDimension(peer, authority, metric, from, to), RoutingQueryService::add);
        }

        @Override
        public Map<Span, Map<String, Long>> sumsByDimension(String authority, Collection<Span> spans) {
            List<Span> asked = List.copyOf(new LinkedHashSet<>(spans));
            Map<Span, Map<String, Long>> sums = new LinkedHashMap<>();
            asked.forEach(span -> sums.put(span, new HashMap<>()));
            return gather(sums, () -> local.series().sumsByDimension(authority, asked),
                    peer -> peers.sumsByDimension(peer, authority, asked),
                    (merged, more) -> more.forEach((span, byDimension) -> add(merged.get(span), byDimension)));
        }

        @Override
        public NavigableMap<LocalDate, Long> daily(String authority, String metric, String dimension, LocalDate from,
                                                   LocalDate to) {
            return gather(new TreeMap<>(), () -> local.series().daily(authority, metric, dimension, from, to),
                    peer -> peers.daily(peer, authority, metric, dimension, from, to), RoutingQueryService::add);
        }

        @Override
        public Set<String> authorities() {
            return gather(new TreeSet<>(), () -> local.series().authorities(), peers::authorities, Set::addAll);
        }

        /** Asks the other instances only when this one holds nothing of the authority. */
        @Override
        public boolean holds(String authority) {
            return local.series().holds(authority) || authorities().contains(authority);
        }
    }

    private static <K> void add(Map<K, Long> sums, Map<K, Long> more) {
        more.forEach((k, n) -> sums.merge(k, n, Long::sum));
    }
}
