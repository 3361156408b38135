package io.complaintskpi.lifecycle;

import io.complaintskpi.events.ComplaintEvent;
import io.complaintskpi.events.ComplaintEvent.ActionTaken;
import io.complaintskpi.events.ComplaintEvent.AdrHeld;
import io.complaintskpi.events.ComplaintEvent.ComplaintAcknowledged;
import io.complaintskpi.events.ComplaintEvent.ComplaintReceived;
import io.complaintskpi.events.ComplaintEvent.ComplaintWithdrawn;
import io.complaintskpi.events.ComplaintEvent.ComplimentReceived;
import io.complaintskpi.events.ComplaintEvent.ContextFigureRecorded;
import io.complaintskpi.events.ComplaintEvent.CostIncurred;
import io.complaintskpi.events.ComplaintEvent.EscalationRequested;
import io.complaintskpi.events.ComplaintEvent.ExtensionAgreed;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanDecision;
import io.complaintskpi.events.ComplaintEvent.OmbudsmanEnquiryReceived;
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
 * The legal transitions of both regimes. Children's complaints run stage 1 -> 2 -> 3; adults' have one
 * local stage. Anything else is rejected with the reason, and the state is left as it was.
 */
public final class LifecycleMachine {

    private final Timescales timescales;

    public LifecycleMachine(Timescales timescales) {
        this.timescales = timescales;
    }

    /** Replays a whole history; throws {@link IllegalTransitionException} at the first impossible event. */
    public CaseState replay(String key, CaseHistory history) {
        CaseState state = null;
        for (EventEnvelope event : history.events()) {
            state = apply(state == null ? CaseState.empty(key, event.authority()) : state, event);
        }
        return state;
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
            return state.withComplaint(new Complaint(received.regime(), received.serviceArea(),
                    received.complainantType(), on, received.agreedResponseBy(), List.of(Stage.opened(1, on)),
                    List.of()));
        }
        if (event instanceof CostIncurred || event instanceof ComplimentReceived
                || event instanceof OmbudsmanEnquiryReceived || event instanceof ContextFigureRecorded) {
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

    private Complaint stageTransition(Complaint complaint, EventEnvelope envelope, LocalDate on) {
        ComplaintEvent event = envelope.event();
        Stage current = complaint.current();
        if (event instanceof ComplaintWithdrawn) {
            // Withdrawal after a response corrects that stage's outcome to withdrawn.
            return complaint.withCurrent(current.closed(on, Closure.WITHDRAWN, null, List.of()));
        }
        if (event instanceof EscalationRequested escalation) {
            return escalate(complaint, envelope, escalation.toStage(), on);
        }
        int stage = stageOf(event);
        if (stage != current.number()) {
            throw reject(envelope, "stage " + stage + " is not the current stage (" + current.number() + ")");
        }
        if (!current.isOpen()) {
            throw reject(envelope, "stage " + stage + " already closed on " + current.closedOn());
        }
        if (event instanceof ComplaintAcknowledged) {
            return complaint.withCurrent(current.acknowledged(on));
        }
        if (event instanceof ExtensionAgreed extension) {
            if (complaint.regime() == Regime.CHILDREN) {
                if (extension.workingDays() == null) {
                    throw reject(envelope, "a children's extension gives workingDays");
                }
                timescales.extensionViolation(complaint.regime(), stage, extension.workingDays())
                        .ifPresent(reason -> { throw reject(envelope, reason); });
            }
            if (complaint.regime() == Regime.ADULTS && extension.agreedDate() == null) {
                throw reject(envelope, "an adult social care extension gives the agreedDate");
            }
            return complaint.withCurrent(current.extended(extension.workingDays(), extension.agreedDate()));
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
            if (current.panelHeldOn() == null || current.panelReportOn() != null) {
                throw reject(envelope, "a panel report needs a panel held and no report yet");
            }
            return complaint.withCurrent(current.panelReport(on));
        }
        StageResponded response = (StageResponded) event;
        if (stage == 3 && current.panelReportOn() == null) {
            throw reject(envelope, "the authority responds at stage 3 only after the panel's report");
        }
        return complaint.withCurrent(current.closed(on, Closure.RESPONDED, response.outcome(), response.causes()));
    }

    private Complaint escalate(Complaint complaint, EventEnvelope envelope, int toStage, LocalDate on) {
        Stage current = complaint.current();
        if (complaint.regime() == Regime.ADULTS) {
            throw reject(envelope, "adult social care has one local stage; next is the Ombudsman");
        }
        if (toStage != current.number() + 1) {
            throw reject(envelope, "cannot go from stage " + current.number() + " to stage " + toStage);
        }
        if (current.isOpen() && toStage == 3) {
            throw reject(envelope, "stage 3 needs the stage 2 adjudication first");
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

    private static IllegalTransitionException reject(EventEnvelope envelope, String why) {
        return new IllegalTransitionException("impossible " + envelope.eventType() + " for "
                + envelope.complaintId() + ": " + why);
    }
}
