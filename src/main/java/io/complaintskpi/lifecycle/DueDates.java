package io.complaintskpi.lifecycle;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.Stage2ClockStart;
import io.complaintskpi.rules.Timescale.Milestone;
import io.complaintskpi.rules.Timescales;

import java.time.LocalDate;

/**
 * When each stage's statutory clock starts and when its next response falls due, from the timescales,
 * the working-day calendar and the agreed extensions. Timeliness figures and live alerts share it, so a
 * breach alert and the timeliness band of the same stage can never disagree.
 */
public final class DueDates {

    private final WorkingDayCalendar calendar;
    private final Timescales timescales;
    private final Stage2ClockStart stage2ClockStart;

    public DueDates(WorkingDayCalendar calendar, Timescales timescales, Stage2ClockStart stage2ClockStart) {
        this.calendar = calendar;
        this.timescales = timescales;
        this.stage2ClockStart = stage2ClockStart;
    }

    /** The same rules with the other stage 2 clock start, to show a deadline both ways. */
    public DueDates withStage2ClockStart(Stage2ClockStart start) {
        return new DueDates(calendar, timescales, start);
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /** Day 0 of the stage's response clock. */
    public LocalDate clockStart(Stage stage) {
        return stage.number() == 2
                ? stage2ClockStart.startDate(stage.openedOn(), stage.statementAgreedOn())
                : stage.openedOn();
    }

    /** The date the stage's next step is due: its response, or at stage 3 the panel or its report. */
    public LocalDate due(Complaint complaint, Stage stage) {
        return next(complaint, stage).due();
    }

    /**
     * The stage's next deadline. Stage 3 has three in a row: the panel within 30 working days of the
     * request, its report within 5 of the panel, the authority's response within 15 of the report; once
     * one is met the next is the one to watch. Every other stage has its response.
     */
    public Deadline next(Complaint complaint, Stage stage) {
        if (complaint.regime() == Regime.ADULTS) {
            return new Deadline(stage.number(), Milestone.RESPONSE, stage.extendedToDate() != null
                    ? stage.extendedToDate()
                    : timescales.adultsResponseDue(complaint.receivedOn(), complaint.agreedResponseBy()));
        }
        if (stage.number() == 3) {
            if (stage.panelHeldOn() == null) {
                return stage3(Milestone.PANEL_MEETING, stage.openedOn());
            }
            if (stage.panelReportOn() == null) {
                return stage3(Milestone.PANEL_REPORT, stage.panelHeldOn());
            }
            return stage3(Milestone.RESPONSE, stage.panelReportOn());
        }
        int limit = stage.extendedToWorkingDays() != null
                ? stage.extendedToWorkingDays()
                : limit(stage.number(), Milestone.RESPONSE);
        return new Deadline(stage.number(), Milestone.RESPONSE, calendar.addWorkingDays(clockStart(stage), limit));
    }

    private Deadline stage3(Milestone milestone, LocalDate countedFrom) {
        return new Deadline(3, milestone, calendar.addWorkingDays(countedFrom, limit(3, milestone)));
    }

    /** Adults: the acknowledgement is due within a few working days of receipt. */
    public LocalDate acknowledgementDue(Complaint complaint) {
        return acknowledgement(complaint).due();
    }

    /** Adults: the acknowledgement deadline, a milestone of stage 1 of its own. */
    public Deadline acknowledgement(Complaint complaint) {
        int days = timescales.require(Regime.ADULTS, 1, Milestone.ACKNOWLEDGEMENT).workingDays();
        return new Deadline(1, Milestone.ACKNOWLEDGEMENT, calendar.addWorkingDays(complaint.receivedOn(), days));
    }

    private int limit(int stage, Milestone milestone) {
        return timescales.require(Regime.CHILDREN, stage, milestone).workingDays();
    }

    /** Working days from the clock start to the closing date (the response or withdrawal). */
    public int workingDaysTaken(Stage stage) {
        return calendar.workingDaysBetween(clockStart(stage), stage.closedOn());
    }
}
