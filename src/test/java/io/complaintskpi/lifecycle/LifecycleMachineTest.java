package io.complaintskpi.lifecycle;

import io.complaintskpi.events.ActionKind;
import io.complaintskpi.events.AdrKind;
import io.complaintskpi.events.Cause;
import io.complaintskpi.events.CauseFinding;
import io.complaintskpi.events.ComplaintEvent.ActionTaken;
import io.complaintskpi.events.ComplaintEvent.AdrHeld;
import io.complaintskpi.events.ComplaintEvent.ComplaintAcknowledged;
import io.complaintskpi.events.ComplaintEvent.ComplaintWithdrawn;
import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.CostIncurred;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanDecision;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
import io.complaintskpi.events.ComplaintEvent.PanelHeld;
import io.complaintskpi.events.ComplaintEvent.PanelReportIssued;
import io.complaintskpi.events.ComplaintEvent.StatementAgreed;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.OmbudsmanOutcome;
import io.complaintskpi.events.Outcome;
import io.complaintskpi.events.Regime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static io.complaintskpi.lifecycle.Cases.adults;
import static io.complaintskpi.lifecycle.Cases.children;
import static io.complaintskpi.lifecycle.Cases.complaint;
import static io.complaintskpi.lifecycle.Cases.date;
import static io.complaintskpi.lifecycle.Cases.on;
import static io.complaintskpi.lifecycle.Cases.replay;
import static io.complaintskpi.lifecycle.Cases.responded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleMachineTest {

    private static final EventEnvelope RECEIVED = on("2015-06-01", children());
    private static final EventEnvelope STAGE1_RESPONSE = on("2015-06-10", responded(1, Outcome.PARTLY_UPHELD,
            new CauseFinding(Cause.FAIRNESS, true), new CauseFinding(Cause.POLICY, false)));
    private static final EventEnvelope TO_STAGE2 = on("2015-06-15", new EscalationRequested(2));
    private static final EventEnvelope STATEMENT = on("2015-06-22", new StatementAgreed());
    private static final EventEnvelope STAGE2_RESPONSE = on("2015-07-20", responded(2, Outcome.NOT_UPHELD));
    private static final EventEnvelope TO_STAGE3 = on("2015-07-27", new EscalationRequested(3));
    private static final EventEnvelope PANEL = on("2015-08-20", new PanelHeld());
    private static final EventEnvelope REPORT = on("2015-08-25", new PanelReportIssued());
    private static final EventEnvelope STAGE3_RESPONSE = on("2015-09-08", responded(3, Outcome.TOTALLY_UPHELD));

    private static void assertRejected(String reason, EventEnvelope... events) {
        EventEnvelope last = events[events.length - 1];
        assertThatThrownBy(() -> replay(events))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("impossible " + last.eventType() + " for " + last.complaintId() + ": " + reason);
    }

    /** The events set aside in the state, each waiting for an earlier step still to arrive, with why. */
    private static void assertAwaiting(String reason, EventEnvelope... events) {
        EventEnvelope last = events[events.length - 1];
        CaseState state = replay(events);
        assertThat(state.awaiting()).singleElement().satisfies(waiting -> {
            assertThat(waiting.event()).isEqualTo(last);
            assertThat(waiting.reason()).isEqualTo(reason);
        });
        assertThat(state).isEqualTo(replay(java.util.Arrays.copyOf(events, events.length - 1))
                .withAwaiting(new Awaiting(last, reason)));
    }

    @Nested
    class ChildrenLegalPaths {

        @Test
        void receiptOpensStageOneWithTheComplaintDetails() {
            CaseState state = replay(RECEIVED);

            assertThat(state.key()).isEqualTo(Cases.KEY);
            assertThat(state.authority()).isEqualTo(Cases.AUTHORITY);
            assertThat(state.ledger()).isEmpty();
            Complaint complaint = state.complaint();
            assertThat(complaint.regime()).isEqualTo(Regime.CHILDREN);
            assertThat(complaint.serviceArea()).isEqualTo("Children in care");
            assertThat(complaint.receivedOn()).isEqualTo(date("2015-06-01"));
            assertThat(complaint.stages()).singleElement().satisfies(stage -> {
                assertThat(stage.number()).isEqualTo(1);
                assertThat(stage.openedOn()).isEqualTo(date("2015-06-01"));
                assertThat(stage.isOpen()).isTrue();
                assertThat(stage.closedOn()).isNull();
            });
        }

        @Test
        void stageOneResponseClosesItWithOutcomeAndCauses() {
            Stage stage = complaint(RECEIVED, STAGE1_RESPONSE).current();

            assertThat(stage.number()).isEqualTo(1);
            assertThat(stage.closure()).isEqualTo(Closure.RESPONDED);
            assertThat(stage.responded()).isTrue();
            assertThat(stage.closedOn()).isEqualTo(date("2015-06-10"));
            assertThat(stage.outcome()).isEqualTo(Outcome.PARTLY_UPHELD);
            assertThat(stage.causes()).containsExactly(
                    new CauseFinding(Cause.FAIRNESS, true), new CauseFinding(Cause.POLICY, false));
        }

        @Test
        void stageOneExtensionWithinTwentyWorkingDays() {
            Stage stage = complaint(RECEIVED, on("2015-06-05", new ExtensionAgreed(1, 20, null))).current();

            assertThat(stage.extendedToWorkingDays()).isEqualTo(20);
            assertThat(stage.isOpen()).isTrue();
        }

        @Test
        void escalationAfterResponseOpensStageTwoAndKeepsStageOne() {
            Complaint complaint = complaint(RECEIVED, STAGE1_RESPONSE, TO_STAGE2);

            assertThat(complaint.stages()).extracting(Stage::number).containsExactly(1, 2);
            assertThat(complaint.stage(1).orElseThrow().closure()).isEqualTo(Closure.RESPONDED);
            assertThat(complaint.stage(1).orElseThrow().closedOn()).isEqualTo(date("2015-06-10"));
            Stage second = complaint.current();
            assertThat(second.number()).isEqualTo(2);
            assertThat(second.openedOn()).isEqualTo(date("2015-06-15"));
            assertThat(second.isOpen()).isTrue();
        }

        @Test
        void escalationWhileStageOneIsOpenClosesItUnresponded() {
            Complaint complaint = complaint(RECEIVED, on("2015-07-01", new EscalationRequested(2)));

            Stage first = complaint.stage(1).orElseThrow();
            assertThat(first.closure()).isEqualTo(Closure.ESCALATED_UNRESPONDED);
            assertThat(first.closedOn()).isEqualTo(date("2015-07-01"));
            assertThat(first.outcome()).isNull();
            assertThat(first.causes()).isEmpty();
            assertThat(complaint.current().number()).isEqualTo(2);
            assertThat(complaint.current().openedOn()).isEqualTo(date("2015-07-01"));
        }

        @Test
        void statementAgreedAndStageTwoResponse() {
            Stage second = complaint(RECEIVED, STAGE1_RESPONSE, TO_STAGE2, STATEMENT,
                    on("2015-07-01", new ExtensionAgreed(2, 65, null)), STAGE2_RESPONSE).current();

            assertThat(second.number()).isEqualTo(2);
            assertThat(second.statementAgreedOn()).isEqualTo(date("2015-06-22"));
            assertThat(second.extendedToWorkingDays()).isEqualTo(65);
            assertThat(second.closure()).isEqualTo(Closure.RESPONDED);
            assertThat(second.outcome()).isEqualTo(Outcome.NOT_UPHELD);
            assertThat(second.closedOn()).isEqualTo(date("2015-07-20"));
        }

        @Test
        void stageThreeAfterAdjudicationThroughPanelReportAndResponse() {
            Complaint complaint = complaint(RECEIVED, STAGE1_RESPONSE, TO_STAGE2, STATEMENT, STAGE2_RESPONSE,
                    TO_STAGE3, PANEL, REPORT, STAGE3_RESPONSE);

            assertThat(complaint.stages()).extracting(Stage::number).containsExactly(1, 2, 3);
            assertThat(complaint.stages()).extracting(Stage::closure).containsOnly(Closure.RESPONDED);
            Stage third = complaint.current();
            assertThat(third.openedOn()).isEqualTo(date("2015-07-27"));
            assertThat(third.panelHeldOn()).isEqualTo(date("2015-08-20"));
            assertThat(third.panelReportOn()).isEqualTo(date("2015-08-25"));
            assertThat(third.closedOn()).isEqualTo(date("2015-09-08"));
            assertThat(third.outcome()).isEqualTo(Outcome.TOTALLY_UPHELD);
            assertThat(complaint.withdrawn()).isFalse();
        }

        @Test
        void stageThreeIsOpenUntilTheResponseToTheReport() {
            Stage third = complaint(RECEIVED, STAGE1_RESPONSE, TO_STAGE2, STAGE2_RESPONSE, TO_STAGE3, PANEL, REPORT)
                    .current();

            assertThat(third.isOpen()).isTrue();
            assertThat(third.panelReportOn()).isEqualTo(date("2015-08-25"));
        }

        @Test
        void withdrawalAtStageOne() {
            Complaint complaint = complaint(RECEIVED, on("2015-06-05", new ComplaintWithdrawn()));

            assertThat(complaint.withdrawn()).isTrue();
            assertThat(complaint.current().closure()).isEqualTo(Closure.WITHDRAWN);
            assertThat(complaint.current().closedOn()).isEqualTo(date("2015-06-05"));
        }

        @Test
        void withdrawalAtStageTwoLeavesStageOneResponded() {
            Complaint complaint = complaint(RECEIVED, STAGE1_RESPONSE, TO_STAGE2,
                    on("2015-06-30", new ComplaintWithdrawn()));

            assertThat(complaint.withdrawn()).isTrue();
            assertThat(complaint.stage(1).orElseThrow().closure()).isEqualTo(Closure.RESPONDED);
            assertThat(complaint.current().number()).isEqualTo(2);
            assertThat(complaint.current().closure()).isEqualTo(Closure.WITHDRAWN);
            assertThat(complaint.current().closedOn()).isEqualTo(date("2015-06-30"));
        }

        @Test
        void withdrawalAtStageThreeKeepsThePanelDates() {
            Complaint complaint = complaint(RECEIVED, STAGE1_RESPONSE, TO_STAGE2, STAGE2_RESPONSE, TO_STAGE3, PANEL,
                    on("2015-08-21", new ComplaintWithdrawn()));

            Stage third = complaint.current();
            assertThat(third.number()).isEqualTo(3);
            assertThat(third.closure()).isEqualTo(Closure.WITHDRAWN);
            assertThat(third.panelHeldOn()).isEqualTo(date("2015-08-20"));
            assertThat(third.closedOn()).isEqualTo(date("2015-08-21"));
        }

        @Test
        void aWithdrawalNeverRewritesAnAnsweredStage() {
            // Answered (upheld) on 18 March, "withdrawn" on 11 April: nothing is open, so nothing to withdraw.
            EventEnvelope received = on("2016-03-01", children());
            EventEnvelope answered = on("2016-03-18", responded(1, Outcome.TOTALLY_UPHELD,
                    new CauseFinding(Cause.FAIRNESS, true)));
            assertRejected("no stage is open to withdraw: stage 1 answered on 2016-03-18",
                    received, answered, on("2016-04-11", new ComplaintWithdrawn()));
            Stage first = complaint(received, answered).current();
            assertThat(first.closure()).isEqualTo(Closure.RESPONDED);
            assertThat(first.outcome()).isEqualTo(Outcome.TOTALLY_UPHELD);
            assertThat(first.closedOn()).isEqualTo(date("2016-03-18"));
        }

        @Test
        void aWithdrawalWithNothingOpenIsRejectedAtEveryStage() {
            assertRejected("no stage is open to withdraw: stage 2 answered on 2015-07-20", RECEIVED,
                    STAGE1_RESPONSE, TO_STAGE2, STAGE2_RESPONSE, on("2015-07-22", new ComplaintWithdrawn()));
            assertRejected("no stage is open to withdraw: stage 1 answered on 2015-07-15",
                    on("2015-06-01", adults(null)), on("2015-07-15", responded(1, Outcome.NOT_UPHELD)),
                    on("2015-07-16", new ComplaintWithdrawn()));
        }

        @Test
        void aWithdrawalDatedBeforeTheAnswerArrivingLateClosesTheStageAndTheAnswerIsRejected() {
            // Withdrawn on 5 June; an answer dated 10 June arrives after it: the stage was no longer open.
            assertRejected("complaint was withdrawn on 2015-06-05", RECEIVED,
                    on("2015-06-05", new ComplaintWithdrawn()), STAGE1_RESPONSE);
        }

        @Test
        void aStageOneAnswerAfterTheStageTwoRequestIsALateAnswer() {
            // Seed section 3.2: stage 1 runs late, the complainant asks for stage 2, the stage 1 answer still comes.
            EventEnvelope request = on("2015-06-25", new EscalationRequested(2));
            EventEnvelope lateAnswer = on("2015-07-02", responded(1, Outcome.PARTLY_UPHELD,
                    new CauseFinding(Cause.FAIRNESS, true)));
            Complaint complaint = complaint(RECEIVED, request, lateAnswer);

            Stage first = complaint.stage(1).orElseThrow();
            assertThat(first.closure()).isEqualTo(Closure.RESPONDED);
            assertThat(first.closedOn()).isEqualTo(date("2015-07-02"));
            assertThat(first.outcome()).isEqualTo(Outcome.PARTLY_UPHELD);
            assertThat(first.causes()).containsExactly(new CauseFinding(Cause.FAIRNESS, true));
            Stage second = complaint.current();
            assertThat(second.number()).isEqualTo(2);
            assertThat(second.openedOn()).isEqualTo(date("2015-06-25"));
            assertThat(second.isOpen()).isTrue();
            // The same two events in the other arrival order give the same complaint.
            assertThat(complaint(RECEIVED, lateAnswer, request)).isEqualTo(complaint);
        }

        @Test
        void aLateStageOneAnswerIsTimedFromTheReceipt() {
            Complaint complaint = complaint(RECEIVED, on("2015-06-25", new EscalationRequested(2)),
                    on("2015-07-02", responded(1, Outcome.NOT_UPHELD)));
            // 1 June to 2 July 2015: 23 working days.
            assertThat(Cases.DUE_DATES.workingDaysTaken(complaint, complaint.stage(1).orElseThrow())).isEqualTo(23);
        }

        @Test
        void onlyTheFirstAcknowledgementCounts() {
            EventEnvelope first = on("2015-06-03", new ComplaintAcknowledged(1));
            EventEnvelope second = on("2015-06-08", new ComplaintAcknowledged(1));
            assertThat(complaint(RECEIVED, first, second).current().acknowledgedOn()).isEqualTo(date("2015-06-03"));
            assertThat(complaint(RECEIVED, second, first).current().acknowledgedOn()).isEqualTo(date("2015-06-03"));
        }

        @Test
        void aSecondExtensionMustLengthenTheFirst() {
            EventEnvelope to20 = on("2015-06-05", new ExtensionAgreed(1, 20, null));
            assertRejected("an extension only lengthens: stage 1 is already extended to 20 working days; "
                    + "15 requested", RECEIVED, to20, on("2015-06-08", new ExtensionAgreed(1, 15, null)));
            assertThat(complaint(RECEIVED, on("2015-06-04", new ExtensionAgreed(1, 15, null)), to20)
                    .current().extendedToWorkingDays()).isEqualTo(20);
        }

        @Test
        void actionsAdrAndCostsOnAComplaintKey() {
            CaseState state = replay(RECEIVED, STAGE1_RESPONSE,
                    on("2015-06-11", new ActionTaken(ActionKind.APOLOGY)),
                    on("2015-06-12", new AdrHeld(AdrKind.MEDIATION, true, true)),
                    on("2015-06-13", new CostIncurred(CostCategory.MEDIATION, 12_500)));

            assertThat(state.complaint().actions()).containsExactly(new Dated<>(date("2015-06-11"), ActionKind.APOLOGY));
            assertThat(state.ledger()).extracting(Dated::on)
                    .containsExactly(date("2015-06-12"), date("2015-06-13"));
        }

        @Test
        void lateEventThatFitsIsPlacedWhereItHappened() {
            // The response arrives before the extension agreed earlier in business time.
            CaseState state = replay(RECEIVED, on("2015-06-25", responded(1, Outcome.NOT_UPHELD)),
                    on("2015-06-10", new ExtensionAgreed(1, 20, null)));

            Stage first = state.complaint().current();
            assertThat(first.extendedToWorkingDays()).isEqualTo(20);
            assertThat(first.closedOn()).isEqualTo(date("2015-06-25"));
        }
    }

    @Nested
    class AdultsLegalPaths {

        @Test
        void singleStageWithAgreedDateAcknowledgementAndResponse() {
            Complaint complaint = complaint(on("2015-06-01", adults(date("2015-08-31"))),
                    on("2015-06-03", new ComplaintAcknowledged(1)),
                    on("2015-07-15", responded(1, Outcome.NOT_UPHELD)));

            assertThat(complaint.regime()).isEqualTo(Regime.ADULTS);
            assertThat(complaint.agreedResponseBy()).isEqualTo(date("2015-08-31"));
            Stage only = complaint.current();
            assertThat(complaint.stages()).hasSize(1);
            assertThat(only.acknowledgedOn()).isEqualTo(date("2015-06-03"));
            assertThat(only.closure()).isEqualTo(Closure.RESPONDED);
            assertThat(only.closedOn()).isEqualTo(date("2015-07-15"));
        }

        @Test
        void extensionToAnAgreedDate() {
            Stage only = complaint(on("2015-06-01", adults(null)),
                    on("2015-07-01", new ExtensionAgreed(1, null, date("2016-01-15")))).current();

            assertThat(only.extendedToDate()).isEqualTo(date("2016-01-15"));
            assertThat(only.extendedToWorkingDays()).isNull();
            assertThat(only.isOpen()).isTrue();
        }

        @Test
        void withdrawal() {
            Complaint complaint = complaint(on("2015-06-01", adults(null)), on("2015-06-20", new ComplaintWithdrawn()));

            assertThat(complaint.withdrawn()).isTrue();
            assertThat(complaint.current().closedOn()).isEqualTo(date("2015-06-20"));
        }
    }

    @Nested
    class KeysThatAreNotComplaints {

        @Test
        void complimentEnquiryAndDecisionGoToTheLedger() {
            CaseState compliment = replay(on("K-1", "2015-06-01", new ComplimentReceived("Fostering")));
            assertThat(compliment.complaint()).isNull();
            assertThat(compliment.ledger()).containsExactly(
                    new Dated<>(date("2015-06-01"), new ComplimentReceived("Fostering")));

            CaseState ombudsman = replay(on("O-1", "2015-06-01", new OmbudsmanEnquiryReceived("Fostering")),
                    on("O-1", "2015-09-01", new OmbudsmanDecision(OmbudsmanOutcome.NOT_UPHELD, 0)));
            assertThat(ombudsman.complaint()).isNull();
            assertThat(ombudsman.ledger()).extracting(d -> d.value().eventType())
                    .containsExactly("OmbudsmanEnquiryReceived", "OmbudsmanDecision");
        }
    }

    @Nested
    class Rejections {

        @Test
        void eventBeforeReceipt() {
            assertRejected("no complaint received under this reference", STAGE1_RESPONSE);
            assertRejected("no complaint received under this reference", on("2015-06-01", new StatementAgreed()));
            assertRejected("no complaint received under this reference",
                    on("2015-06-01", new ActionTaken(ActionKind.APOLOGY)));
        }

        @Test
        void responseDatedBeforeTheReceiptIsRejectedWhereverItArrives() {
            assertRejected("no complaint received under this reference",
                    RECEIVED, on("2015-05-29", responded(1, Outcome.NOT_UPHELD)));
        }

        @Test
        void duplicateReceipt() {
            assertRejected("complaint already received", RECEIVED, on("2015-06-02", children()));
        }

        @Test
        void receiptOnAKeyAlreadyUsedForSomethingElse() {
            assertRejected("key already used for ComplimentReceived",
                    on("2015-06-01", new ComplimentReceived("Fostering")), on("2015-06-02", children()));
        }

        @Test
        void stageNotCurrent() {
            assertRejected("stage 1 is not the current stage (2)", RECEIVED, STAGE1_RESPONSE, TO_STAGE2,
                    on("2015-06-20", new ExtensionAgreed(1, 20, null)));
        }

        @Test
        void stageAlreadyClosed() {
            assertRejected("stage 1 already closed on 2015-06-10",
                    RECEIVED, STAGE1_RESPONSE, on("2015-06-11", responded(1, Outcome.NOT_UPHELD)));
            assertRejected("stage 2 already closed on 2015-07-20",
                    RECEIVED, STAGE1_RESPONSE, TO_STAGE2, STAGE2_RESPONSE, on("2015-07-21", new StatementAgreed()));
        }

        @Test
        void escalationSkippingAStage() {
            assertRejected("cannot go from stage 2 to stage 2", RECEIVED, STAGE1_RESPONSE, TO_STAGE2,
                    on("2015-06-16", new EscalationRequested(2)));
        }

        @Test
        void aLaterStageBeforeItsRequestWaitsForIt() {
            assertAwaiting("waits for the request for stage 2", RECEIVED, STAGE2_RESPONSE);
            assertAwaiting("waits for the request for stage 2", RECEIVED, STATEMENT);
            assertAwaiting("waits for the request for stage 2", RECEIVED, on("2015-06-15", new EscalationRequested(3)));
            assertAwaiting("waits for the request for stage 3", RECEIVED, STAGE1_RESPONSE, TO_STAGE2, PANEL);
            assertAwaiting("stage 3 needs the stage 2 adjudication first", RECEIVED, STAGE1_RESPONSE, TO_STAGE2,
                    STATEMENT, TO_STAGE3);
            assertAwaiting("a panel report waits for the panel to be held", RECEIVED, STAGE1_RESPONSE,
                    TO_STAGE2, STAGE2_RESPONSE, TO_STAGE3, REPORT);
            assertAwaiting("the authority responds at stage 3 only after the panel's report", RECEIVED,
                    STAGE1_RESPONSE, TO_STAGE2, STAGE2_RESPONSE, TO_STAGE3, PANEL, STAGE3_RESPONSE);
        }

        @Test
        void aWaitingEventTakesItsPlaceWhenTheMissingStepArrives() {
            CaseState inOrder = replay(RECEIVED, STAGE1_RESPONSE, TO_STAGE2, STATEMENT, STAGE2_RESPONSE);
            CaseState stageTwoFirst = replay(RECEIVED, STAGE2_RESPONSE, STATEMENT, STAGE1_RESPONSE, TO_STAGE2);
            assertThat(stageTwoFirst.awaiting()).isEmpty();
            assertThat(stageTwoFirst).isEqualTo(inOrder);
        }

        @Test
        void adultsEscalating() {
            assertRejected("adult social care has one local stage; next is the Ombudsman",
                    on("2015-06-01", adults(null)), on("2015-07-01", responded(1, Outcome.NOT_UPHELD)),
                    on("2015-07-02", new EscalationRequested(2)));
        }


        @Test
        void panelHeldTwice() {
            assertRejected("panel already held on 2015-08-20", RECEIVED, STAGE1_RESPONSE, TO_STAGE2,
                    STAGE2_RESPONSE, TO_STAGE3, PANEL, on("2015-08-21", new PanelHeld()));
        }

        @Test
        void secondPanelReport() {
            assertRejected("the panel already reported on 2015-08-25", RECEIVED, STAGE1_RESPONSE,
                    TO_STAGE2, STAGE2_RESPONSE, TO_STAGE3, PANEL, REPORT, on("2015-08-26", new PanelReportIssued()));
        }

        @Test
        void extensionOverTheStatutoryMaximum() {
            assertRejected("children's stage 1 may be extended to at most 20 working days (SI 2006/1738 reg 14); "
                    + "21 requested", RECEIVED, on("2015-06-05", new ExtensionAgreed(1, 21, null)));
            assertRejected("children's stage 2 may be extended to at most 65 working days (SI 2006/1738 reg 17); "
                    + "66 requested", RECEIVED, STAGE1_RESPONSE, TO_STAGE2,
                    on("2015-06-20", new ExtensionAgreed(2, 66, null)));
        }

        @Test
        void extensionAtTheMaximumIsAccepted() {
            assertThat(complaint(RECEIVED, STAGE1_RESPONSE, TO_STAGE2, on("2015-06-20", new ExtensionAgreed(2, 65, null)))
                    .current().extendedToWorkingDays()).isEqualTo(65);
        }

        @Test
        void anExtensionThatWouldShortenTheLimitIsRejected() {
            assertRejected("an extension lengthens the limit: children's stage 1 may be extended to 11-20 working"
                    + " days in total (SI 2006/1738 reg 14); 5 requested",
                    RECEIVED, on("2015-06-05", new ExtensionAgreed(1, 5, null)));
            assertRejected("an extension lengthens the limit: children's stage 2 may be extended to 26-65 working"
                    + " days in total (SI 2006/1738 reg 17); 25 requested", RECEIVED, STAGE1_RESPONSE, TO_STAGE2,
                    on("2015-06-20", new ExtensionAgreed(2, 25, null)));
        }

        @Test
        void stageThreeTimescalesCannotBeExtended() {
            assertRejected("children's stage 3 timescales cannot be extended (SI 2006/1738 reg 20); "
                    + "16 working days requested", RECEIVED, STAGE1_RESPONSE, TO_STAGE2, STAGE2_RESPONSE, TO_STAGE3,
                    on("2015-07-28", new ExtensionAgreed(3, 16, null)));
        }

        @Test
        void stageThreeExtensionWithinFifteenDaysIsRejectedToo() {
            assertRejected("children's stage 3 timescales cannot be extended (SI 2006/1738 reg 20); "
                    + "10 working days requested", RECEIVED, STAGE1_RESPONSE, TO_STAGE2, STAGE2_RESPONSE, TO_STAGE3,
                    on("2015-07-28", new ExtensionAgreed(3, 10, null)));
        }

        @Test
        void childrenExtensionWithoutWorkingDays() {
            assertRejected("a children's extension gives workingDays",
                    RECEIVED, on("2015-06-05", new ExtensionAgreed(1, null, date("2015-07-01"))));
        }

        @Test
        void adultsExtensionWithoutAgreedDate() {
            assertRejected("an adult social care extension gives the agreedDate",
                    on("2015-06-01", adults(null)), on("2015-06-05", new ExtensionAgreed(1, 20, null)));
        }

        @Test
        void authorityMismatch() {
            EventEnvelope other = new EventEnvelope(UUID.randomUUID(), OffsetDateTime.parse("2015-06-10T10:00:00+01:00"),
                    Cases.KEY, "E09000001", 1, responded(1, Outcome.NOT_UPHELD));
            assertRejected("belongs to authority E10000018, not E09000001", RECEIVED, other);
        }

        @Test
        void complimentOrEnquiryOnAComplaintKey() {
            assertRejected("key is a complaint reference; use its own reference",
                    RECEIVED, on("2015-06-02", new ComplimentReceived("Fostering")));
            assertRejected("key is a complaint reference; use its own reference",
                    RECEIVED, on("2015-06-02", new OmbudsmanEnquiryReceived("Fostering")));
        }

        @Test
        void ombudsmanDecisionWithoutEnquiry() {
            assertRejected("no Ombudsman enquiry received under this reference",
                    on("O-1", "2015-09-01", new OmbudsmanDecision(OmbudsmanOutcome.UPHELD, 50_000)));
            assertRejected("no Ombudsman enquiry received under this reference",
                    RECEIVED, on("2015-09-01", new OmbudsmanDecision(OmbudsmanOutcome.UPHELD, 50_000)));
        }

        @Test
        void eventsAfterWithdrawal() {
            EventEnvelope withdrawn = on("2015-06-05", new ComplaintWithdrawn());
            String reason = "complaint was withdrawn on 2015-06-05";
            assertRejected(reason, RECEIVED, withdrawn, on("2015-06-08", responded(1, Outcome.NOT_UPHELD)));
            assertRejected(reason, RECEIVED, withdrawn, on("2015-06-08", new EscalationRequested(2)));
            assertRejected(reason, RECEIVED, withdrawn, on("2015-06-08", new ComplaintWithdrawn()));
            assertRejected(reason, RECEIVED, withdrawn, on("2015-06-08", new ComplaintAcknowledged(1)));
            assertRejected(reason, RECEIVED, withdrawn, on("2015-06-08", new ExtensionAgreed(1, 20, null)));
        }

        @Test
        void costsMayFollowAWithdrawal() {
            CaseState state = replay(RECEIVED, on("2015-06-05", new ComplaintWithdrawn()),
                    on("2015-06-08", new CostIncurred(CostCategory.INVESTIGATING_OFFICER, 10_000)));
            assertThat(state.ledger()).hasSize(1);
        }

        @Test
        void actionsAndAdrAfterWithdrawal() {
            EventEnvelope withdrawn = on("2015-06-05", new ComplaintWithdrawn());
            String reason = "complaint was withdrawn on 2015-06-05";
            assertRejected(reason, RECEIVED, withdrawn, on("2015-06-08", new ActionTaken(ActionKind.APOLOGY)));
            assertRejected(reason, RECEIVED, withdrawn, on("2015-06-08", new AdrHeld(AdrKind.MEDIATION, true, false)));
        }
    }

    @Test
    void replayOfNothingIsNoState() {
        assertThat(Cases.MACHINE.replay(Cases.KEY, CaseHistory.empty())).isNull();
    }
}
