package io.complaintskpi.alerts;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
import io.complaintskpi.events.Regime;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.Deadline;
import io.complaintskpi.rules.Timescale.Milestone;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One published alert about one deadline (stage, milestone, due date). Carries no personal data: the
 * complaint reference is pseudonymous. For CLEARED, {@code clears} names the kind that is over. An Ombudsman
 * recommendation's alert (milestone RECOMMENDATION) names the Ombudsman case in {@code complaintId} and the
 * recommendation's number in {@code stage}; its regime and service area are those of the case's enquiry (regime
 * null when the enquiry did not say).
 */
public record Alert(AlertKind kind, String complaintId, String authority, Regime regime, String serviceArea,
                    int stage, Milestone milestone, LocalDate dueDate, int workingDaysOverdue, Instant raisedAt,
                    AlertKind clears) {

    /** The alert a due pending one becomes, with the working days overdue on {@code today}. */
    static Alert raised(PendingAlert pending, CaseState state, WorkingDayCalendar calendar, LocalDate today,
                        Instant at) {
        Regime regime = state.complaint() != null ? state.complaint().regime()
                : state.ombudsmanEnquiry().map(OmbudsmanEnquiryReceived::regime).orElse(null);
        String serviceArea = state.complaint() != null ? state.complaint().serviceArea()
                : state.ombudsmanEnquiry().map(OmbudsmanEnquiryReceived::serviceArea).orElse(null);
        return new Alert(pending.kind(), pending.complaintId(), state.authority(), regime, serviceArea, pending.stage(),
                pending.milestone(), pending.dueDate(), overdue(pending.kind(), pending.dueDate(), calendar, today),
                at, null);
    }

    /** The identity that makes an alert happen once per deadline and kind. */
    public AlertId id() {
        return new AlertId(complaintId, deadline(), kind == AlertKind.CLEARED ? clears : kind);
    }

    public Deadline deadline() {
        return new Deadline(stage, milestone, dueDate);
    }

    /** The CLEARED alert that ends this one. */
    public Alert cleared(Instant at) {
        return new Alert(AlertKind.CLEARED, complaintId, authority, regime, serviceArea, stage, milestone, dueDate,
                workingDaysOverdue, at, kind);
    }

    /** Overdue working days move with the calendar, so they are worked out again when asked. */
    public Alert withOverdue(WorkingDayCalendar calendar, LocalDate today) {
        return new Alert(kind, complaintId, authority, regime, serviceArea, stage, milestone, dueDate,
                overdue(kind, dueDate, calendar, today), raisedAt, clears);
    }

    /** An AT_RISK alert is never overdue; any other counts working days past its due date. */
    private static int overdue(AlertKind kind, LocalDate due, WorkingDayCalendar calendar, LocalDate today) {
        return kind == AlertKind.AT_RISK ? 0 : Overdue.workingDaysOverdue(calendar, due, today);
    }
}
