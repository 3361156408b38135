package io.complaintskpi.alerts;

import io.complaintskpi.events.ComplaintEvent.ComplaintAcknowledged;
import io.complaintskpi.events.ComplaintEvent.ComplaintWithdrawn;
import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.PanelHeld;
import io.complaintskpi.events.ComplaintEvent.PanelReportIssued;
import io.complaintskpi.events.ComplaintEvent.StatementAgreed;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.events.Regime;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.Cases;
import io.complaintskpi.lifecycle.Deadline;
import io.complaintskpi.rules.Timescale.Milestone;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.complaintskpi.lifecycle.Cases.KEY;
import static io.complaintskpi.lifecycle.Cases.adults;
import static io.complaintskpi.lifecycle.Cases.children;
import static io.complaintskpi.lifecycle.Cases.date;
import static io.complaintskpi.lifecycle.Cases.on;
import static io.complaintskpi.lifecycle.Cases.replay;
import static io.complaintskpi.lifecycle.Cases.responded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DeadlineWatchTest {

    private static final EventEnvelope RECEIVED = on("2015-06-01", children());
    private static final EventEnvelope ADULTS_RECEIVED = on("2015-06-01", adults(date("2015-08-31")));
    private static final Instant NOW = Instant.parse("2015-09-10T08:00:00Z");

    private final DeadlineWatch watch = new DeadlineWatch(Cases.DUE_DATES, 2);

    private static PendingAlert alert(AlertKind kind, int stage, String firesOn, String due) {
        return alert(kind, stage, Milestone.RESPONSE, firesOn, due);
    }

    private static PendingAlert alert(AlertKind kind, int stage, Milestone milestone, String firesOn, String due) {
        return new PendingAlert(kind, KEY, stage, milestone, date(firesOn), date(due));
    }

    /** Stage 3 requested on Monday 27 July 2015 (Monday 31 August is a bank holiday). */
    private static CaseState stageThree(EventEnvelope... more) {
        List<EventEnvelope> events = new ArrayList<>(List.of(RECEIVED,
                on("2015-06-10", responded(1, Outcome.NOT_UPHELD)), on("2015-06-15", new EscalationRequested(2)),
                on("2015-07-20", responded(2, Outcome.NOT_UPHELD)), on("2015-07-27", new EscalationRequested(3))));
        events.addAll(List.of(more));
        return replay(events.toArray(EventEnvelope[]::new));
    }

    /** What the complaint's alerts would be once every pending alert of {@code state} had fired. */
    private static List<Alert> raisedAll(CaseState state, DeadlineWatch watch) {
        return watch.pending(state).stream()
                .map(p -> Alert.raised(p, state, Cases.CALENDAR, p.firesOn(), NOW))
                .toList();
    }

    private static Alert raised(PendingAlert pending, CaseState state) {
        return Alert.raised(pending, state, Cases.CALENDAR, pending.firesOn(), NOW);
    }

    @Test
    void openChildrensStageOne() {
        assertThat(watch.pending(replay(RECEIVED))).containsExactlyInAnyOrder(
                alert(AlertKind.AT_RISK, 1, "2015-06-11", "2015-06-15"),
                alert(AlertKind.BREACHED, 1, "2015-06-16", "2015-06-15"),
                alert(AlertKind.STAGE2_MUST_BE_OFFERED, 1, "2015-06-30", "2015-06-29"));
    }

    @Test
    void anExtendedStageOneNeedNotOfferStageTwo() {
        assertThat(watch.pending(replay(RECEIVED, on("2015-06-05", new ExtensionAgreed(1, 20, null)))))
                .containsExactlyInAnyOrder(
                        alert(AlertKind.AT_RISK, 1, "2015-06-25", "2015-06-29"),
                        alert(AlertKind.BREACHED, 1, "2015-06-30", "2015-06-29"));
    }

    @Test
    void openStageTwoCountsFromTheStatement() {
        CaseState state = replay(RECEIVED, on("2015-06-10", responded(1, Outcome.NOT_UPHELD)),
                on("2015-06-15", new EscalationRequested(2)), on("2015-06-22", new StatementAgreed()));

        assertThat(watch.pending(state)).containsExactlyInAnyOrder(
                alert(AlertKind.AT_RISK, 2, "2015-07-23", "2015-07-27"),
                alert(AlertKind.BREACHED, 2, "2015-07-28", "2015-07-27"));
    }

    @Test
    void stageThreeWatchesThePanelThenItsReportThenTheResponse() {
        assertThat(watch.pending(stageThree())).containsExactlyInAnyOrder(
                alert(AlertKind.AT_RISK, 3, Milestone.PANEL_MEETING, "2015-09-04", "2015-09-08"),
                alert(AlertKind.BREACHED, 3, Milestone.PANEL_MEETING, "2015-09-09", "2015-09-08"));
        assertThat(watch.pending(stageThree(on("2015-08-20", new PanelHeld())))).containsExactlyInAnyOrder(
                alert(AlertKind.AT_RISK, 3, Milestone.PANEL_REPORT, "2015-08-25", "2015-08-27"),
                alert(AlertKind.BREACHED, 3, Milestone.PANEL_REPORT, "2015-08-28", "2015-08-27"));
        assertThat(watch.pending(stageThree(on("2015-08-20", new PanelHeld()),
                on("2015-08-25", new PanelReportIssued())))).containsExactlyInAnyOrder(
                alert(AlertKind.AT_RISK, 3, Milestone.RESPONSE, "2015-09-14", "2015-09-16"),
                alert(AlertKind.BREACHED, 3, Milestone.RESPONSE, "2015-09-17", "2015-09-16"));
        assertThat(watch.pending(stageThree(on("2015-08-20", new PanelHeld()),
                on("2015-08-25", new PanelReportIssued()), on("2015-09-10", responded(3, Outcome.NOT_UPHELD)))))
                .isEmpty();
    }

    @Test
    void noAtRiskWhenTheWarningWouldFallOnTheClockStart() {
        DeadlineWatch early = new DeadlineWatch(Cases.DUE_DATES, 10);

        assertThat(early.pending(replay(RECEIVED))).extracting(PendingAlert::kind)
                .containsExactlyInAnyOrder(AlertKind.BREACHED, AlertKind.STAGE2_MUST_BE_OFFERED);
    }

    @Test
    void adultsUnacknowledged() {
        assertThat(watch.pending(replay(ADULTS_RECEIVED))).containsExactlyInAnyOrder(
                alert(AlertKind.AT_RISK, 1, "2015-08-27", "2015-08-31"),
                alert(AlertKind.BREACHED, 1, "2015-09-01", "2015-08-31"),
                alert(AlertKind.ACKNOWLEDGEMENT_OVERDUE, 1, Milestone.ACKNOWLEDGEMENT, "2015-06-05", "2015-06-04"));
    }

    @Test
    void adultsAcknowledgedHaveNoAcknowledgementAlert() {
        assertThat(watch.pending(replay(ADULTS_RECEIVED, on("2015-06-03", new ComplaintAcknowledged(1)))))
                .extracting(PendingAlert::kind).containsExactlyInAnyOrder(AlertKind.AT_RISK, AlertKind.BREACHED);
    }

    @Test
    void nothingPendingForClosedStagesOrKeysWithoutAComplaint() {
        assertThat(watch.pending(null)).isEmpty();
        assertThat(watch.pending(replay(RECEIVED, on("2015-06-10", responded(1, Outcome.NOT_UPHELD))))).isEmpty();
        assertThat(watch.pending(replay(RECEIVED, on("2015-06-10", new ComplaintWithdrawn())))).isEmpty();
        assertThat(watch.pending(replay(ADULTS_RECEIVED, on("2015-07-10", responded(1, Outcome.NOT_UPHELD)))))
                .isEmpty();
        assertThat(watch.pending(replay(on("K-1", "2015-06-01", new ComplimentReceived("Fostering"))))).isEmpty();
    }

    @Test
    void anAlertIsIdentifiedByItsDeadlineAndKind() {
        PendingAlert pending = alert(AlertKind.BREACHED, 3, Milestone.PANEL_REPORT, "2015-08-28", "2015-08-27");

        // The stores' key layouts of these ids: streams.AlertKeySchemasTest.
        assertThat(pending.alertId()).isEqualTo(new AlertId("C-1",
                new Deadline(3, Milestone.PANEL_REPORT, LocalDate.parse("2015-08-27")), AlertKind.BREACHED));
        Alert alert = raised(pending, stageThree(on("2015-08-20", new PanelHeld())));
        assertThat(alert.id()).isEqualTo(pending.alertId());
        assertThat(alert.cleared(NOW).id()).as("a CLEARED names the alert it ends").isEqualTo(pending.alertId());
        assertThat(alert.cleared(NOW).kind()).isEqualTo(AlertKind.CLEARED);
        assertThat(alert.cleared(NOW).clears()).isEqualTo(AlertKind.BREACHED);
    }

    @Test
    void aMetMilestoneEndsItsAlertsAndTheNextDeadlineIsWatched() {
        CaseState requested = stageThree();
        CaseState panelHeld = stageThree(on("2015-09-10", new PanelHeld()));
        List<Alert> open = raisedAll(requested, watch).stream().filter(a -> a.kind() == AlertKind.BREACHED).toList();

        DeadlineWatch.Changes changes = watch.changes(requested, panelHeld, open);

        assertThat(changes.over()).extracting(Alert::milestone, Alert::kind)
                .containsExactly(tuple(Milestone.PANEL_MEETING, AlertKind.BREACHED));
        assertThat(changes.unschedule()).extracting(PendingAlert::milestone)
                .containsOnly(Milestone.PANEL_MEETING).hasSize(2);
        assertThat(changes.schedule()).containsExactlyInAnyOrder(
                alert(AlertKind.AT_RISK, 3, Milestone.PANEL_REPORT, "2015-09-15", "2015-09-17"),
                alert(AlertKind.BREACHED, 3, Milestone.PANEL_REPORT, "2015-09-18", "2015-09-17"));
    }

    @Test
    void anExtensionMovesTheDueDateSoTheOldDeadlinesAlertsEnd() {
        CaseState before = replay(RECEIVED);
        CaseState extended = replay(RECEIVED, on("2015-06-12", new ExtensionAgreed(1, 20, null)));
        List<Alert> open = List.of(raised(alert(AlertKind.AT_RISK, 1, "2015-06-11", "2015-06-15"), before));

        DeadlineWatch.Changes changes = watch.changes(before, extended, open);

        assertThat(changes.over()).containsExactlyElementsOf(open);
        assertThat(changes.unschedule()).containsExactlyInAnyOrder(
                alert(AlertKind.AT_RISK, 1, "2015-06-11", "2015-06-15"),
                alert(AlertKind.BREACHED, 1, "2015-06-16", "2015-06-15"),
                alert(AlertKind.STAGE2_MUST_BE_OFFERED, 1, "2015-06-30", "2015-06-29"));
        assertThat(changes.schedule()).containsExactlyInAnyOrder(
                alert(AlertKind.AT_RISK, 1, "2015-06-25", "2015-06-29"),
                alert(AlertKind.BREACHED, 1, "2015-06-30", "2015-06-29"));
    }

    @Test
    void anAgreedStatementMovesTheStageTwoDeadline() {
        CaseState requested = replay(RECEIVED, on("2015-06-10", responded(1, Outcome.NOT_UPHELD)),
                on("2015-06-15", new EscalationRequested(2)));
        CaseState agreed = replay(RECEIVED, on("2015-06-10", responded(1, Outcome.NOT_UPHELD)),
                on("2015-06-15", new EscalationRequested(2)), on("2015-06-22", new StatementAgreed()));
        List<Alert> open = List.of(raised(alert(AlertKind.AT_RISK, 2, "2015-07-16", "2015-07-20"), requested));

        DeadlineWatch.Changes changes = watch.changes(requested, agreed, open);

        assertThat(changes.over()).containsExactlyElementsOf(open);
        assertThat(changes.schedule()).extracting(PendingAlert::dueDate).containsOnly(date("2015-07-27"));
    }

    @Test
    void anAdultsNewAgreedDateMovesTheDeadline() {
        CaseState before = replay(ADULTS_RECEIVED, on("2015-06-02", new ComplaintAcknowledged(1)));
        CaseState moved = replay(ADULTS_RECEIVED, on("2015-06-02", new ComplaintAcknowledged(1)),
                on("2015-09-01", new ExtensionAgreed(1, null, date("2015-09-30"))));
        List<Alert> open = raisedAll(before, watch);

        DeadlineWatch.Changes changes = watch.changes(before, moved, open);

        assertThat(changes.over()).extracting(Alert::kind)
                .containsExactlyInAnyOrder(AlertKind.AT_RISK, AlertKind.BREACHED);
        assertThat(changes.schedule()).extracting(PendingAlert::dueDate).containsOnly(date("2015-09-30"));
    }

    @Test
    void anAlertRaisedForADeadlineIsNotScheduledAgainNorItsWarningAfterABreach() {
        CaseState before = replay(ADULTS_RECEIVED);
        CaseState after = replay(ADULTS_RECEIVED, on("2015-09-02", new ComplaintAcknowledged(1)));
        Alert breached = raised(alert(AlertKind.BREACHED, 1, "2015-09-01", "2015-08-31"), before);

        // A late event that leaves the deadline where it was: nothing new to schedule, the breach stays open.
        DeadlineWatch.Changes changes = watch.changes(before, after, List.of(breached));
        assertThat(changes.over()).isEmpty();
        assertThat(changes.schedule()).isEmpty();

        // Even from nothing scheduled (e.g. a first event's state), a breached deadline is not warned of again.
        DeadlineWatch.Changes fresh = watch.changes(null, after, List.of(breached));
        assertThat(fresh.schedule()).isEmpty();
    }

    @Test
    void theAcknowledgementAlertEndsOnceAcknowledgedWhileTheResponseIsStillWatched() {
        CaseState before = replay(ADULTS_RECEIVED);
        CaseState after = replay(ADULTS_RECEIVED, on("2015-06-08", new ComplaintAcknowledged(1)));
        Alert acknowledgement = raised(alert(AlertKind.ACKNOWLEDGEMENT_OVERDUE, 1, Milestone.ACKNOWLEDGEMENT,
                "2015-06-05", "2015-06-04"), before);
        Alert atRisk = raised(alert(AlertKind.AT_RISK, 1, "2015-08-27", "2015-08-31"), before);

        DeadlineWatch.Changes changes = watch.changes(before, after, List.of(acknowledgement, atRisk));

        assertThat(changes.over()).containsExactly(acknowledgement);
    }

    @Test
    void escalationEndsEveryAlertOfTheStage() {
        CaseState before = replay(RECEIVED);
        CaseState escalated = replay(RECEIVED, on("2015-07-01", new EscalationRequested(2)));
        List<Alert> open = raisedAll(before, watch);

        DeadlineWatch.Changes changes = watch.changes(before, escalated, open);

        assertThat(changes.over()).containsExactlyInAnyOrderElementsOf(open);
        assertThat(changes.schedule()).extracting(PendingAlert::stage).containsOnly(2);
    }

    @Test
    void aBreachSupersedesTheWarningOfItsDeadline() {
        PendingAlert breached = alert(AlertKind.BREACHED, 1, "2015-06-16", "2015-06-15");
        PendingAlert atRisk = alert(AlertKind.AT_RISK, 1, "2015-06-11", "2015-06-15");

        assertThat(breached.supersedes()).contains(atRisk.alertId());
        assertThat(atRisk.supersedes()).isEmpty();
        assertThat(alert(AlertKind.STAGE2_MUST_BE_OFFERED, 1, "2015-06-30", "2015-06-29").supersedes()).isEmpty();
    }

    @Test
    void aWarningFoundAfterItsDueDateIsNotRaisedButTheBreachCountsWorkingDaysOverdue() {
        CaseState open = replay(RECEIVED);
        PendingAlert atRisk = alert(AlertKind.AT_RISK, 1, "2015-06-11", "2015-06-15");
        PendingAlert breached = alert(AlertKind.BREACHED, 1, "2015-06-16", "2015-06-15");

        assertThat(watch.raise(atRisk, open, date("2015-06-15"), NOW)).isPresent();
        assertThat(watch.raise(atRisk, open, date("2015-06-16"), NOW)).isEmpty();
        Alert late = watch.raise(breached, open, date("2015-06-19"), NOW).orElseThrow();
        assertThat(late.workingDaysOverdue()).isEqualTo(4);
        assertThat(late.authority()).isEqualTo(Cases.AUTHORITY);
        assertThat(late.regime()).isEqualTo(Regime.CHILDREN);
        assertThat(late.serviceArea()).isEqualTo("Children in care");
        assertThat(late.milestone()).isEqualTo(Milestone.RESPONSE);
        assertThat(late.raisedAt()).isEqualTo(NOW);
        assertThat(late.withOverdue(Cases.CALENDAR, date("2015-06-22")).workingDaysOverdue()).isEqualTo(5);
        assertThat(raised(atRisk, open).withOverdue(Cases.CALENDAR, date("2015-06-22")).workingDaysOverdue())
                .as("a warning is never overdue").isZero();
    }

    @Test
    void anIndexEntryTheStateHasOutgrownRaisesNothing() {
        PendingAlert breached = alert(AlertKind.BREACHED, 1, "2015-06-16", "2015-06-15");
        CaseState answered = replay(RECEIVED, on("2015-06-20", responded(1, Outcome.NOT_UPHELD)));
        CaseState extended = replay(RECEIVED, on("2015-06-05", new ExtensionAgreed(1, 20, null)));
        PendingAlert withoutMilestone = new PendingAlert(AlertKind.BREACHED, KEY, 1, null, date("2015-06-16"),
                date("2015-06-15"));

        assertThat(watch.raise(breached, answered, date("2015-06-16"), NOW)).isEmpty();
        assertThat(watch.raise(breached, extended, date("2015-06-16"), NOW)).as("the due date moved").isEmpty();
        assertThat(watch.raise(withoutMilestone, replay(RECEIVED), date("2015-06-16"), NOW)).isEmpty();
        assertThat(watch.raise(breached, null, date("2015-06-16"), NOW)).as("no state under the key").isEmpty();
        assertThat(watch.raise(breached, replay(RECEIVED), date("2015-06-16"), NOW)).isPresent();
    }
}
