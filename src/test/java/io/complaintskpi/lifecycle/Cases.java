package io.complaintskpi.lifecycle;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.events.CauseFinding;
import io.complaintskpi.events.ComplainantType;
import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.StageResponded;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.Stage2ClockStart;
import io.complaintskpi.rules.Timescales;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Builds envelopes and replayed states for the domain unit tests, without Kafka. */
public final class Cases {

    public static final String AUTHORITY = "E10000018";
    public static final String KEY = "C-1";
    public static final Timescales TIMESCALES = Timescales.statutory();
    public static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
    public static final LifecycleMachine MACHINE = new LifecycleMachine(TIMESCALES);
    public static final DueDates DUE_DATES = new DueDates(CALENDAR, TIMESCALES, Stage2ClockStart.STATEMENT_AGREED);

    private Cases() {
    }

    /** An event on {@link #KEY} at 10:00 (UK summer time) on the given ISO date. */
    public static EventEnvelope on(String date, ComplaintEvent event) {
        return on(KEY, date, event);
    }

    public static EventEnvelope on(String key, String date, ComplaintEvent event) {
        return at(key, date + "T10:00:00+01:00", event);
    }

    public static EventEnvelope at(String key, String occurredAt, ComplaintEvent event) {
        return new EventEnvelope(UUID.randomUUID(), OffsetDateTime.parse(occurredAt), key, AUTHORITY, 1, event);
    }

    public static CaseHistory history(EventEnvelope... events) {
        CaseHistory history = CaseHistory.empty();
        for (EventEnvelope event : events) {
            history = history.with(event);
        }
        return history;
    }

    /** The state after the events, placed in business-time order as the topology does. */
    public static CaseState replay(EventEnvelope... events) {
        return MACHINE.replay(events[0].complaintId(), history(events));
    }

    public static Complaint complaint(EventEnvelope... events) {
        return replay(events).complaint();
    }

    public static ComplaintReceived children() {
        return new ComplaintReceived(Regime.CHILDREN, "Children in care", ComplainantType.PARENT, null);
    }

    public static ComplaintReceived adults(LocalDate agreedResponseBy) {
        return new ComplaintReceived(Regime.ADULTS, "Home care", ComplainantType.ADULT_SERVICE_USER,
                agreedResponseBy);
    }

    public static StageResponded responded(int stage, Outcome outcome, CauseFinding... causes) {
        return new StageResponded(stage, outcome, List.of(causes));
    }

    public static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
