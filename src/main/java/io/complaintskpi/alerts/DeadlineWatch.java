package io.complaintskpi.alerts;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.events.Regime;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.Complaint;
import io.complaintskpi.lifecycle.DueDates;
import io.complaintskpi.lifecycle.Stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Which alerts an open stage will raise, and when; derived from state alone, so replay gives the same. */
public final class DeadlineWatch {

    /** Children's stage 1: past this many working days without an agreed extension, offer stage 2. */
    static final int STAGE2_OFFER_AFTER_WORKING_DAYS = 20;

    private final DueDates dueDates;
    private final int atRiskWorkingDays;

    public DeadlineWatch(DueDates dueDates, int atRiskWorkingDays) {
        this.dueDates = dueDates;
        this.atRiskWorkingDays = atRiskWorkingDays;
    }

    public List<PendingAlert> pending(CaseState state) {
        List<PendingAlert> out = new ArrayList<>();
        Complaint complaint = state == null ? null : state.complaint();
        if (complaint == null || !complaint.current().isOpen()) {
            return out;
        }
        Stage stage = complaint.current();
        String id = state.key();
        WorkingDayCalendar calendar = dueDates.calendar();
        LocalDate due = dueDates.due(complaint, stage);
        LocalDate atRisk = calendar.workingDaysBefore(due, atRiskWorkingDays);
        if (atRisk.isAfter(dueDates.clockStart(stage))) {
            out.add(new PendingAlert(AlertKind.AT_RISK, id, stage.number(), atRisk, due));
        }
        out.add(new PendingAlert(AlertKind.BREACHED, id, stage.number(), due.plusDays(1), due));
        if (complaint.regime() == Regime.CHILDREN && stage.number() == 1 && stage.extendedToWorkingDays() == null) {
            LocalDate offerDue = calendar.addWorkingDays(complaint.receivedOn(), STAGE2_OFFER_AFTER_WORKING_DAYS);
            out.add(new PendingAlert(AlertKind.STAGE2_MUST_BE_OFFERED, id, 1,
                    calendar.addWorkingDays(complaint.receivedOn(), STAGE2_OFFER_AFTER_WORKING_DAYS + 1), offerDue));
        }
        if (complaint.regime() == Regime.ADULTS && stage.acknowledgedOn() == null) {
            LocalDate ackDue = dueDates.acknowledgementDue(complaint);
            out.add(new PendingAlert(AlertKind.ACKNOWLEDGEMENT_OVERDUE, id, 1, ackDue.plusDays(1), ackDue));
        }
        return out;
    }

    /**
     * Whether a raised alert still describes the complaint: its stage is the open one and, for a missing
     * acknowledgement, none has arrived. An alert that no longer applies is CLEARED.
     */
    public static boolean stillApplies(Alert alert, CaseState state) {
        Complaint complaint = state.complaint();
        Stage current = complaint.current();
        if (!current.isOpen() || current.number() != alert.stage()) {
            return false;
        }
        return alert.kind() != AlertKind.ACKNOWLEDGEMENT_OVERDUE || current.acknowledgedOn() == null;
    }
}
