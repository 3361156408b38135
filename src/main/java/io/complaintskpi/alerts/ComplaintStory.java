package io.complaintskpi.alerts;

import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.lifecycle.CaseHistory;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.DueDates;
import io.complaintskpi.lifecycle.LifecycleMachine;
import io.complaintskpi.rules.Timescale.Milestone;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One complaint as a caseworker reads it: its events in business-time order, each stage with its due date,
 * whether it was met, and its extensions ({@link ComplaintDeadlines}), and the alerts its deadlines raised, told
 * from the history by the same {@link DeadlineWatch} the service runs: a state's watched deadlines raise their
 * alerts on their firing day (or, when the state came late, on the day it came), each once, and an alert is
 * over on the day its deadline stops being watched. Days are business days, so the story is the same however
 * late the events arrived.
 */
public record ComplaintStory(String complaintId, String authority, String regime, String serviceArea, LocalDate asOf,
                             List<Event> events, List<ComplaintDeadlines.StageClock> stages,
                             List<ComplaintDeadlines.Held> awaiting, List<RaisedAlert> alerts) {

    /** One accepted event: when it happened (and the business day that makes), its type and what it says. */
    public record Event(UUID eventId, OffsetDateTime occurredAt, LocalDate on, String type, ComplaintEvent event) {
        static Event of(EventEnvelope envelope) {
            return new Event(envelope.eventId(), envelope.occurredAt(), envelope.businessDate(), envelope.eventType(),
                    envelope.event());
        }
    }

    /** An alert about one deadline: raised on {@code raisedOn}, over on {@code clearedOn} (null: still open). */
    public record RaisedAlert(AlertKind kind, int stage, Milestone milestone, LocalDate dueDate, LocalDate raisedOn,
                              LocalDate clearedOn) {
        RaisedAlert clearedOn(LocalDate on) {
            return new RaisedAlert(kind, stage, milestone, dueDate, raisedOn, on);
        }
    }

    /** The story of the key's history on {@code today}; empty when the key holds no complaint. */
    public static Optional<ComplaintStory> of(String key, CaseHistory history, LifecycleMachine machine,
                                              DueDates dueDates, DeadlineWatch watch, LocalDate today) {
        CaseState state = machine.replay(key, history);
        if (state == null || state.complaint() == null) {
            return Optional.empty();
        }
        ComplaintDeadlines deadlines = ComplaintDeadlines.of(state, dueDates, today);
        return Optional.of(new ComplaintStory(key, state.authority(), deadlines.regime(), deadlines.serviceArea(),
                today, history.events().stream().map(Event::of).toList(), deadlines.stages(), deadlines.awaiting(),
                alerts(key, history.events(), machine, watch, today)));
    }

    /**
     * The alerts of each day's closing state, in the order raised: one pass through the history, each state
     * one step from the one before (not a replay of each prefix), so a story costs its events, not their square.
     */
    private static List<RaisedAlert> alerts(String key, List<EventEnvelope> events, LifecycleMachine machine,
                                            DeadlineWatch watch, LocalDate today) {
        Map<AlertId, RaisedAlert> raised = new LinkedHashMap<>();
        CaseState state = null;
        for (int i = 0; i < events.size(); i++) {
            state = machine.replayStep(key, state, events.get(i));
            LocalDate from = events.get(i).businessDate();
            LocalDate until = i + 1 < events.size() ? events.get(i + 1).businessDate() : today.plusDays(1);
            if (!until.isAfter(from)) {
                continue; // another event the same day: the day's last state is the one watched
            }
            List<PendingAlert> watched = watch.pending(state);
            raised.replaceAll((id, alert) -> alert.clearedOn() == null
                    && watched.stream().noneMatch(p -> p.alertId().equals(id)) ? alert.clearedOn(from) : alert);
            for (PendingAlert pending : watched) {
                LocalDate on = pending.firesOn().isAfter(from) ? pending.firesOn() : from;
                if (on.isBefore(until) && !on.isAfter(today) && !pending.expired(on)
                        && !raised.containsKey(pending.alertId())) {
                    pending.supersedes().map(raised::get).filter(a -> a.clearedOn() == null)
                            .ifPresent(replaced -> raised.put(pending.supersedes().get(), replaced.clearedOn(on)));
                    raised.put(pending.alertId(), new RaisedAlert(pending.kind(), pending.stage(), pending.milestone(),
                            pending.dueDate(), on, null));
                }
            }
        }
        List<RaisedAlert> inOrder = new ArrayList<>(raised.values());
        inOrder.sort(Comparator.comparing(RaisedAlert::raisedOn));
        return inOrder;
    }
}
