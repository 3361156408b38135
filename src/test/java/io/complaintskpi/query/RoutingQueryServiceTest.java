package io.complaintskpi.query;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.alerts.AlertKind;
import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.alerts.ComplaintDeadlines;
import io.complaintskpi.alerts.ComplaintViews;
import io.complaintskpi.drilldown.DrillDown;
import io.complaintskpi.events.Regime;
import io.complaintskpi.series.InMemorySeriesReader;
import io.complaintskpi.series.KpiKey;
import io.complaintskpi.series.SeriesReader;
import io.complaintskpi.series.SeriesReader.Span;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.Cases;
import io.complaintskpi.rules.Timescale.Milestone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Routing and gathering without Kafka or HTTP: the instances and the peers are stand-ins. */
class RoutingQueryServiceTest {

    private static final LocalDate DAY = LocalDate.of(2015, 6, 1);
    private static final ComplaintViews VIEWS = new ComplaintViews(Cases.MACHINE, Cases.DUE_DATES);

    private RoutingQueryService routing;

    @AfterEach
    void close() {
        if (routing != null) {
            routing.close();
        }
    }

    @Test
    void sumsAreLocalPlusEveryPeerAndAKeyIsReadFromItsOwner() {
        FakePeers peers = new FakePeers(Map.of("b:1", 2L, "c:1", 5L), null);
        routing = new RoutingQueryService(local(1L), instances(List.of("b:1", "c:1"), "c:1"), peers, VIEWS);

        assertThat(routing.series().sumByDimension("E1", "m", DAY, DAY)).containsExactly(Map.entry("all", 8L));
        assertThat(routing.series().daily("E1", "m", "all", DAY, DAY)).containsExactly(Map.entry(DAY, 8L));
        assertThat(routing.series().authorities()).containsExactly("E1", "b:1", "c:1");
        assertThat(routing.openAlerts()).extracting(Alert::complaintId).containsExactlyInAnyOrder("local", "b:1", "c:1");
        assertThat(routing.caseHistory("any")).isEmpty();
        assertThat(peers.historyAskedOf).isEqualTo("c:1");
    }

    @Test
    void theCaseloadAsksEachPeerTheSameQueryAndKeepsTheMostUrgentOfAll() {
        FakePeers peers = new FakePeers(Map.of("b:1", 2L, "c:1", 5L), null);
        routing = new RoutingQueryService(new StubQueries(true, List.of()) {
            @Override
            public Caseload.Page caseload(Caseload.Query query) {
                return new Caseload.Page(1, List.of(row("local", 3)), null);
            }
        }, instances(List.of("b:1", "c:1"), null), peers, VIEWS);
        Caseload.Query query = new Caseload.Query(Caseload.Status.OPEN, "E1", null, null, null, 2, DAY, null);

        Caseload.Page page = routing.caseload(query);

        assertThat(page.count()).as("every instance's count").isEqualTo(8);
        assertThat(page.rows()).extracting(Caseload.Row::complaintId).containsExactly("c:1", "local");
        assertThat(peers.caseloadsAsked).containsExactlyInAnyOrder("b:1 " + query, "c:1 " + query);
    }

    @Test
    void aDrillDownPageIsTheFirstRowsOfEveryInstanceInListOrderAndGoesOnWhileAnyHasMore() {
        FakePeers peers = new FakePeers(Map.of("b:1", 2L, "c:1", 1L), null);
        routing = new RoutingQueryService(new StubQueries(true, List.of()) {
            @Override
            public DrillDown.Page contributors(DrillDown.Query query) {
                return new DrillDown.Page(List.of(contributor("a|1")), null);
            }
        }, instances(List.of("b:1", "c:1"), null), peers, VIEWS);
        DrillDown.Query query = new DrillDown.Query("E1", "m", List.of("all"), DAY, DAY, null, 3);

        DrillDown.Page page = routing.contributors(query);

        assertThat(page.rows()).extracting(DrillDown.Row::position).containsExactly("a|1", "b:1|1", "b:1|2");
        assertThat(page.next()).as("c:1|1 is left for the next page").isEqualTo("b:1|2");

        DrillDown.Page all = routing.contributors(new DrillDown.Query("E1", "m", List.of("all"), DAY, DAY, null, 4));
        assertThat(all.rows()).hasSize(4);
        assertThat(all.next()).as("nothing left").isNull();
    }

