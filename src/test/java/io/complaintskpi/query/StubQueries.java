package io.complaintskpi.query;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.authorities.Authorities;
import io.complaintskpi.alerts.Caseload;
import io.complaintskpi.alerts.ComplaintStory;
import io.complaintskpi.alerts.ComplaintDeadlines;
import io.complaintskpi.alerts.ComplaintViews;
import io.complaintskpi.alerts.DeadlineWatch;
import io.complaintskpi.drilldown.DrillDown;
import io.complaintskpi.series.InMemorySeriesReader;
import io.complaintskpi.series.SeriesReader;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.Cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores for tests without Kafka: the given series (or none), open alerts (null: the store throws, as during
 * a rebalance) and case history (every key has it; or none), an empty caseload and drill-down, no dead letters, RUNNING or
 * REBALANCING as {@link #ready} says.
 */
public class StubQueries implements QueryService {

    public volatile boolean ready;
    private final SeriesReader series;
    private final List<Alert> alerts;
    private final Optional<CaseHistory> history;

    public StubQueries(boolean ready, List<Alert> alerts) {
        this(ready, alerts, new InMemorySeriesReader(Map.of()));
    }

    public StubQueries(boolean ready, List<Alert> alerts, SeriesReader series) {
        this(ready, alerts, series, Optional.empty());
    }

    public StubQueries(boolean ready, List<Alert> alerts, SeriesReader series, Optional<CaseHistory> history) {
        this.ready = ready;
        this.series = series;
        this.alerts = alerts;
        this.history = history;
    }

    /** The authorities reference data the stub answers with: none unless a test sets some. */
    public volatile Authorities authorities = Authorities.NONE;

    @Override
    public Authorities authorities() {
        return authorities;
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
        return history;
    }

    /** Worked out from the stub's history, as the real seams do, by the lifecycle tests' machine and due dates. */
    @Override
    public Optional<ComplaintDeadlines> complaintDeadlines(String complaintId, LocalDate today) {
        return history.flatMap(h -> new ComplaintViews(Cases.MACHINE, Cases.DUE_DATES, new DeadlineWatch(Cases.DUE_DATES, 2)).deadlines(complaintId, h, today));
    }

    @Override
    public Caseload.Page caseload(Caseload.Query query) {
        return new Caseload.Page(0, List.of(), null);
    }

    @Override
    public Optional<ComplaintStory> complaintStory(String complaintId, LocalDate today) {
        return Optional.empty();
    }

    @Override
    public DrillDown.Page contributors(DrillDown.Query query) {
        return new DrillDown.Page(List.of(), null);
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
