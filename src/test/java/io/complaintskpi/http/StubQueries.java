package io.complaintskpi.http;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.kpi.InMemorySeriesReader;
import io.complaintskpi.kpi.SeriesReader;
import io.complaintskpi.lifecycle.CaseHistory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores for HTTP tests without Kafka: the given series (or none), no cases, the given open alerts (null: the store throws, as
 * during a rebalance), RUNNING or REBALANCING as {@link #ready} says.
 */
final class StubQueries implements QueryService {

    volatile boolean ready;
    private final List<Alert> alerts;
    private final SeriesReader series;

    StubQueries(boolean ready, List<Alert> alerts) {
        this(ready, alerts, new InMemorySeriesReader(Map.of()));
    }

    StubQueries(boolean ready, List<Alert> alerts, SeriesReader series) {
        this.ready = ready;
        this.alerts = alerts;
        this.series = series;
    }

    @Override
    public SeriesReader series() {
        return series;
    }

    @Override
    public List<Alert> openAlerts() {
        if (alerts == null) {
            throw new IllegalStateException("store not queryable: rebalancing");
        }
        return alerts;
    }

    @Override
    public Optional<CaseHistory> caseHistory(String complaintId) {
        return Optional.empty();
    }

    @Override
    public List<CaseHistory> allCaseHistories() {
        return List.of();
    }

    @Override
    public long deadLetterCount() {
        return 0;
    }

    @Override
    public List<DeadLetter> recentRejections() {
        return List.of();
    }

    @Override
    public String streamsState() {
        return ready ? "RUNNING" : "REBALANCING";
    }
}
