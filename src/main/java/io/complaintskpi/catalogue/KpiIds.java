package io.complaintskpi.catalogue;

import io.complaintskpi.events.AdrKind;
import io.complaintskpi.events.ContextFigure;
import io.complaintskpi.events.CostCategory;
import io.complaintskpi.events.Regime;
import io.complaintskpi.rules.TimelinessBand;

import java.util.Locale;

/**
 * The ids of the KPIs that code outside the catalogue asks for by name: {@link KpiDefinitions} defines each
 * of them under the id given here, and the evaluator, the metrics and the report ask with the same
 * constant, so renaming one changes both sides or fails to compile instead of reading zeros. (Every other
 * id is data: it is listed by {@link KpiDefinitions#all()} and asked for by the caller.)
 */
public final class KpiIds {

    /** What a stage KPI counts: {@code [adults.]stageN.received} or {@code [adults.]stageN.open}. */
    public enum StageFigure {
        RECEIVED, OPEN;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String ESCALATION_RATE = "escalation.rate";
    public static final String STAGE1_REFERRAL_RATE = "stage1.referral.rate";
    public static final String COMPLIMENTS_RECEIVED = "compliments.received";
    public static final String COSTS_TOTAL = "costs.total";
    /** A regime's own spend in total (add the prefix); {@link #procedureCost} per category. */
    public static final String COSTS_PROCEDURE_TOTAL = "costs.procedure.total";
    public static final String OMBUDSMAN_ENQUIRIES = "ombudsman.enquiries";
    public static final String OMBUDSMAN_DECISIONS = "ombudsman.decisions";
    /**
     * The annual review letter's split of decisions (the investigated are {@link #OMBUDSMAN_DETAILED_INVESTIGATIONS},
     * the upheld {@link #OMBUDSMAN_FAULT_FOUND}) and the upheld already remedied by the council.
     */
    public static final String OMBUDSMAN_NOT_FOR_OMBUDSMAN = "ombudsman.decisions.not_for_ombudsman";
    public static final String OMBUDSMAN_ASSESSED_AND_CLOSED = "ombudsman.decisions.assessed_and_closed";
    public static final String OMBUDSMAN_SATISFACTORY_REMEDY = "ombudsman.satisfactory_remedy";
    public static final String OMBUDSMAN_SATISFACTORY_REMEDY_RATE = "ombudsman.satisfactory_remedy.rate";
    /** Ombudsman recommendations: made, due in the period, complied with by the due date, compliance, payments. */
    public static final String OMBUDSMAN_RECOMMENDATIONS = "ombudsman.recommendations";
    public static final String OMBUDSMAN_RECOMMENDATIONS_DUE = "ombudsman.recommendations.due";
    public static final String OMBUDSMAN_RECOMMENDATIONS_ON_TIME = "ombudsman.recommendations.on_time";
    public static final String OMBUDSMAN_COMPLIANCE_RATE = "ombudsman.recommendations.compliance.rate";
    public static final String OMBUDSMAN_RECOMMENDATIONS_PAID = "ombudsman.recommendations.paid";
    public static final String EVENTS_AWAITING = "events.awaiting";

