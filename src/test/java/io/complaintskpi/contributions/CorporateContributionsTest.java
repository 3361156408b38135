package io.complaintskpi.contributions;

import io.complaintskpi.events.ComplainantType;
import io.complaintskpi.events.ComplaintEvent.ComplaintAcknowledged;
import io.complaintskpi.events.ComplaintEvent.ComplaintNotAccepted;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.StatementAgreed;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.NotAcceptedReason;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.events.Regime;
import io.complaintskpi.lifecycle.Cases;
import io.complaintskpi.lifecycle.Complaint;
import io.complaintskpi.lifecycle.DueDates;
import io.complaintskpi.lifecycle.IllegalTransitionException;
import io.complaintskpi.rules.Stage2ClockStart;
import io.complaintskpi.rules.Timescales;
import io.complaintskpi.series.KpiKey;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static io.complaintskpi.lifecycle.Cases.date;
import static io.complaintskpi.lifecycle.Cases.on;
import static io.complaintskpi.lifecycle.Cases.responded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Corporate complaints measured against the Complaint Handling Code and against the council's own timescales. */
class CorporateContributionsTest {

    private static final ComplaintReceived CORPORATE = new ComplaintReceived(Regime.CORPORATE, "Highways",
            ComplainantType.OTHER_SUFFICIENT_INTEREST, null);
    /** Received Mon 1 June 2015, acknowledged Tue 2 June (in time: due Mon 8 June). */
    private static final EventEnvelope RECEIVED = on("2015-06-01", CORPORATE);
    private static final EventEnvelope ACKNOWLEDGED = on("2015-06-02", new ComplaintAcknowledged(1));

    private static Map<String, Long> timed(Contributions contributions, EventEnvelope... events) {
        return contributions.of(Cases.replay(events)).entrySet().stream()
                .filter(e -> e.getKey().metric().contains("acknowledgement") || e.getKey().metric().contains("timeliness")
                        || e.getKey().metric().contains("extension"))
                .collect(Collectors.toMap(e -> e.getKey().metric() + "|" + e.getKey().dimension() + "|"
                        + e.getKey().date(), Map.Entry::getValue));
    }

    private static final Contributions CODE_COUNCIL = new Contributions(Cases.DUE_DATES);

