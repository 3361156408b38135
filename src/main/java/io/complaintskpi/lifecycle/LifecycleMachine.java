package io.complaintskpi.lifecycle;

import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.ComplaintEvent.ActionTaken;
import io.complaintskpi.events.ComplaintEvent.AdrHeld;
import io.complaintskpi.events.ComplaintEvent.ComplaintAcknowledged;
import io.complaintskpi.events.ComplaintEvent.ComplaintNotAccepted;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.ComplaintWithdrawn;
import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.ContextFigureRecorded;
import io.complaintskpi.events.ComplaintEvent.CostIncurred;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanDecision;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanRecommendationCompleted;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanRecommendationMade;
import io.complaintskpi.events.ComplaintEvent.PanelHeld;
import io.complaintskpi.events.ComplaintEvent.PanelReportIssued;
import io.complaintskpi.events.ComplaintEvent.StageResponded;
import io.complaintskpi.events.ComplaintEvent.StatementAgreed;
import io.complaintskpi.events.EventEnvelope;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.Timescales;

import java.time.LocalDate;
import java.util.List;

/**
 * The legal transitions of the three regimes. Children's complaints run stage 1 -> 2 -> 3, corporate ones
 * stage 1 -> 2; adults' have one local stage. A corporate complaint the council did not accept is an event of its
 * own reference, never a received complaint. An event that contradicts the history is rejected with the reason, and the state is left
 * as it was. An event that only waits for one that has not arrived yet (a stage 2 step before the stage 2
 * request, a panel report before the panel) is kept aside in {@link CaseState#awaiting()}, counted nowhere,
 * and takes its place once the missing event arrives: the state depends on the events, not on the order
 * they arrived in. A withdrawal with no stage open on its date withdraws nothing: arriving so, it is
 * rejected; stored before an earlier-dated answer arrived, it is kept aside the same way (the answer counts).
 */
public final class LifecycleMachine {

    private final Timescales timescales;

    public LifecycleMachine(Timescales timescales) {
        this.timescales = timescales;
    }

    /**
     * Replays a whole history in business-time order; throws {@link IllegalTransitionException} at the
     * first impossible event and sets aside those that wait for an earlier step still to arrive.
     */
    public CaseState replay(String key, CaseHistory history) {
        CaseState state = null;
        for (EventEnvelope event : history.events()) {
            state = step(key, state, event, history.arriving(event));
        }
        return state;
    }

    /**
     * The state after one more event that arrives later in business time than every event of the history
     * {@code state} was replayed from (null: an empty history): the last step of {@link #replay}, so equal to
     * replaying the whole history with the event appended, without walking it again.
     */
    public CaseState next(String key, CaseState state, EventEnvelope arriving) {
        return step(key, state, arriving, true);
    }

    /**
     * The state after one more event of a stored history, taken in the history's order: {@link #replay} one
     * step at a time, so a walk through a history sees the state after each of its events in one pass.
     */
    public CaseState replayStep(String key, CaseState state, EventEnvelope stored) {
        return step(key, state, stored, false);
    }

    private CaseState step(String key, CaseState state, EventEnvelope event, boolean arriving) {
        CaseState current = state == null ? CaseState.empty(key, event.authority()) : state;
        try {
            return apply(current, event);
        } catch (NotYet waiting) {
            return current.withAwaiting(new Awaiting(event, waiting.getMessage()));
        } catch (NothingToWithdraw nothing) {
            if (arriving) {
                throw reject(event, nothing.getMessage());
            }
            return current.withAwaiting(new Awaiting(event, nothing.getMessage()));
        }
    }

