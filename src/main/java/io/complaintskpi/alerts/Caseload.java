package io.complaintskpi.alerts;

import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.DueDates;
import io.complaintskpi.rules.Timescale.Milestone;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The complaints manager's morning list: every complaint with where it stands against its next deadline. */
public final class Caseload {

    /** One complaint at its current stage. {@code workingDaysLeft} is 0 once the due date has passed. */
    public record Row(String complaintId, String authority, String regime, String serviceArea, int stage,
                      LocalDate openedOn, Milestone milestone, LocalDate due, String status, boolean open,
                      int workingDaysLeft, int workingDaysOverdue) {
    }

    /** Most overdue first, then the nearest deadline; closed complaints last. */
    public static final Comparator<Row> MOST_URGENT_FIRST = Comparator.comparing((Row r) -> !r.open())
            .thenComparing(Comparator.comparingInt(Row::workingDaysOverdue).reversed())
            .thenComparing(Row::due)
            .thenComparing(Row::complaintId);

    private Caseload() {
    }

    /** One row per complaint among {@code states}; keys that carry no complaint are left out. */
    public static List<Row> rows(Collection<CaseState> states, DueDates dueDates, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        for (CaseState state : states) {
            if (state == null || state.complaint() == null) {
                continue;
            }
            ComplaintDeadlines deadlines = ComplaintDeadlines.of(state, dueDates, today);
            ComplaintDeadlines.StageClock current = deadlines.stages().get(deadlines.stages().size() - 1);
            boolean open = current.closedOn() == null;
            int left = open ? Overdue.workingDaysLeft(dueDates.calendar(), current.due(), today) : 0;
            rows.add(new Row(state.key(), deadlines.authority(), deadlines.regime(), deadlines.serviceArea(),
                    current.stage(), current.openedOn(), current.milestone(), current.due(), current.status(), open,
                    left, current.workingDaysOverdue()));
        }
        return rows;
    }
}
