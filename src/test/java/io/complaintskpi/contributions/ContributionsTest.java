package io.complaintskpi.contributions;

import io.complaintskpi.series.KpiKey;

import io.complaintskpi.events.ActionKind;
import io.complaintskpi.events.AdrKind;
import io.complaintskpi.events.Cause;
import io.complaintskpi.events.CauseFinding;
import io.complaintskpi.events.ComplainantType;
import io.complaintskpi.events.ComplaintEvent.ActionTaken;
import io.complaintskpi.events.ComplaintEvent.AdrHeld;
import io.complaintskpi.events.ComplaintEvent.ComplaintAcknowledged;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.ComplaintWithdrawn;
import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.ContextFigureRecorded;
import io.complaintskpi.events.ComplaintEvent.CostIncurred;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanDecision;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
import io.complaintskpi.events.ComplaintEvent.PanelHeld;
import io.complaintskpi.events.ComplaintEvent.PanelReportIssued;
import io.complaintskpi.events.ContextFigure;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.OmbudsmanOutcome;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.events.Regime;
import io.complaintskpi.lifecycle.Cases;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.complaintskpi.lifecycle.Cases.adults;
import static io.complaintskpi.lifecycle.Cases.children;
import static io.complaintskpi.lifecycle.Cases.date;
import static io.complaintskpi.lifecycle.Cases.on;
import static io.complaintskpi.lifecycle.Cases.replay;
import static io.complaintskpi.lifecycle.Cases.responded;
import static org.assertj.core.api.Assertions.assertThat;

class ContributionsTest {

    private static final EventEnvelope RECEIVED = on("2015-06-01", children());
    private static final EventEnvelope RESPONSE = on("2015-06-10", responded(1, Outcome.PARTLY_UPHELD,
            new CauseFinding(Cause.FAIRNESS, true), new CauseFinding(Cause.POLICY, false)));
    private static final Map<KpiKey, Long> RECEIVED_KEYS = Map.of(
            key("children.stage1.service_area", "Children in care", "2015-06-01"), 1L,
            key("children.stage1.complainant", "PARENT", "2015-06-01"), 1L,
            key("children.stage1.received", "all", "2015-06-01"), 1L);

    private final Contributions contributions = new Contributions(Cases.DUE_DATES);

    private static KpiKey key(String metric, String dimension, String date) {
        return new KpiKey(Cases.AUTHORITY, metric, dimension, date(date));
    }

    private Map<KpiKey, Long> of(EventEnvelope... events) {
        return contributions.of(replay(events));
    }

    private static Map<KpiKey, Long> plus(Map<KpiKey, Long> base, Map<KpiKey, Long> more) {
        var all = new HashMap<>(base);
        all.putAll(more);
        return all;
    }

    @Test
    void noStateContributesNothing() {
        assertThat(contributions.of(null)).isEmpty();
    }

    /**
     * Rule: an event held aside until its predecessor arrives counts once under events.awaiting, by type, on
     * its own date, and nowhere else; the predecessor's arrival takes it back out and places it.
     */
    @Test
    void anEventAwaitingItsPredecessorCountsOnlyAsAwaitingUntilItArrives() {
        EventEnvelope stage2Response = on("2015-07-20", responded(2, Outcome.NOT_UPHELD));
        Map<KpiKey, Long> answered = of(RECEIVED, RESPONSE);
        Map<KpiKey, Long> held = of(RECEIVED, RESPONSE, stage2Response);
        assertThat(held).containsExactlyInAnyOrderEntriesOf(plus(answered,
                Map.of(key("events.awaiting", "StageResponded", "2015-07-20"), 1L)));

        Map<KpiKey, Long> placed = of(RECEIVED, RESPONSE, stage2Response, on("2015-06-15", new EscalationRequested(2)));
        assertThat(placed).doesNotContainKey(key("events.awaiting", "StageResponded", "2015-07-20"))
                .containsEntry(key("children.stage2.closed", "NOT_UPHELD", "2015-07-20"), 1L);
        assertThat(Contributions.delta(held, placed))
                .containsEntry(key("events.awaiting", "StageResponded", "2015-07-20"), -1L);
    }

    @Test
    void receivedComplaint() {
        assertThat(of(RECEIVED)).containsExactlyInAnyOrderEntriesOf(RECEIVED_KEYS);
    }