    CaseState apply(CaseState state, EventEnvelope envelope) {
        if (!state.authority().equals(envelope.authority())) {
            throw reject(envelope, "belongs to authority " + state.authority() + ", not " + envelope.authority());
        }
        LocalDate on = envelope.businessDate();
        ComplaintEvent event = envelope.event();
        Complaint complaint = state.complaint();
        if (event instanceof ComplaintReceived received) {
            if (complaint != null) {
                throw reject(envelope, "complaint already received");
            }
            if (!state.ledger().isEmpty()) {
                throw reject(envelope, "key already used for " + state.ledger().get(0).value().eventType());
            }
            return state.withComplaint(new Complaint(state.authority(), received.regime(), received.serviceArea(),
                    received.complainantType(), on, received.agreedResponseBy(), List.of(Stage.opened(1, on)),
                    List.of()));
        }
        if (event instanceof CostIncurred || event instanceof ComplimentReceived
                || event instanceof OmbudsmanEnquiryReceived || event instanceof ContextFigureRecorded
                || event instanceof ComplaintNotAccepted) {
            if (complaint != null && !(event instanceof CostIncurred)) {
                throw reject(envelope, "key is a complaint reference; use its own reference");
            }
            return state.withLedger(new Dated<>(on, event));
        }
        if (event instanceof OmbudsmanDecision) {
            if (!state.has(OmbudsmanEnquiryReceived.class)) {
                throw reject(envelope, "no Ombudsman enquiry received under this reference");
            }
            return state.withLedger(new Dated<>(on, event));
        }
        if (event instanceof OmbudsmanRecommendationMade made) {
            return recommend(state, envelope, made, on);
        }
        if (event instanceof OmbudsmanRecommendationCompleted done) {
            return complete(state, envelope, done);
        }
        if (complaint == null) {
            throw reject(envelope, "no complaint received under this reference");
        }
        if (complaint.withdrawn()) {
            throw reject(envelope, "complaint was withdrawn on " + complaint.current().closedOn());
        }
        if (event instanceof AdrHeld) {
            return state.withLedger(new Dated<>(on, event));
        }
        if (event instanceof ActionTaken action) {
            return state.withComplaint(complaint.withAction(new Dated<>(on, action.action())));
        }
        return state.withComplaint(stageTransition(complaint, envelope, on));
    }

    /**
     * A recommendation comes with the Ombudsman's decision on the case: before the decision is known it waits for it.
     * Each number is made once, due on or after the day it is made.
     */
    private static CaseState recommend(CaseState state, EventEnvelope envelope, OmbudsmanRecommendationMade made,
                                       LocalDate on) {
        if (state.complaint() != null) {
            throw reject(envelope, "key is a complaint reference; use the Ombudsman case reference");
        }
        if (!state.has(OmbudsmanDecision.class)) {
            throw new NotYet("a recommendation waits for the Ombudsman's decision on the case");
        }
        state.recommendation(made.recommendation()).ifPresent(earlier -> {
            throw reject(envelope, "recommendation " + made.recommendation() + " already made on " + earlier.madeOn());
        });
        if (made.dueDate().isBefore(on)) {
            throw reject(envelope, "due date " + made.dueDate() + " is before the recommendation (" + on + ")");
        }
        return state.withLedger(new Dated<>(on, made));
    }

    /** A completion waits for its recommendation; once complied with (evidence sent) it cannot be completed again. */
    private static CaseState complete(CaseState state, EventEnvelope envelope, OmbudsmanRecommendationCompleted done) {
        if (state.complaint() != null) {
            throw reject(envelope, "key is a complaint reference; use the Ombudsman case reference");
        }
        Recommendation recommendation = state.recommendation(done.recommendation()).orElseThrow(
                () -> new NotYet("waits for recommendation " + done.recommendation()));
        if (recommendation.completed()) {
            throw reject(envelope, "recommendation " + done.recommendation() + " already completed with evidence on "
                    + recommendation.completedOn());
        }
        return state.withLedger(new Dated<>(envelope.businessDate(), done));
    }

