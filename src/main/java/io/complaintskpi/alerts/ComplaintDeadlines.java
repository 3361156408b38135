package io.complaintskpi.alerts;

import io.complaintskpi.events.Regime;
import io.complaintskpi.lifecycle.Awaiting;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.Complaint;
import io.complaintskpi.lifecycle.Deadline;
import io.complaintskpi.lifecycle.DueDates;
import io.complaintskpi.lifecycle.Stage;
import io.complaintskpi.rules.Stage2ClockStart;
import io.complaintskpi.rules.Timescale.Milestone;
import io.complaintskpi.rules.TimelinessBand;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A complaint's stages with their statutory clocks, for a complaints manager; each stage shows its next
 * deadline (at stage 3 the panel, its report or the response). Stage 2 shows the deadline
 * under both clock-start rules, since authorities and the Ombudsman count it differently. {@code awaiting}
 * lists the accepted events held aside, counted nowhere, until the event they follow arrives, with why.
 */
public record ComplaintDeadlines(String complaintId, String authority, String regime, String serviceArea,
                                 LocalDate asOf, List<StageClock> stages, List<Held> awaiting) {

    /** An event held aside: its id, type and date, and the event it waits for. */
    public record Held(UUID eventId, String eventType, LocalDate on, String reason) {
        static Held of(Awaiting awaiting) {
            return new Held(awaiting.event().eventId(), awaiting.event().eventType(), awaiting.event().businessDate(),
                    awaiting.reason());
        }
    }

    public record StageClock(int stage, LocalDate openedOn, LocalDate acknowledgedOn, LocalDate clockStart,
                             LocalDate statementAgreedOn,
                             Integer extendedToWorkingDays, LocalDate extendedToDate, Milestone milestone,
                             LocalDate due,
                             LocalDate dueIfCountedFromRequest, LocalDate dueIfCountedFromStatement,
                             LocalDate closedOn, String closure, Integer workingDaysTaken, String band,
                             String status, int workingDaysOverdue) {
    }

    public static ComplaintDeadlines of(CaseState state, DueDates dueDates, LocalDate today) {
        Complaint complaint = state.complaint();
        List<StageClock> stages = new ArrayList<>();
        for (Stage stage : complaint.stages()) {
            stages.add(clock(complaint, stage, dueDates, today));
        }
        return new ComplaintDeadlines(state.key(), state.authority(), complaint.regime().name(),
                complaint.serviceArea(), today, stages, state.awaiting().stream().map(Held::of).toList());
    }

    /** An open stage's status: OVERDUE once a working day has passed its due date. */
    static String openStatus(int workingDaysOverdue) {
        return workingDaysOverdue > 0 ? "OVERDUE" : "OPEN";
    }

    private static StageClock clock(Complaint complaint, Stage stage, DueDates dueDates, LocalDate today) {
        Deadline deadline = dueDates.next(complaint, stage);
        LocalDate due = deadline.due();
        LocalDate fromRequest = null;
        LocalDate fromStatement = null;
        if (complaint.regime() == Regime.CHILDREN && stage.number() == 2) {
            fromRequest = dueDates.withStage2ClockStart(Stage2ClockStart.REQUEST).due(complaint, stage);
            fromStatement = stage.statementAgreedOn() == null ? null
                    : dueDates.withStage2ClockStart(Stage2ClockStart.STATEMENT_AGREED).due(complaint, stage);
        }
        Integer taken = null;
        String band = null;
        String status;
        int overdue = 0;
        if (stage.isOpen()) {
            overdue = Overdue.workingDaysOverdue(dueDates.calendar(), due, today);
            status = openStatus(overdue);
        } else {
            taken = dueDates.workingDaysTaken(complaint, stage);
            if (complaint.regime() == Regime.CHILDREN && stage.number() < 3 && stage.responded()) {
                band = TimelinessBand.of(stage.number(), taken).key();
            }
            status = stage.closedOn().isAfter(due) ? "CLOSED_LATE" : "CLOSED_ON_TIME";
        }
        return new StageClock(stage.number(), stage.openedOn(), stage.acknowledgedOn(), dueDates.clockStart(complaint, stage),
                stage.statementAgreedOn(), stage.extendedToWorkingDays(), stage.extendedToDate(), deadline.milestone(), due, fromRequest,
                fromStatement, stage.closedOn(), stage.closure() == null ? null : stage.closure().name(), taken, band,
                status, overdue);
    }
}
