package io.complaintskpi.alerts;

import io.complaintskpi.events.ComplaintEvent.ComplaintAcknowledged;
import io.complaintskpi.events.ComplaintEvent.ComplaintWithdrawn;
import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.StatementAgreed;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.lifecycle.CaseState;
import io.complaintskpi.lifecycle.Cases;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static io.complaintskpi.lifecycle.Cases.KEY;
import static io.complaintskpi.lifecycle.Cases.adults;
import static io.complaintskpi.lifecycle.Cases.children;
import static io.complaintskpi.lifecycle.Cases.date;
import static io.complaintskpi.lifecycle.Cases.on;
import static io.complaintskpi.lifecycle.Cases.replay;
import static io.complaintskpi.lifecycle.Cases.responded;
import static org.assertj.core.api.Assertions.assertThat;

class DeadlineWatchTest {

    private static final EventEnvelope RECEIVED = on("2015-06-01", children());
    private static final EventEnvelope ADULTS_RECEIVED = on("2015-06-01", adults(date("2015-08-31")));

    private final DeadlineWatch watch = new DeadlineWatch(Cases.DUE_DATES, 2);

    private static PendingAlert alert(AlertKind kind, int stage, String firesOn, String due) {
        return new PendingAlert(kind, KEY, stage, date(firesOn), date(due));
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
                alert(AlertKind.ACKNOWLEDGEMENT_OVERDUE, 1, "2015-06-05", "2015-06-04"));
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
    void pendingAlertKeys() {
        PendingAlert alert = alert(AlertKind.BREACHED, 1, "2015-06-16", "2015-06-15");

        assertThat(alert.indexKey()).isEqualTo("2015-06-16|C-1|1|BREACHED");
        assertThat(alert.alertId()).isEqualTo("C-1|1|BREACHED");
    }

    @Test
    void anAlertStillAppliesWhileItsStageIsOpen() {
        Alert breached = raised(AlertKind.BREACHED, 1);

        assertThat(DeadlineWatch.stillApplies(breached, replay(RECEIVED))).isTrue();
        assertThat(DeadlineWatch.stillApplies(breached,
                replay(RECEIVED, on("2015-06-20", responded(1, Outcome.NOT_UPHELD))))).isFalse();
        assertThat(DeadlineWatch.stillApplies(breached,
                replay(RECEIVED, on("2015-06-20", new EscalationRequested(2))))).as("stage 2 is open, not stage 1")
                .isFalse();
        assertThat(DeadlineWatch.stillApplies(raised(AlertKind.BREACHED, 2),
                replay(RECEIVED, on("2015-06-20", new EscalationRequested(2))))).isTrue();
    }

    @Test
    void anAcknowledgementAlertStopsApplyingOnceAcknowledged() {
        Alert overdue = raised(AlertKind.ACKNOWLEDGEMENT_OVERDUE, 1);

        assertThat(DeadlineWatch.stillApplies(overdue, replay(ADULTS_RECEIVED))).isTrue();
        assertThat(DeadlineWatch.stillApplies(overdue,
                replay(ADULTS_RECEIVED, on("2015-06-08", new ComplaintAcknowledged(1))))).isFalse();
        assertThat(DeadlineWatch.stillApplies(raised(AlertKind.AT_RISK, 1),
                replay(ADULTS_RECEIVED, on("2015-06-08", new ComplaintAcknowledged(1))))).isTrue();
    }

    private static Alert raised(AlertKind kind, int stage) {
        return new Alert(kind, KEY, Cases.AUTHORITY, "CHILDREN", "Children in care", stage,
                LocalDate.parse("2015-06-15"), 0, Instant.parse("2015-06-16T00:00:00Z"), null);
    }
}