    private Complaint stageTransition(Complaint complaint, EventEnvelope envelope, LocalDate on) {
        ComplaintEvent event = envelope.event();
        Stage current = complaint.current();
        if (event instanceof StatementAgreed && complaint.regime() != Regime.CHILDREN) {
            throw reject(envelope, "a statement of complaint belongs to the children's stage 2 only");
        }
        if (event instanceof ComplaintWithdrawn) {
            // A withdrawal closes the stage open on its date; an answered stage stays answered.
            if (!current.isOpen()) {
                throw new NothingToWithdraw("no stage is open to withdraw: stage " + current.number() + " "
                        + describe(current.closure()) + " on " + current.closedOn());
            }
            return complaint.withCurrent(current.closed(on, Closure.WITHDRAWN, null, List.of()));
        }
        if (event instanceof EscalationRequested escalation) {
            return escalate(complaint, envelope, escalation.toStage(), on);
        }
        int stage = stageOf(event);
        if (stage > current.number() && stage <= Timescales.stages(complaint.regime())) {
            throw new NotYet("waits for the request for stage " + stage);
        }
        if (event instanceof StageResponded response && stage < current.number()) {
            return answerLate(complaint, envelope, response, on);
        }
        if (stage != current.number()) {
            throw reject(envelope, "stage " + stage + " is not the current stage (" + current.number() + ")");
        }
        if (!current.isOpen()) {
            throw reject(envelope, "stage " + stage + " already closed on " + current.closedOn());
        }
        if (event instanceof ComplaintAcknowledged) {
            // The first acknowledgement counts for the time limit; a later one does not move it.
            return current.acknowledgedOn() != null ? complaint : complaint.withCurrent(current.acknowledged(on));
        }
        if (event instanceof ExtensionAgreed extension) {
            if (complaint.regime() == Regime.CORPORATE) {
                checkCorporateExtension(complaint, current, envelope, extension);
            }
            if (complaint.regime() == Regime.CHILDREN) {
                if (extension.workingDays() == null) {
                    throw reject(envelope, "a children's extension gives workingDays");
                }
                timescales.extensionViolation(complaint.regime(), stage, extension.workingDays())
                        .ifPresent(reason -> { throw reject(envelope, reason); });
                if (current.extendedToWorkingDays() != null
                        && extension.workingDays() <= current.extendedToWorkingDays()) {
                    throw reject(envelope, "an extension only lengthens: stage " + stage + " is already extended to "
                            + current.extendedToWorkingDays() + " working days; " + extension.workingDays()
                            + " requested");
                }
            }
            if (complaint.regime() == Regime.ADULTS && extension.agreedDate() == null) {
                throw reject(envelope, "an adult social care extension gives the agreedDate");
            }
            return complaint.withCurrent(current.extended(extension.workingDays(), extension.agreedDate(),
                    extension.withReason()));
        }
        if (event instanceof StatementAgreed) {
            return complaint.withCurrent(current.statementAgreed(on));
        }
        if (event instanceof PanelHeld) {
            if (current.panelHeldOn() != null) {
                throw reject(envelope, "panel already held on " + current.panelHeldOn());
            }
            return complaint.withCurrent(current.panelHeld(on));
        }
        if (event instanceof PanelReportIssued) {
            if (current.panelReportOn() != null) {
                throw reject(envelope, "the panel already reported on " + current.panelReportOn());
            }
            if (current.panelHeldOn() == null) {
                throw new NotYet("a panel report waits for the panel to be held");
            }
            return complaint.withCurrent(current.panelReport(on));
        }
        StageResponded response = (StageResponded) event;
        if (stage == 3 && current.panelReportOn() == null) {
            throw new NotYet("the authority responds at stage 3 only after the panel's report");
        }
        return complaint.withCurrent(current.closed(on, Closure.RESPONDED, response.outcome(), response.causes()));
    }

    /**
     * A corporate extension is the council's decision (Complaint Handling Code 6.4): any length it tells the
     * complainant is accepted (one longer than the Code allows without a reason is counted, not refused), but it
     * gives a working-day limit that lengthens the council's own and any earlier extension.
     */
    private void checkCorporateExtension(Complaint complaint, Stage current, EventEnvelope envelope,
                                         ExtensionAgreed extension) {
        if (extension.workingDays() == null) {
            throw reject(envelope, "a corporate extension gives workingDays: the new total limit from the"
                    + " acknowledgement");
        }
        int limit = current.extendedToWorkingDays() != null ? current.extendedToWorkingDays()
                : timescales.corporate(complaint.authority()).response(current.number());
        if (extension.workingDays() <= limit) {
            throw reject(envelope, "an extension lengthens the limit: corporate stage " + current.number()
                    + " already has " + limit + " working days from the acknowledgement; " + extension.workingDays()
                    + " requested");
        }
    }