    @Test
    void respondedWithCausesAndAnApology() {
        Map<KpiKey, Long> expected = plus(RECEIVED_KEYS, Map.of(
                key("children.stage1.closed", "PARTLY_UPHELD", "2015-06-10"), 1L,
                key("children.stage1.timeliness", "within10", "2015-06-10"), 1L,
                key("children.stage1.causes", "FAIRNESS", "2015-06-10"), 1L,
                key("children.stage1.causes", "POLICY", "2015-06-10"), 1L,
                key("children.stage1.causes_upheld", "FAIRNESS", "2015-06-10"), 1L,
                key("children.stage1.upheld_further_action", "false", "2015-06-10"), 1L,
                key("children.actions", "APOLOGY", "2015-06-11"), 1L));

        assertThat(of(RECEIVED, RESPONSE, on("2015-06-11", new ActionTaken(ActionKind.APOLOGY))))
                .containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void anActionBeyondAnApologyCountsAsFurtherAction() {
        assertThat(of(RECEIVED, RESPONSE, on("2015-06-11", new ActionTaken(ActionKind.APOLOGY)),
                on("2015-06-12", new ActionTaken(ActionKind.SERVICE_CHANGE))))
                .containsEntry(key("children.stage1.upheld_further_action", "true", "2015-06-10"), 1L)
                .doesNotContainKey(key("children.stage1.upheld_further_action", "false", "2015-06-10"))
                .containsEntry(key("children.actions", "SERVICE_CHANGE", "2015-06-12"), 1L);
    }

    @Test
    void lateResponseFallsInTheOver20Band() {
        assertThat(of(RECEIVED, on("2015-07-01", responded(1, Outcome.NOT_UPHELD))))
                .containsEntry(key("children.stage1.timeliness", "over20", "2015-07-01"), 1L)
                .containsEntry(key("children.stage1.closed", "NOT_UPHELD", "2015-07-01"), 1L)
                .doesNotContainKey(key("children.stage1.upheld_further_action", "false", "2015-07-01"));
    }

    @Test
    void escalationOfAnUnansweredStageOne() {
        Map<KpiKey, Long> expected = plus(RECEIVED_KEYS, Map.of(
                key("children.stage1.closed", "ESCALATED_UNRESPONDED", "2015-07-01"), 1L,
                key("children.stage2.received", "all", "2015-07-01"), 1L));

        assertThat(of(RECEIVED, on("2015-07-01", new EscalationRequested(2))))
                .containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void stageThreeIsTimedByThePanel() {
        assertThat(of(RECEIVED, RESPONSE, on("2015-06-15", new EscalationRequested(2)),
                on("2015-07-20", responded(2, Outcome.NOT_UPHELD)), on("2015-07-27", new EscalationRequested(3)),
                on("2015-08-20", new PanelHeld())))
                .containsEntry(key("children.stage2.received", "all", "2015-06-15"), 1L)
                .containsEntry(key("children.stage2.closed", "NOT_UPHELD", "2015-07-20"), 1L)
                .containsEntry(key("children.stage2.timeliness", "within25", "2015-07-20"), 1L)
                .containsEntry(key("children.stage3.received", "all", "2015-07-27"), 1L)
                .containsEntry(key("children.stage3.timeliness", "within30", "2015-08-20"), 1L)
                .doesNotContainKey(key("children.stage3.closed", "NOT_UPHELD", "2015-08-20"));
    }

    @Test
    void withdrawalOfAnOpenStageCountsItWithdrawnAndUntimed() {
        Map<KpiKey, Long> expected = plus(RECEIVED_KEYS, Map.of(
                key("children.stage1.closed", "WITHDRAWN", "2015-06-05"), 1L));

        assertThat(of(RECEIVED, on("2015-06-05", new ComplaintWithdrawn())))
                .containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void aLateStageOneAnswerCountsTimedWithItsOutcomeAndNoLongerAsEscalatedUnresponded() {
        EventEnvelope request = on("2015-06-25", new EscalationRequested(2));
        EventEnvelope lateAnswer = on("2015-07-02", responded(1, Outcome.PARTLY_UPHELD,
                new CauseFinding(Cause.FAIRNESS, true)));
        Map<KpiKey, Long> expected = plus(RECEIVED_KEYS, Map.of(
                key("children.stage1.closed", "PARTLY_UPHELD", "2015-07-02"), 1L,
                key("children.stage1.timeliness", "over20", "2015-07-02"), 1L,
                key("children.stage1.causes", "FAIRNESS", "2015-07-02"), 1L,
                key("children.stage1.causes_upheld", "FAIRNESS", "2015-07-02"), 1L,
                key("children.stage1.upheld_further_action", "false", "2015-07-02"), 1L,
                key("children.stage2.received", "all", "2015-06-25"), 1L));

        assertThat(of(RECEIVED, request, lateAnswer)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(of(RECEIVED, lateAnswer, request)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(Contributions.delta(of(RECEIVED, request), of(RECEIVED, request, lateAnswer)))
                .containsEntry(key("children.stage1.closed", "ESCALATED_UNRESPONDED", "2015-06-25"), -1L);
    }

    @Test
    void stageThreeTimesThePanelReportAndTheAuthoritysResponse() {
        EventEnvelope[] toThePanel = {RECEIVED, RESPONSE, on("2015-06-15", new EscalationRequested(2)),
                on("2015-07-20", responded(2, Outcome.NOT_UPHELD)), on("2015-07-27", new EscalationRequested(3)),
                on("2015-08-20", new PanelHeld())};
        // Thursday 20 August: 5 working days end on Thursday 27 August; 15 from a report on 28 August end on 21
        // September, 15 from one on 27 August
        // on 18 September (31 August is the summer bank holiday).
        Map<KpiKey, Long> inTime = of(append(toThePanel, on("2015-08-27", new PanelReportIssued()),
                on("2015-09-18", responded(3, Outcome.NOT_UPHELD))));
        assertThat(inTime)
                .containsEntry(key("children.stage3.panel_report", "on_time", "2015-08-27"), 1L)
                .containsEntry(key("children.stage3.response_to_report", "on_time", "2015-09-18"), 1L)
                .containsEntry(key("children.stage3.closed", "NOT_UPHELD", "2015-09-18"), 1L);
        Map<KpiKey, Long> late = of(append(toThePanel, on("2015-08-28", new PanelReportIssued()),
                on("2015-09-22", responded(3, Outcome.NOT_UPHELD))));
        assertThat(late)
                .containsEntry(key("children.stage3.panel_report", "late", "2015-08-28"), 1L)
                .containsEntry(key("children.stage3.response_to_report", "late", "2015-09-22"), 1L);
        // Report issued, no response yet: the report is timed, the response is not.
        assertThat(of(append(toThePanel, on("2015-08-27", new PanelReportIssued()))))
                .containsEntry(key("children.stage3.panel_report", "on_time", "2015-08-27"), 1L)
                .doesNotContainKeys(key("children.stage3.response_to_report", "on_time", "2015-09-17"));
    }

    private static EventEnvelope[] append(EventEnvelope[] head, EventEnvelope... tail) {
        EventEnvelope[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void theFirstAcknowledgementIsTheOneJudged() {
        EventEnvelope received = on("2015-06-01", adults(null));
        EventEnvelope first = on("2015-06-03", new ComplaintAcknowledged(1));
        EventEnvelope second = on("2015-06-10", new ComplaintAcknowledged(1));
        Map<KpiKey, Long> expected = Map.of(
                key("adults.stage1.service_area", "Home care", "2015-06-01"), 1L,
                key("adults.stage1.complainant", "ADULT_SERVICE_USER", "2015-06-01"), 1L,
                key("adults.stage1.received", "all", "2015-06-01"), 1L,
                key("adults.stage1.acknowledgement", "on_time", "2015-06-03"), 1L,
                // Still open on 1 December, the day after the six months beginning on 1 June.
                key("adults.stage1.over_six_months", "all", "2015-12-01"), 1L);

        assertThat(of(received, first, second)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(of(received, second, first)).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void adultsWithoutAnAgreedDateAreOnTimeUpToTheDayBeforeTheSameDateSixMonthsOn() {
        EventEnvelope received = on("2015-06-01", adults(null));
        assertThat(of(received, on("2015-11-30", responded(1, Outcome.NOT_UPHELD))))
                .containsEntry(key("adults.stage1.timeliness", "on_time", "2015-11-30"), 1L);
        assertThat(of(received, on("2015-12-01", responded(1, Outcome.NOT_UPHELD))))
                .containsEntry(key("adults.stage1.timeliness", "late", "2015-12-01"), 1L);
    }

    @Test
    void costsAddUpPerCategoryAndDay() {
        assertThat(of(RECEIVED, on("2015-06-05", new CostIncurred(CostCategory.INVESTIGATING_OFFICER, 10_000)),
                on("2015-06-05", new CostIncurred(CostCategory.INVESTIGATING_OFFICER, 2_550)),
                on("2015-06-06", new CostIncurred(CostCategory.MEDIATION, 700))))
                .containsExactlyInAnyOrderEntriesOf(plus(RECEIVED_KEYS, Map.of(
                        key("costs.pence", "INVESTIGATING_OFFICER", "2015-06-05"), 12_550L,
                        key("costs.pence", "MEDIATION", "2015-06-06"), 700L,
                        key("costs.pence_by_regime", "CHILDREN/INVESTIGATING_OFFICER", "2015-06-05"), 12_550L,
                        key("costs.pence_by_regime", "CHILDREN/MEDIATION", "2015-06-06"), 700L)));
    }

    @Test
    void spendCountsUnderItsComplaintsRegimeOrUnspecifiedUnderAReferenceThatIsNoComplaint() {
        assertThat(of(on("COST-1", "2015-06-05", new CostIncurred(CostCategory.MEDIATION, 900))))
                .containsEntry(key("costs.pence_by_regime", "UNSPECIFIED/MEDIATION", "2015-06-05"), 900L);
        assertThat(of(on("2015-06-01", new ComplaintReceived(Regime.CORPORATE, "Waste",
                        ComplainantType.OTHER_SUFFICIENT_INTEREST, null)),
                on("2015-06-05", new CostIncurred(CostCategory.FINANCIAL_REDRESS, 5_000))))
                .containsEntry(key("costs.pence_by_regime", "CORPORATE/FINANCIAL_REDRESS", "2015-06-05"), 5_000L);
    }

    @Test
    void compliment() {
        assertThat(of(on("K-1", "2015-06-01", new ComplimentReceived("Fostering"))))
                .containsExactlyInAnyOrderEntriesOf(Map.of(key("compliments", "Fostering", "2015-06-01"), 1L));
    }

    @Test
    void ombudsmanEnquiryAndDecisionWithRemedy() {
        assertThat(of(on("O-1", "2015-06-01", new OmbudsmanEnquiryReceived(null)),
                on("O-1", "2015-09-01", new OmbudsmanDecision(OmbudsmanOutcome.UPHELD_MALADMINISTRATION_INJUSTICE,
                        50_000))))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        key("ombudsman.enquiries", "unspecified", "2015-06-01"), 1L,
                        key("ombudsman.decisions", "UPHELD_MALADMINISTRATION_INJUSTICE", "2015-09-01"), 1L,
                        key("ombudsman.remedy_pence", "all", "2015-09-01"), 50_000L,
                        // The enquiry names no complaint: its regime is unspecified, and so is its decision's.
                        key("ombudsman.enquiries_by_regime", "UNSPECIFIED", "2015-06-01"), 1L,
                        key("ombudsman.decisions_by_regime", "UNSPECIFIED", "2015-09-01"), 1L,
                        key("ombudsman.fault_found_by_regime", "UNSPECIFIED", "2015-09-01"), 1L,
                        key("ombudsman.detailed_by_regime", "UNSPECIFIED", "2015-09-01"), 1L));
    }

    @Test
    void anOmbudsmanEnquiryNamingAComplaintCountsUnderItsRegimeAndSoDoesItsDecision() {
        assertThat(of(on("O-2", "2015-06-01", new OmbudsmanEnquiryReceived("Waste", "C-9", Regime.CORPORATE)),
                on("O-2", "2015-09-01", new OmbudsmanDecision(OmbudsmanOutcome.NOT_UPHELD, 0))))
                .containsEntry(key("ombudsman.enquiries_by_regime", "CORPORATE", "2015-06-01"), 1L)
                .containsEntry(key("ombudsman.decisions_by_regime", "CORPORATE", "2015-09-01"), 1L)
                .containsEntry(key("ombudsman.detailed_by_regime", "CORPORATE", "2015-09-01"), 1L)
                .doesNotContainKey(key("ombudsman.fault_found_by_regime", "CORPORATE", "2015-09-01"));
    }

    @Test
    void anAdultComplaintClosedWithinSixMonthsIsNeverOpenPastThem() {
        EventEnvelope received = on("2015-06-01", adults(null));
        assertThat(of(received, on("2015-11-30", responded(1, Outcome.NOT_UPHELD))))
                .doesNotContainKey(key("adults.stage1.over_six_months", "all", "2015-12-01"));
        // Answered on 3 December: open past six months from 1 December until then.
        assertThat(of(received, on("2015-12-03", responded(1, Outcome.NOT_UPHELD))))
                .containsEntry(key("adults.stage1.over_six_months", "all", "2015-12-01"), 1L)
                .containsEntry(key("adults.stage1.over_six_months_closed", "all", "2015-12-03"), 1L);
    }

    @Test
    void adrOnAChildrensComplaint() {
        assertThat(of(RECEIVED, on("2015-06-05", new AdrHeld(AdrKind.MEDIATION, true, true)),
                on("2015-06-08", new AdrHeld(AdrKind.CONCILIATION, false, false))))
                .containsExactlyInAnyOrderEntriesOf(plus(RECEIVED_KEYS, Map.of(
                        key("children.adr", "MEDIATION", "2015-06-05"), 1L,
                        key("children.adr_resolved", "MEDIATION", "2015-06-05"), 1L,
                        key("children.adr_prevented_escalation", "MEDIATION", "2015-06-05"), 1L,
                        key("children.adr", "CONCILIATION", "2015-06-08"), 1L)));
    }

    @Test
    void aLaterContextFigureForTheSameYearReplacesTheEarlierWhateverTheArrivalOrder() {
        EventEnvelope later = on("CTX", "2015-06-01", new ContextFigureRecorded(ContextFigure.REFERRALS, "2015/16", 120));
        EventEnvelope earlier = on("CTX", "2015-05-01", new ContextFigureRecorded(ContextFigure.REFERRALS, "2015/16", 100));
        EventEnvelope other = on("CTX", "2015-05-02",
                new ContextFigureRecorded(ContextFigure.CHILDREN_IN_CARE, "2015/16", 50));
        EventEnvelope previousYear = on("CTX", "2015-05-03",
                new ContextFigureRecorded(ContextFigure.REFERRALS, "2014/15", 90));

        assertThat(of(later, earlier, other, previousYear)).containsExactlyInAnyOrderEntriesOf(Map.of(
                key("context", "REFERRALS", "2015-04-01"), 120L,
                key("context", "CHILDREN_IN_CARE", "2015-04-01"), 50L,
                key("context", "REFERRALS", "2014-04-01"), 90L));
    }

    @Test
    void adultsAcknowledgedOnTimeAndRespondedOnTime() {
        Map<KpiKey, Long> expected = Map.of(
                key("adults.stage1.service_area", "Home care", "2015-06-01"), 1L,
                key("adults.stage1.complainant", "ADULT_SERVICE_USER", "2015-06-01"), 1L,
                key("adults.stage1.received", "all", "2015-06-01"), 1L,
                key("adults.stage1.acknowledgement", "on_time", "2015-06-04"), 1L,
                key("adults.stage1.closed", "NOT_UPHELD", "2015-08-31"), 1L,
                key("adults.stage1.timeliness", "on_time", "2015-08-31"), 1L);

        assertThat(of(on("2015-06-01", adults(date("2015-08-31"))), on("2015-06-04", new ComplaintAcknowledged(1)),
                on("2015-08-31", responded(1, Outcome.NOT_UPHELD)))).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void adultsAcknowledgedAndRespondedLate() {
        assertThat(of(on("2015-06-01", adults(date("2015-08-31"))), on("2015-06-05", new ComplaintAcknowledged(1)),
                on("2015-09-01", responded(1, Outcome.NOT_UPHELD))))
                .containsEntry(key("adults.stage1.acknowledgement", "late", "2015-06-05"), 1L)
                .containsEntry(key("adults.stage1.timeliness", "late", "2015-09-01"), 1L)
                .doesNotContainKey(key("adults.stage1.acknowledgement", "on_time", "2015-06-05"));
    }

    @Test
    void deltaKeepsOnlyMovedKeysWithNegativesForRemovedOnes() {
        KpiKey kept = key("m", "a", "2015-06-01");
        KpiKey grown = key("m", "b", "2015-06-01");
        KpiKey removed = key("m", "c", "2015-06-01");
        KpiKey added = key("m", "d", "2015-06-01");

        assertThat(Contributions.delta(Map.of(kept, 1L, grown, 2L, removed, 3L), Map.of(kept, 1L, grown, 5L, added, 4L)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(grown, 3L, removed, -3L, added, 4L));
        assertThat(Contributions.delta(Map.of(kept, 1L), Map.of(kept, 1L))).isEmpty();
    }

    @Test
    void deltaOfALateWithdrawalOfStageTwoLeavesTheAnsweredStageOneAsItWas() {
        EventEnvelope request = on("2015-06-15", new EscalationRequested(2));
        Map<KpiKey, Long> before = of(RECEIVED, RESPONSE, request);
        Map<KpiKey, Long> after = of(RECEIVED, RESPONSE, request, on("2015-06-30", new ComplaintWithdrawn()));

        assertThat(Contributions.delta(before, after)).containsExactlyInAnyOrderEntriesOf(Map.of(
                key("children.stage2.closed", "WITHDRAWN", "2015-06-30"), 1L));
    }
}