    // Ids of one regime without its prefix: add KpiDefinitions.prefix(regime) for adults' and corporate ones.
    public static final String ACTIONS_BEYOND_APOLOGY = "actions.beyond_apology";
    public static final String ACTIONS_TAKEN = "actions.taken";
    public static final String ACTIONS_UPHELD_COMPLAINTS = "actions.upheld_complaints";
    public static final String ADR_ESCALATIONS_PREVENTED = "adr.escalations_prevented";
    public static final String CAUSES_RESOLVED = "causes.resolved";
    public static final String CAUSES_UPHELD = "causes.upheld";
    public static final String CAUSES_UPHOLD_RATE = "causes.uphold.rate";
    public static final String COMPLAINANT_CHILDREN = "complainant.children";
    public static final String COMPLAINANT_OTHERS = "complainant.others";
    public static final String COMPLIMENTS_BY_SERVICE_AREA = "compliments.by_service_area";
    public static final String NOT_ACCEPTED_BY_REASON = "not_accepted.by_reason";
    public static final String OMBUDSMAN_DECISIONS_BY_OUTCOME = "ombudsman.decisions.by_outcome";
    public static final String OMBUDSMAN_DECISIONS_BY_REGIME = "ombudsman.decisions.by_regime";
    public static final String OMBUDSMAN_DETAILED_INVESTIGATIONS = "ombudsman.detailed_investigations";
    public static final String OMBUDSMAN_DETAILED_INVESTIGATIONS_BY_REGIME = "ombudsman.detailed_investigations.by_regime";
    public static final String OMBUDSMAN_ENQUIRIES_BY_REGIME = "ombudsman.enquiries.by_regime";
    public static final String OMBUDSMAN_FAULT_FOUND = "ombudsman.fault_found";
    public static final String OMBUDSMAN_FAULT_FOUND_BY_REGIME = "ombudsman.fault_found.by_regime";
    public static final String OMBUDSMAN_REMEDIES = "ombudsman.remedies";
    public static final String OMBUDSMAN_UPHOLD_RATE = "ombudsman.uphold.rate";
    public static final String OMBUDSMAN_UPHOLD_RATE_BY_REGIME = "ombudsman.uphold.rate.by_regime";
    /** The Ombudsman's enquiries a regime's report counts as its own, and their decisions (add the prefix). */
    public static final String OMBUDSMAN_REFERRALS = "ombudsman.referrals";
    public static final String OMBUDSMAN_REFERRALS_DECISIONS = "ombudsman.referrals.decisions";
    public static final String OMBUDSMAN_REFERRALS_FAULT_FOUND = "ombudsman.referrals.fault_found";
    public static final String OMBUDSMAN_REFERRALS_DETAILED = "ombudsman.referrals.detailed_investigations";
    public static final String OMBUDSMAN_REFERRALS_UPHOLD_RATE = "ombudsman.referrals.uphold.rate";
    public static final String STAGE1_ACKNOWLEDGEMENT_ON_TIME = "stage1.acknowledgement.on_time";
    public static final String STAGE1_ACKNOWLEDGEMENT_TOTAL = "stage1.acknowledgement.total";
    public static final String STAGE1_ESCALATED_UNRESPONDED = "stage1.escalated_unresponded";
    public static final String STAGE1_EXTENSIONS_TOTAL = "stage1.extensions.total";
    public static final String STAGE1_EXTENSIONS_WITHIN = "stage1.extensions.within";
    public static final String STAGE1_OPEN_OVER_SIX_MONTHS = "stage1.open_over_six_months";
    public static final String STAGE1_RECEIVED_BY_SERVICE_AREA = "stage1.received.by_service_area";
    public static final String STAGE1_RESOLVED = "stage1.resolved";
    public static final String STAGE1_TIMELINESS_ON_TIME = "stage1.timeliness.on_time";
    public static final String STAGE1_TIMELINESS_TOTAL = "stage1.timeliness.total";
    public static final String STAGE1_TIMELINESS_WITHIN10 = "stage1.timeliness.within10";
    public static final String STAGE1_TIMELINESS_WITHIN20 = "stage1.timeliness.within20";
    public static final String STAGE1_UPHELD = "stage1.upheld";
    public static final String STAGE2_ACKNOWLEDGEMENT_ON_TIME = "stage2.acknowledgement.on_time";
    public static final String STAGE2_ACKNOWLEDGEMENT_TOTAL = "stage2.acknowledgement.total";
    public static final String STAGE2_RESPONDED = "stage2.responded";
    public static final String STAGE2_TIMELINESS_ON_TIME = "stage2.timeliness.on_time";
    public static final String STAGE2_TIMELINESS_TOTAL = "stage2.timeliness.total";
    public static final String STAGE2_UPHELD = "stage2.upheld";
    public static final String STAGE2_WITHDRAWN = "stage2.withdrawn";
    public static final String STAGE3_ESCALATION_RATE = "stage3.escalation.rate";
    public static final String STAGE3_RESPONDED = "stage3.responded";
    public static final String STAGE3_WITHDRAWN = "stage3.withdrawn";

    private KpiIds() {
    }

    /** A stage's received or open KPI of a regime, e.g. {@code stage2.received}, {@code adults.stage1.open}. */
    public static String stage(Regime regime, int stage, StageFigure figure) {
        return KpiDefinitions.prefix(regime) + "stage" + stage + "." + figure.key();
    }

    /** Stage 1 complaints received per service area, of a regime. */
    public static String receivedByServiceArea(Regime regime) {
        return KpiDefinitions.prefix(regime) + STAGE1_RECEIVED_BY_SERVICE_AREA;
    }

    /** Stage 1 complaints resolved as totally or partly upheld, of a regime; add {@link #rate} for their share. */
    public static String upheld(Regime regime) {
        return KpiDefinitions.prefix(regime) + STAGE1_UPHELD;
    }

    /** A children's timeliness band's count ({@code stageN.timeliness.within10}); add {@link #rate} for its share. */
    public static String timeliness(TimelinessBand band) {
        return "stage" + band.stage() + ".timeliness." + band.key();
    }

    /** The spend of one cost category, in pence. */
    public static String cost(CostCategory category) {
        return "costs." + category.name().toLowerCase(Locale.ROOT);
    }

    /** A regime's own spend of one cost category, in pence, without the regime's prefix. */
    public static String procedureCost(CostCategory category) {
        return "costs.procedure." + category.name().toLowerCase(Locale.ROOT);
    }

    /** A figure the authority records for a financial year (table 1), e.g. {@code context.referrals}. */
    public static String context(ContextFigure figure) {
        return "context." + figure.name().toLowerCase(Locale.ROOT);
    }

    /** Stage 1 complaints resolved with one closure (an outcome or withdrawn), without the regime's prefix. */
    public static String outcome(String closure) {
        return "stage1.outcome." + closure.toLowerCase(Locale.ROOT);
    }

    /** What mediation or conciliation achieved: {@code adr.<kind>.held|resolved|prevented_escalation}. */
    public enum AdrMeasure {
        HELD, RESOLVED, PREVENTED_ESCALATION
    }

    /** An alternative dispute resolution count of one kind, without the regime's prefix. */
    public static String adr(AdrKind kind, AdrMeasure measure) {
        return "adr." + kind.name().toLowerCase(Locale.ROOT) + "." + measure.name().toLowerCase(Locale.ROOT);
    }

    /** The percentage KPI built on a count: {@code <id>.rate}. */
    public static String rate(String countId) {
        return countId + ".rate";
    }
}