    @Test
    void aResponseWithinTenWorkingDaysOfTheAcknowledgementComplies() {
        // 10 working days from Tue 2 June: Tue 16 June.
        assertThat(timed(CODE_COUNCIL, RECEIVED, ACKNOWLEDGED, on("2015-06-16", responded(1, Outcome.NOT_UPHELD))))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "corporate.stage1.acknowledgement|on_time|2015-06-02", 1L,
                        "corporate.stage1.acknowledgement.council|on_time|2015-06-02", 1L,
                        "corporate.stage1.timeliness|on_time|2015-06-16", 1L,
                        "corporate.stage1.timeliness.council|on_time|2015-06-16", 1L));
    }

    @Test
    void aLateAcknowledgementBuysNoTime() {
        // Acknowledged Thu 11 June, 3 working days after the 5 allowed (Mon 8 June): the response is still due 10
        // working days after 8 June (Mon 22 June), not after 11 June (Thu 25 June).
        EventEnvelope late = on("2015-06-11", new ComplaintAcknowledged(1));
        Complaint complaint = Cases.complaint(RECEIVED, late);
        assertThat(Cases.DUE_DATES.clockStart(complaint, complaint.current())).isEqualTo(date("2015-06-08"));
        assertThat(Cases.DUE_DATES.due(complaint, complaint.current())).isEqualTo(date("2015-06-22"));
        assertThat(timed(CODE_COUNCIL, RECEIVED, late, on("2015-06-24", responded(1, Outcome.NOT_UPHELD))))
                .containsEntry("corporate.stage1.acknowledgement|late|2015-06-11", 1L)
                .containsEntry("corporate.stage1.timeliness|late|2015-06-24", 1L);
        // Not acknowledged at all: the same due date.
        Complaint unacknowledged = Cases.complaint(RECEIVED);
        assertThat(Cases.DUE_DATES.due(unacknowledged, unacknowledged.current())).isEqualTo(date("2015-06-22"));
    }

    @Test
    void theCouncilsOwnTimescalesAreMeasuredBesideTheCodes() {
        // The council publishes 20 working days for stage 1; a response on the 20th (Tue 30 June) is in time by its
        // own policy and late by the Code's 10.
        Timescales council = Timescales.statutory().withCorporate(Cases.AUTHORITY + ":stage1-response=20");
        DueDates dueDates = new DueDates(Cases.CALENDAR, council, Stage2ClockStart.STATEMENT_AGREED);
        Map<String, Long> figures = timed(new Contributions(dueDates), RECEIVED, ACKNOWLEDGED,
                on("2015-06-30", responded(1, Outcome.NOT_UPHELD)));
        assertThat(figures).containsEntry("corporate.stage1.timeliness|late|2015-06-30", 1L)
                .containsEntry("corporate.stage1.timeliness.council|on_time|2015-06-30", 1L);
        // Another authority keeps the Code's timescales.
        assertThat(council.corporate("E06000016").response(1)).isEqualTo(10);
        assertThat(council.corporate(Cases.AUTHORITY).response(1)).isEqualTo(20);
    }

    @Test
    void anExtensionBeyondTheCodeWithoutAReasonIsNonCompliance() {
        // Extended to 25 working days (15 more; the Code allows 10 without good reason); answered Fri 3 July, the
        // 23rd working day: beyond the Code with no reason, so only 20 count and the response is late.
        EventEnvelope extension = on("2015-06-10", new ExtensionAgreed(1, 25, null));
        EventEnvelope answer = on("2015-07-03", responded(1, Outcome.PARTLY_UPHELD));
        assertThat(timed(CODE_COUNCIL, RECEIVED, ACKNOWLEDGED, extension, answer))
                .containsEntry("corporate.stage1.extension|beyond_without_reason|2015-07-03", 1L)
                .containsEntry("corporate.stage1.timeliness|late|2015-07-03", 1L);
        // The same with a reason recorded: the extension counts in full and the answer complies.
        EventEnvelope reasoned = on("2015-06-10", new ExtensionAgreed(1, 25, null, true));
        assertThat(timed(CODE_COUNCIL, RECEIVED, ACKNOWLEDGED, reasoned, answer))
                .containsEntry("corporate.stage1.extension|beyond_with_reason|2015-07-03", 1L)
                .containsEntry("corporate.stage1.timeliness|on_time|2015-07-03", 1L);
        // Within the Code's 10 more: within.
        assertThat(timed(CODE_COUNCIL, RECEIVED, ACKNOWLEDGED, on("2015-06-10", new ExtensionAgreed(1, 20, null)),
                answer)).containsEntry("corporate.stage1.extension|within|2015-07-03", 1L);
    }

    @Test
    void aComplaintNotAcceptedIsCountedByReasonAndNeverTimed() {
        EventEnvelope refused = on("R-1", "2015-06-03", new ComplaintNotAccepted("Highways", NotAcceptedReason.OUT_OF_TIME));
        assertThat(CODE_COUNCIL.of(Cases.replay(refused))).containsExactlyEntriesOf(Map.of(
                new KpiKey(Cases.AUTHORITY, "corporate.not_accepted", "OUT_OF_TIME", date("2015-06-03")), 1L));
        // Its reference never becomes a received complaint, and a complaint's reference is not refused afterwards.
        assertThatThrownBy(() -> Cases.replay(refused, on("R-1", "2015-06-04", CORPORATE)))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("key already used");
        assertThatThrownBy(() -> Cases.replay(RECEIVED,
                on("2015-06-04", new ComplaintNotAccepted("Highways", NotAcceptedReason.SERVICE_REQUEST))))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("use its own reference");
    }

    @Test
    void onlyLongerExtensionsAndNoStatementOfComplaint() {
        assertThatThrownBy(() -> Cases.replay(RECEIVED, ACKNOWLEDGED, on("2015-06-05", new ExtensionAgreed(1, 8, null))))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("corporate stage 1 already has 10 working days from the acknowledgement; 8");
        assertThatThrownBy(() -> Cases.replay(RECEIVED, on("2015-06-05", new ExtensionAgreed(1, null, date("2015-07-01")))))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("a corporate extension gives workingDays");
        assertThatThrownBy(() -> Cases.replay(RECEIVED, on("2015-06-10", responded(1, Outcome.NOT_UPHELD)),
                on("2015-06-11", new io.complaintskpi.events.ComplaintEvent.EscalationRequested(2)),
                on("2015-06-12", new StatementAgreed())))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("children's stage 2 only");
    }

    @Test
    void theTimescalesSettingIsReadPerAuthority() {
        Timescales set = Timescales.statutory().withCorporate("stage2-extension=10;E1:stage1-response=20;E1:stage1-ack=3");
        assertThat(set.corporate("E1").stage1Response()).isEqualTo(20);
        assertThat(set.corporate("E1").stage1Acknowledgement()).isEqualTo(3);
        assertThat(set.corporate("E1").stage2Extension()).isEqualTo(10);
        assertThat(set.corporate("E2").stage1Response()).isEqualTo(10);
        assertThat(set.corporate("E2").stage2Extension()).isEqualTo(10);
        assertThatThrownBy(() -> Timescales.statutory().withCorporate("stage1-reply=20"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'stage1-reply=20' is not one of");
        assertThatThrownBy(() -> Timescales.statutory().withCorporate("stage1-response=0"))
                .hasMessageContaining("stage1-response must be 1 to 65 working days, got 0");
    }
}
