package io.complaintskpi.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The family of events upstream systems publish; one record per {@code eventType}. The business date
 * of every event is its envelope's {@code occurredAt} in Europe/London, so no payload repeats it.
 */
public sealed interface ComplaintEvent {

    /** A complaint received: stage 1 for children's care, the single local stage for adults. */
    record ComplaintReceived(Regime regime, String serviceArea, ComplainantType complainantType,
                             LocalDate agreedResponseBy) implements ComplaintEvent {}

    /** The authority acknowledged a stage (adults: within 3 working days). */
    record ComplaintAcknowledged(int stage) implements ComplaintEvent {}

    /**
     * The complainant agreed (corporate: was told of) more time: a working-day limit (children, corporate) or a
     * date (adults). {@code reasonRecorded} (corporate) says the council recorded its reason for an extension
     * longer than the Complaint Handling Code allows without one.
     */
    record ExtensionAgreed(int stage, Integer workingDays, LocalDate agreedDate, Boolean reasonRecorded)
            implements ComplaintEvent {
        public ExtensionAgreed(int stage, Integer workingDays, LocalDate agreedDate) {
            this(stage, workingDays, agreedDate, null);
        }

        /** Whether a reason was recorded; absent means none. */
        public boolean withReason() {
            return Boolean.TRUE.equals(reasonRecorded);
        }
    }

    /** The complainant asked for the next stage (2 or 3). */
    record EscalationRequested(int toStage) implements ComplaintEvent {}

    /** Stage 2's statement of complaint was agreed with the complainant. */
    record StatementAgreed() implements ComplaintEvent {}

    /** The authority responded to a stage (for stage 3, its response to the panel's report). */
    record StageResponded(int stage, Outcome outcome, List<CauseFinding> causes) implements ComplaintEvent {
        public StageResponded {
            causes = causes == null ? List.of() : List.copyOf(causes);
        }
    }

    /** The complainant withdrew the complaint at its current stage. */
    record ComplaintWithdrawn() implements ComplaintEvent {}

    /** The stage 3 review panel met. */
    record PanelHeld() implements ComplaintEvent {}

    /** The stage 3 review panel issued its report. */
    record PanelReportIssued() implements ComplaintEvent {}

    /** A mediation or conciliation meeting was held. */
    record AdrHeld(AdrKind kind, boolean resolved, boolean preventedEscalation) implements ComplaintEvent {}

    /** Money spent on the complaints procedure, in integer pence. */
    record CostIncurred(CostCategory category, long amountPence) implements ComplaintEvent {}

    /** Something done in response to an upheld complaint. */
    record ActionTaken(ActionKind action) implements ComplaintEvent {}

    /**
     * The council did not accept a corporate complaint, for a reason from the Complaint Handling Code's closed
     * list; keyed by the complaint's own reference, never received as a complaint, never timed.
     */
    record ComplaintNotAccepted(String serviceArea, NotAcceptedReason reason) implements ComplaintEvent {}

    /** A compliment about a service; keyed by the compliment's own reference. */
    record ComplimentReceived(String serviceArea) implements ComplaintEvent {}

    /**
     * The Ombudsman opened an enquiry; keyed by the Ombudsman case reference. Optionally (payload revision 2) the
     * reference of the council's complaint it arose from and that complaint's regime.
     */
    record OmbudsmanEnquiryReceived(String serviceArea, String complaintReference, Regime regime)
            implements ComplaintEvent {
        /** An enquiry not linked to a complaint (revision 1). */
        public OmbudsmanEnquiryReceived(String serviceArea) {
            this(serviceArea, null, null);
        }
    }

    /** The Ombudsman decided a case, with any remedy paid in integer pence. */
    record OmbudsmanDecision(OmbudsmanOutcome outcome, long remedyPence) implements ComplaintEvent {}

    /**
     * The Ombudsman recommended a remedy on a case, keyed by the Ombudsman case reference: its number among the
     * decision's recommendations, what kind, for a payment the amount in integer pence (0 otherwise), and the date it
     * set for the council to comply by.
     */
    record OmbudsmanRecommendationMade(int recommendation, RecommendationKind kind, long amountPence,
                                       LocalDate dueDate) implements ComplaintEvent {}

    /**
     * The council completed the recommendation of that number; {@code evidenceSent} says it sent the Ombudsman the
     * evidence, without which the Ombudsman does not count the recommendation as complied with.
     */
    record OmbudsmanRecommendationCompleted(int recommendation, boolean evidenceSent) implements ComplaintEvent {}

    /** A context figure for a financial year ("2015/16"); a later record for the same year replaces it. */
    record ContextFigureRecorded(ContextFigure figure, String financialYear, long value) implements ComplaintEvent {
        public ContextFigureRecorded {
            Objects.requireNonNull(financialYear, "financialYear");
            // The schema checks the shape; only code can check that "2015/16" names consecutive years.
            if (!FinancialYearLabel.read(financialYear).filter(FinancialYearLabel::consecutive).isPresent()) {
                throw new IllegalArgumentException("financialYear must be two consecutive years like 2015/16, not '"
                        + financialYear + "'");
            }
        }
    }

    /** The contract name of this event, as carried in the envelope's {@code eventType}. */
    default String eventType() {
        return getClass().getSimpleName();
    }
}
