package io.complaintskpi.alerts;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.events.Regime;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.Complaint;
import io.complaintskpi.lifecycle.Deadline;
import io.complaintskpi.lifecycle.DueDates;
import io.complaintskpi.lifecycle.Recommendation;
import io.complaintskpi.lifecycle.Stage;
import io.complaintskpi.rules.Timescale.Milestone;
import io.complaintskpi.rules.Timescales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which deadlines of a complaint are watched and which alerts each will raise, and when. Derived from the
 * state alone, so replay gives the same. An alert belongs to one deadline (stage, milestone, due date):
 * when the milestone is met or the due date moves, the deadline is no longer watched, its open alerts are
 * over and the next deadline is watched instead.
 */
public final class DeadlineWatch {

    private final DueDates dueDates;
    private final int atRiskWorkingDays;

    public DeadlineWatch(DueDates dueDates, int atRiskWorkingDays) {
        this.dueDates = dueDates;
        this.atRiskWorkingDays = atRiskWorkingDays;
    }

    /**
     * The alerts the key's watched deadlines will raise, if nothing changes first: a complaint's statutory deadlines,
     * or an Ombudsman case's recommendations not yet complied with.
     */
    public List<PendingAlert> pending(CaseState state) {
        List<PendingAlert> out = new ArrayList<>();
        if (state != null) {
            for (Recommendation recommendation : state.recommendations()) {
                if (!recommendation.completed()) {
                    watch(out, state.key(), recommendation.deadline(), recommendation.madeOn());
                }
            }
        }
        Complaint complaint = state == null ? null : state.complaint();
        if (complaint == null || !complaint.current().isOpen()) {
            return out;
        }
        Stage stage = complaint.current();
        String id = state.key();
        WorkingDayCalendar calendar = dueDates.calendar();
        Deadline next = dueDates.next(complaint, stage);
        watch(out, id, next, dueDates.clockStart(complaint, stage));
        if (complaint.regime() == Regime.CORPORATE && stage.acknowledgedOn() == null) {
            // The Code's acknowledgement is a deadline of its own, at risk and breached like the response.
            watch(out, id, dueDates.acknowledgement(complaint, stage), stage.openedOn());
        }
        if (complaint.regime() == Regime.CHILDREN && stage.number() == 1 && stage.extendedToWorkingDays() == null) {
            // Past stage 1's longest timescale with no agreed extension, stage 2 must be offered.
            Deadline offer = new Deadline(1, Milestone.RESPONSE,
                    calendar.addWorkingDays(complaint.receivedOn(), Timescales.CHILDREN_STAGE1_MAX_DAYS));
            out.add(PendingAlert.of(AlertKind.STAGE2_MUST_BE_OFFERED, id, offer,
                    calendar.addWorkingDays(complaint.receivedOn(), Timescales.CHILDREN_STAGE1_MAX_DAYS + 1)));
        }
        if (complaint.regime() == Regime.ADULTS && stage.acknowledgedOn() == null) {
            Deadline acknowledgement = dueDates.acknowledgement(complaint, stage);
            out.add(PendingAlert.of(AlertKind.ACKNOWLEDGEMENT_OVERDUE, id, acknowledgement,
                    acknowledgement.due().plusDays(1)));
        }
        return out;
    }

    /**
     * AT_RISK a few working days before the due date (if that is after the clock start), BREACHED the calendar day
     * after it: a due date is a date, met on the day itself whether or not that is a working day.
     */
    private void watch(List<PendingAlert> out, String id, Deadline deadline, LocalDate clockStart) {
        LocalDate atRisk = dueDates.calendar().workingDaysBefore(deadline.due(), atRiskWorkingDays);
        if (atRisk.isAfter(clockStart)) {
            out.add(PendingAlert.of(AlertKind.AT_RISK, id, deadline, atRisk));
        }
        out.add(PendingAlert.of(AlertKind.BREACHED, id, deadline, deadline.due().plusDays(1)));
    }

    /** What an event that turned {@code before} into {@code after} changes in the schedule and open alerts. */
    public record Changes(List<PendingAlert> unschedule, List<PendingAlert> schedule, List<Alert> over) {
        public Changes {
            unschedule = List.copyOf(unschedule);
            schedule = List.copyOf(schedule);
            over = List.copyOf(over);
        }
    }

    /**
     * Reconciles the schedule and the complaint's open alerts with its new state. Pending alerts of deadlines
     * no longer watched are unscheduled; new ones are scheduled unless their alert (or one that supersedes it)
     * is already open, so each fires once per deadline; open alerts of deadlines no longer watched are over.
     */
    public Changes changes(CaseState before, CaseState after, Collection<Alert> open) {
        return changes(pending(before), after, open);
    }

    /**
     * The same, looking up in {@code openAlerts} (the alert with that identity, or null) only the alerts that can
     * be open: an alert is open only while its deadline is watched ({@link #raise} raises nothing else, and every
     * event ends the open alerts of deadlines no longer watched), so they are among those {@code before}'s pending
     * alerts name. A complaint with nothing watched (closed, or never received) costs no look-up at all.
     */
    public Changes changes(CaseState before, CaseState after, Function<AlertId, Alert> openAlerts) {
        List<PendingAlert> watchedBefore = pending(before);
        Set<AlertId> candidates = new LinkedHashSet<>();
        watchedBefore.forEach(p -> candidates.add(p.alertId()));
        List<Alert> open = new ArrayList<>();
        for (AlertId id : candidates) {
            Alert alert = openAlerts.apply(id);
            if (alert != null) {
                open.add(alert);
            }
        }
        return changes(watchedBefore, after, open);
    }

    private Changes changes(List<PendingAlert> watchedBefore, CaseState after, Collection<Alert> open) {
        Set<PendingAlert> old = new LinkedHashSet<>(watchedBefore);
        Set<PendingAlert> now = new LinkedHashSet<>(pending(after));
        List<PendingAlert> unschedule = old.stream().filter(p -> !now.contains(p)).toList();
        Set<AlertId> openIds = new LinkedHashSet<>();
        open.forEach(alert -> openIds.add(alert.id()));
        List<PendingAlert> schedule = now.stream()
                .filter(p -> !old.contains(p))
                .filter(p -> !openIds.contains(p.alertId()) && !supersededByOpen(p, openIds))
                .toList();
        Set<AlertId> watched = new LinkedHashSet<>();
        now.forEach(p -> watched.add(p.alertId()));
        List<Alert> over = open.stream().filter(alert -> !watched.contains(alert.id())).toList();
        return new Changes(unschedule, schedule, over);
    }

    private static boolean supersededByOpen(PendingAlert pending, Set<AlertId> openIds) {
        for (AlertKind kind : AlertKind.values()) {
            if (kind.supersedes().filter(pending.kind()::equals).isPresent()
                    && openIds.contains(pending.alertId(kind))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The alert a due pending one raises on {@code today}, or none when it has nothing left to say: its
     * deadline is no longer watched (an index entry the state has outgrown), or it is an AT_RISK after its
     * due date (the BREACHED of the same deadline is due too).
     */
    public Optional<Alert> raise(PendingAlert due, CaseState state, LocalDate today, Instant at) {
        if (due.expired(today) || pending(state).stream().noneMatch(p -> p.alertId().equals(due.alertId()))) {
            return Optional.empty();
        }
        return Optional.of(Alert.raised(due, state, dueDates.calendar(), today, at));
    }
}
