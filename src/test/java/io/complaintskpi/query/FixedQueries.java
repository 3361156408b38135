package io.complaintskpi.query;

import io.complaintskpi.alerts.Alert;
import io.complaintskpi.kpi.SeriesReader;
import io.complaintskpi.lifecycle.CaseHistory;

import java.util.List;
import java.util.Optional;

/** A query service with fixed answers, for tests of what sits on the seam; no dead letters. */
public record FixedQueries(SeriesReader series, List<Alert> openAlerts, Optional<CaseHistory> history,
                           String streamsState) implements QueryService {

    @Override
    public Optional<CaseHistory> caseHistory(String complaintId) {
        return history;
    }

    @Override
    public List<CaseHistory> allCaseHistories() {
        return history.stream().toList();
    }

    @Override
    public long deadLetterCount() {
        return 0;
    }

    @Override
    public List<DeadLetter> recentRejections() {
        return List.of();
    }
}
