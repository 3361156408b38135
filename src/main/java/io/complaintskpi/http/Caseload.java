package io.complaintskpi.http;

import io.complaintskpi.alerts.ComplaintDeadlines;
import io.complaintskpi.domain.DomainRules;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The complaints manager's morning list: every complaint with where it stands against its deadline. */
final class Caseload {

    /** One complaint at its current stage. {@code workingDaysLeft} is 0 once the due date has passed. */
    record Row(String complaintId, String authority, String regime, String serviceArea, int stage,
               LocalDate openedOn, LocalDate due, String status, boolean open, int workingDaysLeft,
               int workingDaysOverdue) {
    }

    /** Most overdue first, then the nearest deadline; closed complaints last. */
    static final Comparator<Row> MOST_URGENT_FIRST = Comparator.comparing((Row r) -> !r.open())
            .thenComparing(Comparator.comparingInt(Row::workingDaysOverdue).reversed())
            .thenComparing(Row::due)
            .thenComparing(Row::complaintId);

    private Caseload() {
    }

    static List<Row> rows(List<CaseHistory> histories, DomainRules rules, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        for (CaseHistory history : histories) {
            String key = history.events().get(0).complaintId();
            CaseState state = rules.machine().replay(key, history);
            if (state.complaint() == null) {
                continue;
            }
            ComplaintDeadlines deadlines = ComplaintDeadlines.of(state, rules.dueDates(), today);
            ComplaintDeadlines.StageClock current = deadlines.stages().get(deadlines.stages().size() - 1);
            boolean open = current.closedOn() == null;
            int left = open && !today.isAfter(current.due())
                    ? rules.dueDates().calendar().workingDaysBetween(today, current.due()) : 0;
            rows.add(new Row(key, deadlines.authority(), deadlines.regime(), deadlines.serviceArea(),
                    current.stage(), current.openedOn(), current.due(), current.status(), open, left,
                    current.workingDaysOverdue()));
        }
        return rows;
    }
}