    @Test
    void aBatchOfSumsIsOneCallToEachPeerMergedSpanBySpan() {
        FakePeers peers = new FakePeers(Map.of("b:1", 2L, "c:1", 5L), null);
        routing = new RoutingQueryService(local(1L), instances(List.of("b:1", "c:1"), null), peers, VIEWS);
        Span day = new Span("m", DAY, DAY);
        Span none = new Span("other", DAY, DAY);

        Map<Span, Map<String, Long>> sums = routing.series().sumsByDimension("E1", List.of(day, none, day));

        assertThat(sums).containsOnlyKeys(day, none);
        assertThat(sums.get(day)).containsExactly(Map.entry("all", 8L));
        assertThat(sums.get(none)).containsExactly(Map.entry("all", 7L));
        assertThat(peers.batches).containsExactlyInAnyOrder("b:1", "c:1");
    }

    @Test
    void aloneNothingCrossesTheNetwork() {
        FakePeers peers = new FakePeers(Map.of(), null);
        routing = new RoutingQueryService(local(3L), instances(List.of(), null), peers, VIEWS);

        assertThat(routing.series().sum("E1", "m", DAY, DAY)).isEqualTo(3L);
        assertThat(routing.caseHistory("any")).contains(CaseHistory.empty());
        assertThat(peers.historyAskedOf).isNull();
    }

    @Test
    void aComplaintsDeadlinesAreWorkedOutFromTheHistoryItsOwnerHolds() {
        CaseHistory received = new CaseHistory(List.of(Cases.on("2015-06-01", Cases.children())));
        FakePeers peers = new FakePeers(Map.of(), null) {
            @Override
            public Optional<CaseHistory> caseHistory(String peer, String complaintId) {
                historyAskedOf = peer;
                return Optional.of(received);
            }
        };
        routing = new RoutingQueryService(local(1L), instances(List.of("c:1"), "c:1"), peers, VIEWS);

        ComplaintDeadlines deadlines = routing.complaintDeadlines(Cases.KEY, DAY).orElseThrow();

        assertThat(peers.historyAskedOf).isEqualTo("c:1");
        assertThat(deadlines.complaintId()).isEqualTo(Cases.KEY);
        assertThat(deadlines.stages()).singleElement().satisfies(stage -> {
            // Received Monday 1 June 2015: 10 working days later.
            assertThat(stage.due()).isEqualTo(LocalDate.of(2015, 6, 15));
            assertThat(stage.status()).isEqualTo("OPEN");
        });
    }

    @Test
    void aKeyItsOwnerHoldsNoHistoryOfHasNoDeadlines() {
        FakePeers peers = new FakePeers(Map.of(), null);
        routing = new RoutingQueryService(local(1L), instances(List.of("c:1"), "c:1"), peers, VIEWS);

        assertThat(routing.complaintDeadlines("K-none", DAY)).isEmpty();
        assertThat(peers.historyAskedOf).isEqualTo("c:1");
    }

    @Test
    void peersAreAskedAtTheSameTime() {
        // Each peer answers only once both have been asked: asked one after the other, this would not finish.
        CountDownLatch bothAsked = new CountDownLatch(2);
        FakePeers peers = new FakePeers(Map.of("b:1", 2L, "c:1", 5L), bothAsked);
        routing = new RoutingQueryService(local(1L), instances(List.of("b:1", "c:1"), null), peers, VIEWS);

        assertThat(routing.series().sum("E1", "m", DAY, DAY)).isEqualTo(8L);
    }

    @Test
    void aPeerThatCannotAnswerFailsTheQueryWithItsOwnException() {
        FakePeers peers = new FakePeers(Map.of("b:1", 2L), null) {
            @Override
            public Set<String> authorities(String peer) {
                throw new IllegalStateException("instance " + peer + " did not answer");
            }
        };
        routing = new RoutingQueryService(local(1L), instances(List.of("b:1"), null), peers, VIEWS);

        assertThatThrownBy(() -> routing.series().authorities()).isInstanceOf(IllegalStateException.class)
                .hasMessage("instance b:1 did not answer");
    }

