package io.complaintskpi.catalogue;

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
    public static final String OMBUDSMAN_ENQUIRIES = "ombudsman.enquiries";
    public static final String OMBUDSMAN_DECISIONS = "ombudsman.decisions";
    /** The annual review letter's split of decisions, its upheld and uphold rate (upheld of investigated). */
    public static final String OMBUDSMAN_NOT_FOR_OMBUDSMAN = "ombudsman.decisions.not_for_ombudsman";
    public static final String OMBUDSMAN_ASSESSED_AND_CLOSED = "ombudsman.decisions.assessed_and_closed";
    public static final String OMBUDSMAN_INVESTIGATED = "ombudsman.detailed_investigations";
    public static final String OMBUDSMAN_UPHELD = "ombudsman.fault_found";
    public static final String OMBUDSMAN_UPHOLD_RATE = "ombudsman.uphold.rate";
    public static final String OMBUDSMAN_SATISFACTORY_REMEDY = "ombudsman.satisfactory_remedy";
    public static final String OMBUDSMAN_SATISFACTORY_REMEDY_RATE = "ombudsman.satisfactory_remedy.rate";
    /** Ombudsman recommendations: made, due in the period, complied with by the due date, compliance, payments. */
    public static final String OMBUDSMAN_RECOMMENDATIONS = "ombudsman.recommendations";
    public static final String OMBUDSMAN_RECOMMENDATIONS_DUE = "ombudsman.recommendations.due";
    public static final String OMBUDSMAN_RECOMMENDATIONS_ON_TIME = "ombudsman.recommendations.on_time";
    public static final String OMBUDSMAN_COMPLIANCE_RATE = "ombudsman.recommendations.compliance.rate";
    public static final String OMBUDSMAN_RECOMMENDATIONS_PAID = "ombudsman.recommendations.paid";
    public static final String EVENTS_AWAITING = "events.awaiting";

    private KpiIds() {
    }

    /** A stage's received or open KPI of a regime, e.g. {@code stage2.received}, {@code adults.stage1.open}. */
    public static String stage(Regime regime, int stage, StageFigure figure) {
        return KpiDefinitions.prefix(regime) + "stage" + stage + "." + figure.key();
    }

    /** Stage 1 complaints received per service area, of a regime. */
    public static String receivedByServiceArea(Regime regime) {
        return KpiDefinitions.prefix(regime) + "stage1.received.by_service_area";
    }

    /** Stage 1 complaints resolved as totally or partly upheld, of a regime; add {@link #rate} for their share. */
    public static String upheld(Regime regime) {
        return KpiDefinitions.prefix(regime) + "stage1.upheld";
    }

    /** A children's timeliness band's count ({@code stageN.timeliness.within10}); add {@link #rate} for its share. */
    public static String timeliness(TimelinessBand band) {
        return "stage" + band.stage() + ".timeliness." + band.key();
    }

    /** The spend of one cost category, in pence. */
    public static String cost(CostCategory category) {
        return "costs." + category.name().toLowerCase(Locale.ROOT);
    }

    /** The percentage KPI built on a count: {@code <id>.rate}. */
    public static String rate(String countId) {
        return countId + ".rate";
    }
}