    /**
     * The answer to a stage the complainant left unanswered for the next one: the stage is answered late,
     * on the response date with its outcome; the next stage stays open from its request.
     */
    private Complaint answerLate(Complaint complaint, EventEnvelope envelope, StageResponded response,
                                 LocalDate on) {
        Stage earlier = complaint.stage(response.stage()).orElseThrow();
        if (earlier.closure() != Closure.ESCALATED_UNRESPONDED) {
            throw reject(envelope, "stage " + earlier.number() + " already " + describe(earlier.closure()) + " on "
                    + earlier.closedOn());
        }
        return complaint.withStage(earlier.number(),
                earlier.closed(on, Closure.RESPONDED, response.outcome(), response.causes()));
    }

    private Complaint escalate(Complaint complaint, EventEnvelope envelope, int toStage, LocalDate on) {
        Stage current = complaint.current();
        if (complaint.regime() == Regime.ADULTS) {
            throw reject(envelope, "adult social care has one local stage; next is the Ombudsman");
        }
        if (toStage > Timescales.stages(complaint.regime())) {
            throw reject(envelope, "corporate complaints have two stages; after stage 2 comes the Ombudsman");
        }
        if (toStage > current.number() + 1 && toStage <= Timescales.stages(complaint.regime())) {
            throw new NotYet("waits for the request for stage " + (toStage - 1));
        }
        if (toStage != current.number() + 1) {
            throw reject(envelope, "cannot go from stage " + current.number() + " to stage " + toStage);
        }
        if (current.isOpen() && toStage == 3) {
            throw new NotYet("stage 3 needs the stage 2 adjudication first");
        }
        Complaint closed = current.isOpen()
                ? complaint.withCurrent(current.closed(on, Closure.ESCALATED_UNRESPONDED, null, List.of()))
                : complaint;
        return closed.withStage(Stage.opened(toStage, on));
    }

    private static int stageOf(ComplaintEvent event) {
        if (event instanceof ComplaintAcknowledged e) {
            return e.stage();
        }
        if (event instanceof ExtensionAgreed e) {
            return e.stage();
        }
        if (event instanceof StageResponded e) {
            return e.stage();
        }
        if (event instanceof StatementAgreed) {
            return 2;
        }
        return 3; // PanelHeld, PanelReportIssued
    }

    /**
     * Where an event goes among events of the same instant: the lifecycle order (receipt, then each stage's
     * request, acknowledgement, extension or statement, panel, report, response), then everything else.
     */
    static int sameInstantRank(ComplaintEvent event) {
        if (event instanceof ComplaintReceived) {
            return 10;
        }
        if (event instanceof EscalationRequested e) {
            return 10 * e.toStage();
        }
        if (event instanceof ComplaintAcknowledged || event instanceof ExtensionAgreed
                || event instanceof StatementAgreed || event instanceof PanelHeld
                || event instanceof PanelReportIssued || event instanceof StageResponded) {
            int step = event instanceof ComplaintAcknowledged ? 1
                    : event instanceof PanelHeld ? 3
                    : event instanceof PanelReportIssued ? 4
                    : event instanceof StageResponded ? 5 : 2;
            return 10 * stageOf(event) + step;
        }
        if (event instanceof OmbudsmanRecommendationMade) {
            return 110; // after the decision it belongs to
        }
        if (event instanceof OmbudsmanRecommendationCompleted) {
            return 120;
        }
        return 100;
    }

    private static String describe(Closure closure) {
        return switch (closure) {
            case RESPONDED -> "answered";
            case WITHDRAWN -> "withdrawn";
            case ESCALATED_UNRESPONDED -> "left unanswered for the next stage";
        };
    }

    /** An event that waits for an earlier step still to arrive; not a contradiction. */
    private static final class NotYet extends RuntimeException {
        NotYet(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A withdrawal dated when no stage is open: it withdraws nothing. */
    private static final class NothingToWithdraw extends RuntimeException {
        NothingToWithdraw(String reason) {
            super(reason, null, false, false);
        }
    }

    private static IllegalTransitionException reject(EventEnvelope envelope, String why) {
        return new IllegalTransitionException("impossible " + envelope.eventType() + " for "
                + envelope.complaintId() + ": " + why);
    }
}