    private static Instances instances(List<String> others, String owner) {
        return new Instances() {
            @Override
            public Optional<String> ownerOf(String complaintId) {
                return Optional.ofNullable(owner);
            }

            @Override
            public List<String> others() {
                return others;
            }
        };
    }

    private static QueryService local(long amount) {
        SeriesReader series = new InMemorySeriesReader(Map.of(new KpiKey("E1", "m", "all", DAY), amount));
        return new StubQueries(true, List.of(alert("local")), series, Optional.of(CaseHistory.empty()));
    }

    /** An open row {@code overdue} working days past its due date. */
    private static Caseload.Row row(String complaintId, int overdue) {
        return new Caseload.Row(complaintId, "E1", "CHILDREN", "area", 1, DAY, Milestone.RESPONSE, DAY, "OVERDUE", true,
                0, overdue);
    }

    private static DrillDown.Row contributor(String position) {
        return new DrillDown.Row(position, "all", DAY, 1, 1, "area", null, position);
    }

    private static Alert alert(String complaintId) {
        return new Alert(AlertKind.AT_RISK, complaintId, "E1", Regime.CHILDREN, "area", 1, Milestone.RESPONSE, DAY, 0, null,
                null);
    }

    private static class FakePeers implements PeerClient {

        private final Map<String, Long> amounts;
        private final CountDownLatch bothAsked;
        volatile String historyAskedOf;
        final List<String> batches = new CopyOnWriteArrayList<>();
        final List<String> caseloadsAsked = new CopyOnWriteArrayList<>();

        FakePeers(Map<String, Long> amounts, CountDownLatch bothAsked) {
            this.amounts = amounts;
            this.bothAsked = bothAsked;
        }

        private long amount(String peer) {
            if (bothAsked != null) {
                bothAsked.countDown();
                try {
                    assertThat(bothAsked.await(60, TimeUnit.SECONDS)).as("the other peer was asked too").isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return amounts.get(peer);
        }

        @Override
        public Map<String, Long> sumByDimension(String peer, String authority, String metric, LocalDate from,
                                                LocalDate to) {
            return Map.of("all", amount(peer));
        }

        @Override
        public Map<Span, Map<String, Long>> sumsByDimension(String peer, String authority, List<Span> spans) {
            batches.add(peer);
            Map<Span, Map<String, Long>> sums = new HashMap<>();
            spans.forEach(span -> sums.put(span, Map.of("all", amount(peer))));
            return sums;
        }

        @Override
        public Map<LocalDate, Long> daily(String peer, String authority, String metric, String dimension,
                                          LocalDate from, LocalDate to) {
            return Map.of(DAY, amount(peer));
        }

        @Override
        public Set<String> authorities(String peer) {
            return Set.of(peer);
        }

        @Override
        public List<Alert> openAlerts(String peer) {
            return List.of(alert(peer));
        }

        @Override
        public Optional<CaseHistory> caseHistory(String peer, String complaintId) {
            historyAskedOf = peer;
            return Optional.empty();
        }

        /** Rows at positions {@code peer|1} to {@code peer|n} (n = the peer's amount), a page's worth and more. */
        @Override
        public DrillDown.Page contributors(String peer, DrillDown.Query query) {
            List<DrillDown.Row> rows = new ArrayList<>();
            for (int i = 1; i <= Math.min(amount(peer), query.limit()); i++) {
                rows.add(contributor(peer + "|" + i));
            }
            return new DrillDown.Page(rows, amount(peer) > query.limit() ? peer + "|" + query.limit() : null);
        }

        @Override
        public Caseload.Page caseload(String peer, Caseload.Query query) {
            caseloadsAsked.add(peer + " " + query);
            return new Caseload.Page((int) amount(peer), List.of(row(peer, (int) amount(peer))), null);
        }
    }
}
