package io.complaintskpi.lifecycle;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.CorporateTimescales;
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

    /** The corporate timescales the complaint's council works to: its own published ones, else the Code's. */
    public CorporateClock council(Complaint complaint) {
        return new CorporateClock(calendar, timescales.corporate(complaint.authority()));
    }

    /** The Complaint Handling Code's own corporate timescales, whatever the council publishes. */
    public CorporateClock code() {
        return new CorporateClock(calendar, CorporateTimescales.CODE);
    }

    /**
     * Day 0 of the stage's response clock: children's stage 2 from the configured start, corporate stages from the
     * acknowledgement (at the latest, the day it was due), every other stage from its opening.
     */
    public LocalDate clockStart(Complaint complaint, Stage stage) {
        if (complaint.regime() == Regime.CORPORATE) {
            return council(complaint).responseClockStart(stage);
        }
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
        if (complaint.regime() == Regime.CORPORATE) {
            return new Deadline(stage.number(), Milestone.RESPONSE, council(complaint).responseDue(stage));
        }
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
        return new Deadline(stage.number(), Milestone.RESPONSE,
                calendar.addWorkingDays(clockStart(complaint, stage), limit));
    }

    private Deadline stage3(Milestone milestone, LocalDate countedFrom) {
        return new Deadline(3, milestone, calendar.addWorkingDays(countedFrom, limit(3, milestone)));
    }

    /** Adults: the acknowledgement is due within 3 working days of receipt. */
    public LocalDate acknowledgementDue(Complaint complaint) {
        return acknowledgement(complaint, complaint.stages().get(0)).due();
    }

    /**
     * The stage's acknowledgement deadline, a milestone of its own: adults within 3 working days of receipt,
     * corporate stages within the council's working days of receipt or request. Children's stages have none.
     */
    public Deadline acknowledgement(Complaint complaint, Stage stage) {
        if (complaint.regime() == Regime.CORPORATE) {
            return new Deadline(stage.number(), Milestone.ACKNOWLEDGEMENT, council(complaint).acknowledgementDue(stage));
        }
        int days = timescales.require(Regime.ADULTS, 1, Milestone.ACKNOWLEDGEMENT).workingDays();
        return new Deadline(1, Milestone.ACKNOWLEDGEMENT, calendar.addWorkingDays(complaint.receivedOn(), days));
    }

    private int limit(int stage, Milestone milestone) {
        return timescales.require(Regime.CHILDREN, stage, milestone).workingDays();
    }

    /** Working days from the clock start to the closing date (the response or withdrawal). */
    public int workingDaysTaken(Complaint complaint, Stage stage) {
        return calendar.workingDaysBetween(clockStart(complaint, stage), stage.closedOn());
    }
}
